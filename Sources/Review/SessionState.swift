import Records

/// Where the meeting as a whole stands.
public enum MeetingPhase: String, Sendable, Equatable {
    /// Members may sign in; the meeting has not been opened.
    case convening
    case open
    case closed
}

/// One continuous stretch a member spent in the meeting room.
public struct Stay: Sendable, Equatable {
    public var arrivedSeq: Int
    public var arrivedAt: String
    public var leftSeq: Int?
    public var leftAt: String?
    public var reason: String?
}

/// Where a candidate stands in the session.
public enum Stage: Sendable, Equatable {
    /// Not yet taken up.
    case pending
    /// Deliberation has begun; no round is open for the candidate.
    case deliberating
    /// On the ballot of this open round.
    case voting(round: Int)
    /// Counted in this round: final (R8).
    case counted(round: Int)
    /// Decided by a past session of the committee (registry): never again (R8).
    case barred(PastDecision)

    /// The short English name used in `status --json`.
    public var name: String {
        switch self {
        case .pending: "pending"
        case .deliberating: "deliberating"
        case .voting: "voting"
        case .counted: "counted"
        case .barred: "barred"
        }
    }
}

/// A text recorded at a moment of the meeting.
public struct Timed<Value: Sendable & Equatable>: Sendable, Equatable {
    public var at: String
    public var value: Value
}

/// Everything the session knows of one candidate.
public struct CandidateProgress: Sendable, Equatable {
    public var stage: Stage = .pending
    public var deliberationSeq: Int?
    public var deliberationAt: String?
    /// Members present when deliberation began who have not left since (R3).
    public var attended: Set<MemberID> = []
    public var recusals: [Recusal] = []
    /// Opinions on this candidate alone: `opinion` commands, and the opinion given when the
    /// candidate was deliberated alone. A batch's shared opinion is `DeliberationBatch.opinion`.
    public var opinions: [Timed<String>] = []
    public var speeches: [Timed<Speech>] = []
    /// 评审讨论情况 (皖人社发〔2018〕5号 第二十四条), in the order recorded.
    public var discussions: [Timed<String>] = []
    /// Reasons recorded for a rejection; the last one stands (R13).
    public var reasons: [Timed<String>] = []
    public var tally: Tally?
    public var announced = false

    public var recused: Set<MemberID> { Set(recusals.map(\.member)) }
    public var result: Outcome? { tally?.outcome }
}

/// Candidates whose deliberation began together (one `deliberation.began`), and the opinion
/// given for all of them at once.
public struct DeliberationBatch: Sendable, Equatable {
    public var seq: Int
    public var at: String
    public var candidates: [CandidateID]
    /// The shared 评议组/初审 opinion of a batch of several; nil for one candidate deliberated
    /// alone (their opinion is in `CandidateProgress.opinions`) or when none was given.
    public var opinion: String?
}

/// What became of a round.
public enum RoundStatus: Sendable, Equatable {
    case open
    case closed(RoundClosed)
    case cancelled(reason: String)
}

/// One ballot round (one sheet) and what has been recorded in it.
public struct RoundState: Sendable, Equatable {
    public var opened: RoundOpened
    public var openedSeq: Int
    public var openedAt: String
    public var status: RoundStatus = .open
    public var closedAt: String?
    /// Members who received their ballot, in journal order (electronic rounds).
    public var issued: [MemberID] = []
    /// Each paper sheet's readings, in journal order, by sheet number.
    public var sheets: [Int: [SheetEntered]] = [:]

    public var number: Int { opened.round }
    public var isOpen: Bool { status == .open }
    public var eligibleSet: Set<MemberID> { Set(opened.eligible) }
}

/// The whole session as derived from its journal. Never stored: always replayed.
public struct SessionState: Sendable {
    public let founding: SessionCreated
    public let memberIndex: [MemberID: Int]
    public let candidateIndex: [CandidateID: Int]

    public internal(set) var phase: MeetingPhase = .convening
    public internal(set) var present: Set<MemberID> = []
    public internal(set) var stays: [MemberID: [Stay]] = [:]
    /// The PIN record handed to each member at their latest arrival or re-issue; dropped when they leave.
    public internal(set) var pins: [MemberID: Arrival] = [:]
    /// Wrong PINs since each member's PIN was issued, their lock lifted or their vote accepted (R16).
    public internal(set) var pinFailures: [MemberID: Int] = [:]
    /// Members locked after too many wrong PINs, until the host unlocks them (R16).
    public internal(set) var locked: Set<MemberID> = []
    public internal(set) var observers: [Timed<ObserverAdmitted>] = []
    public internal(set) var host: MemberID?
    /// Who hosted when the meeting opened (`host` follows later changes).
    public internal(set) var openingHost: MemberID?
    public internal(set) var recorder: String?
    public internal(set) var agenda: [String] = []
    public internal(set) var openedAt: String?
    public internal(set) var closedAt: String?
    public internal(set) var closedSeq: Int?
    public internal(set) var hostChanges: [Timed<MemberID>] = []
    public internal(set) var reports: [Timed<String>] = []
    public internal(set) var progress: [CandidateID: CandidateProgress] = [:]
    public internal(set) var rounds: [RoundState] = []
    /// Every `deliberation.began`, in journal order.
    public internal(set) var batches: [DeliberationBatch] = []
    public internal(set) var matters: [Timed<Matter>] = []
    public internal(set) var announcements: [Timed<ResultsAnnounced>] = []
    public internal(set) var repairs: [Timed<JournalRepaired>] = []
    /// The opening seal of a signed meeting; nil for an unsigned drill or before opening.
    public internal(set) var seal: MeetingSeal?
    /// Signed checkpoints, with the sequence number of the entry holding each.
    public internal(set) var checkpoints: [(seq: Int, checkpoint: CheckpointSigned)] = []
    public internal(set) var documents: [Timed<DocumentSigned>] = []
    /// The latest entry that called for a checkpoint and has none after it yet (SPEC.md §2): in a
    /// signed meeting a journal at rest never has one, so a writer that finds one refuses.
    public internal(set) var unsealedEntry: Int?
    public internal(set) var lastSeq = 0
    public internal(set) var lastAt = ""

    public var settings: Settings { founding.settings }
    public var members: [Member] { founding.members }
    public var candidates: [Candidate] { founding.candidates }
    public var session: String { founding.session }

    public func member(_ id: MemberID) -> Member? { memberIndex[id].map { founding.members[$0] } }
    public func candidate(_ id: CandidateID) -> Candidate? { candidateIndex[id].map { founding.candidates[$0] } }

    /// The round now open, if any.
    public var openRound: RoundState? {
        guard let last = rounds.last, last.isOpen else { return nil }
        return last
    }

    /// Present members in roster order.
    public var presentInOrder: [MemberID] { members.map(\.id).filter(present.contains) }

    /// The date the meeting was actually held: the opening entry's, else the planned `date`.
    /// The minutes print it, with the planned date beside it when the two differ.
    public var meetingDate: String { openedAt.map { String($0.prefix(10)) } ?? settings.date }

    /// The planned date when the meeting opened on another day; nil when they agree (or before opening).
    public var plannedDateIfDifferent: String? { meetingDate == settings.date ? nil : settings.date }

    /// The time the member last left, if they are now absent after having been present.
    public func lastDeparture(of member: MemberID) -> Stay? {
        stays[member]?.last(where: { $0.leftSeq != nil })
    }
}
