/// The session's founding record: settings, roster, candidates and the registry as read at `init`.
public struct SessionCreated: Codable, Sendable, Equatable {
    /// Journal schema version.
    public var schema: JournalSchema
    /// 32 hex digits drawn at `init`; binds ballots to this session.
    public var session: String
    public var settings: Settings
    public var members: [Member]
    public var candidates: [Candidate]
    /// Past decisions of the committee known at `init` (R8).
    public var registry: [PastDecision]
    /// Absolute path of the registry file that `close` appends to; nil when there is none.
    public var registryPath: String?
    /// SHA-256 of each input file as imported, by file name.
    public var sources: [String: String]

    public init(
        schema: JournalSchema = .v1, session: String, settings: Settings, members: [Member], candidates: [Candidate],
        registry: [PastDecision], registryPath: String?, sources: [String: String]
    ) {
        self.schema = schema
        self.session = session
        self.settings = settings
        self.members = members
        self.candidates = candidates
        self.registry = registry
        self.registryPath = registryPath
        self.sources = sources
    }
}

/// The journal's schema version, written in `session.created`; a reader refuses any other.
public enum JournalSchema: Int, Codable, Sendable {
    case v1 = 1

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let known = Self(rawValue: try c.decode(Int.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "不支持的日志格式版本 (unsupported journal schema)")
        }
        self = known
    }
}

/// A member's arrival (签到) or return — or a PIN re-issued to a present member (`pin.reissued`) —
/// with the keyed MAC of the PIN handed to them (R16).
public struct Arrival: Codable, Sendable, Equatable {
    public var member: MemberID
    /// 16 random bytes, hex, drawn for this PIN: the same PIN issued twice never yields the same MAC.
    public var pinSalt: String
    /// HMAC-SHA-256 (hex) under the session's PIN key of
    /// `pingshen-pin-v2` 0x00 session 0x00 member 0x00 salt 0x00 PIN. The key lives only in the
    /// session's key store and is destroyed at the close, so a copy of the folder cannot be
    /// searched for the PIN (R16).
    public var pinMAC: String

    public init(member: MemberID, pinSalt: String, pinMAC: String) {
        self.member = member
        self.pinSalt = pinSalt
        self.pinMAC = pinMAC
    }
}

public struct MembersArrived: Codable, Sendable, Equatable {
    public var arrivals: [Arrival]
    public init(arrivals: [Arrival]) { self.arrivals = arrivals }
}

/// 中途离会.
public struct MemberLeft: Codable, Sendable, Equatable {
    public var member: MemberID
    public var reason: String?
    public init(member: MemberID, reason: String?) {
        self.member = member
        self.reason = reason
    }
}

/// Who an observer (列席人员) may be (R11).
public enum ObserverKind: String, Codable, Sendable, CaseIterable {
    /// Staff of the 组建单位.
    case organizer
    /// Staff of a 人力资源社会保障部门.
    case hrss

    public var chinese: String { self == .organizer ? "评委会组建单位" : "人力资源社会保障部门" }
}

public struct ObserverAdmitted: Codable, Sendable, Equatable {
    public var name: String
    public var unit: String
    public var kind: ObserverKind
    public init(name: String, unit: String, kind: ObserverKind) {
        self.name = name
        self.unit = unit
        self.kind = kind
    }
}

public struct MeetingOpened: Codable, Sendable, Equatable {
    public var host: MemberID
    public var recorder: String
    public var agenda: [String]
    /// The session key and the host's signed statement binding it; nil for an unsigned drill.
    public var seal: MeetingSeal?
    public init(host: MemberID, recorder: String, agenda: [String], seal: MeetingSeal? = nil) {
        self.host = host
        self.recorder = recorder
        self.agenda = agenda
        self.seal = seal
    }
}

public struct HostChanged: Codable, Sendable, Equatable {
    public var host: MemberID
    public init(host: MemberID) { self.host = host }
}

/// Free text recorded in the minutes: a 组建单位 report, a 初审 opinion, a reason.
public struct Note: Codable, Sendable, Equatable {
    public var text: String
    public init(text: String) { self.text = text }
}

/// A recusal (回避) of one member from one candidate (R6).
public struct Recusal: Codable, Sendable, Equatable {
    public var member: MemberID
    public var candidate: CandidateID
    public var reason: String
    public init(member: MemberID, candidate: CandidateID, reason: String) {
        self.member = member
        self.candidate = candidate
        self.reason = reason
    }
}

/// The deliberation of these candidates begins now (R3: attendance is counted from here).
public struct DeliberationBegan: Codable, Sendable, Equatable {
    public var candidates: [CandidateID]
    /// The 评议组/初审 opinion, when given with the command: one opinion on the whole batch,
    /// recorded (and printed in the minutes) once, not copied to each candidate.
    public var opinion: String?
    /// Recusals the committee's settings impose automatically (same 工作单位, own application).
    public var recusals: [Recusal]
    public init(candidates: [CandidateID], opinion: String?, recusals: [Recusal]) {
        self.candidates = candidates
        self.opinion = opinion
        self.recusals = recusals
    }
}

/// A note tied to one candidate: a 初审 opinion, the discussion, or the reason for a rejection.
public struct CandidateNote: Codable, Sendable, Equatable {
    public var candidate: CandidateID
    public var text: String
    public init(candidate: CandidateID, text: String) {
        self.candidate = candidate
        self.text = text
    }
}

/// 发言摘要.
public struct Speech: Codable, Sendable, Equatable {
    public var candidate: CandidateID
    public var member: MemberID
    public var text: String
    public init(candidate: CandidateID, member: MemberID, text: String) {
        self.candidate = candidate
        self.member = member
        self.text = text
    }
}

/// A round opens: one ballot sheet for these candidates, the eligible set frozen (R3, R6, R9).
public struct RoundOpened: Codable, Sendable, Equatable {
    public var round: Int
    public var candidates: [CandidateID]
    /// Members who may vote, in roster order.
    public var eligible: [MemberID]
    /// N for each candidate (R7).
    public var denominators: [CandidateID: Int]
    public var paper: Bool
    /// The 同意 cap in force for this round; 0 = none (R10).
    public var yesCap: Int
    /// The round's RSA credential key (RFC 9474), base64 SubjectPublicKeyInfo DER; nil for a
    /// paper round or an unsigned drill. Its private half is destroyed when the round closes.
    public var credentialKey: String?
    /// A paper round's two tellers (计票人, 监票人), named when it opens: only they enter its
    /// sheets (R15). Nil for an electronic round.
    public var tellers: [String]?
    public init(round: Int, candidates: [CandidateID], eligible: [MemberID], denominators: [CandidateID: Int], paper: Bool, yesCap: Int,
                credentialKey: String? = nil, tellers: [String]? = nil) {
        self.round = round
        self.candidates = candidates
        self.eligible = eligible
        self.denominators = denominators
        self.paper = paper
        self.yesCap = yesCap
        self.credentialKey = credentialKey
        self.tellers = tellers
    }
}

/// A member received (and used) their ballot for a round. Names the member, never the choice (R5).
public struct BallotIssued: Codable, Sendable, Equatable {
    public var round: Int
    public var member: MemberID
    /// SHA-256 (hex) of the blinded message the round key signed for this member: the credential
    /// issue. Blinding makes it unlinkable to the ballot that later carries the signature.
    public var blinded: String?
    public init(round: Int, member: MemberID, blinded: String? = nil) {
        self.round = round
        self.member = member
        self.blinded = blinded
    }
}

/// One teller's reading of one paper sheet.
public struct SheetEntered: Codable, Sendable, Equatable {
    public var round: Int
    public var sheet: Int
    /// One of the round's two tellers, spelt as the round names them (R15).
    public var teller: String
    /// The marks as read, each candidate's list in canonical form and order (R15).
    public var marks: [CandidateID: [String]]
    /// In a signed meeting, the teller's own signature (certificate role teller) over the
    /// canonical text of this reading; nil in an unsigned drill (R15).
    public var signed: SignedStatement?
    public init(round: Int, sheet: Int, teller: String, marks: [CandidateID: [String]], signed: SignedStatement? = nil) {
        self.round = round
        self.sheet = sheet
        self.teller = teller
        self.marks = marks
        self.signed = signed
    }
}

public struct RoundCancelled: Codable, Sendable, Equatable {
    public var round: Int
    public var reason: String
    public init(round: Int, reason: String) {
        self.round = round
        self.reason = reason
    }
}

/// A round closes: its ballots as one block sorted by id (R5), and the tally (R7).
public struct RoundClosed: Codable, Sendable, Equatable {
    public var round: Int
    /// Electronic ballots sorted by `id`; empty for a paper round.
    public var ballots: [Ballot]
    /// Ballots or sheets returned.
    public var returned: Int
    public var tallies: [Tally]
    /// True when the block was left undecoded while reading (`omittingBallots` in the
    /// decoder's `userInfo`) and `ballots` is empty for that reason only. Never written.
    public var ballotsOmitted = false

    /// Set to `true` in a decoder's `userInfo` to read closed rounds without their ballot blocks:
    /// replaying a session needs only the tallies. The decoder must then have skipped (or at
    /// least checked) the block itself.
    public static let omittingBallots = CodingUserInfoKey(rawValue: "pingshen.omittingBallots")!

    enum CodingKeys: String, CodingKey {
        case round, ballots, returned, tallies
    }

    public init(round: Int, ballots: [Ballot], returned: Int, tallies: [Tally]) {
        self.round = round
        self.ballots = ballots
        self.returned = returned
        self.tallies = tallies
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        round = try c.decode(Int.self, forKey: .round)
        returned = try c.decode(Int.self, forKey: .returned)
        tallies = try c.decode([Tally].self, forKey: .tallies)
        if decoder.userInfo[Self.omittingBallots] as? Bool == true {
            guard c.contains(.ballots) else {
                throw DecodingError.keyNotFound(CodingKeys.ballots, .init(codingPath: c.codingPath, debugDescription: "missing ballots"))
            }
            ballots = []
            ballotsOmitted = true
        } else {
            ballots = try c.decode([Ballot].self, forKey: .ballots)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        precondition(!ballotsOmitted, "a round read without its ballots cannot be written back")
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ballots, forKey: .ballots)
        try c.encode(returned, forKey: .returned)
        try c.encode(round, forKey: .round)
        try c.encode(tallies, forKey: .tallies)
    }
}

/// 专项问题 or 其他事项, with its handling.
public struct Matter: Codable, Sendable, Equatable {
    public var text: String
    public var handling: String?
    public init(text: String, handling: String?) {
        self.text = text
        self.handling = handling
    }
}

/// The host announces these results (R12).
public struct ResultsAnnounced: Codable, Sendable, Equatable {
    public var host: MemberID
    public var candidates: [CandidateID]
    public init(host: MemberID, candidates: [CandidateID]) {
        self.host = host
        self.candidates = candidates
    }
}

public struct MeetingClosed: Codable, Sendable, Equatable {
    public var host: MemberID
    /// Decisions appended to the committee registry at close.
    public var registered: Int
    public init(host: MemberID, registered: Int) {
        self.host = host
        self.registered = registered
    }
}

/// A torn last line was cut from the journal by `pingshen repair`; its bytes are kept aside.
public struct JournalRepaired: Codable, Sendable, Equatable {
    public var discardedBytes: Int
    public var sha256: String
    public var keptIn: String
    public init(discardedBytes: Int, sha256: String, keptIn: String) {
        self.discardedBytes = discardedBytes
        self.sha256 = sha256
        self.keptIn = keptIn
    }
}
