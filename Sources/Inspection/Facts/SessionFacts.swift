import Records

/// What the journal says happened, gathered in one pass and nothing more: who was where when,
/// what each round recorded, what was announced, reasoned, signed.
///
/// Deliberately plain: no rule is applied here (the checks do that, each on its own), and the
/// session engine's replay is never used, so that one bug cannot hide itself twice.
struct SessionFacts {
    struct Round {
        var number: Int
        var openedAt: Int
        var opened: RoundOpened
        var issued: [(p: Int, value: BallotIssued)] = []
        var sheets: [(p: Int, value: SheetEntered)] = []
        var closes: [(p: Int, value: RoundClosed)] = []
        var cancels: [(p: Int, value: RoundCancelled)] = []

        /// Where the round ended (its first close or cancellation), if it did.
        var endedAt: Int? { (closes.map(\.p) + cancels.map(\.p)).min() }
        var closed: (p: Int, value: RoundClosed)? { closes.first }
    }

    var founding: SessionCreated?
    var members: [MemberID: Member] = [:]
    var roster: [MemberID] = []
    var candidates: [CandidateID: Candidate] = [:]
    var candidateOrder: [CandidateID] = []
    var attendance = Attendance()
    var openings: [(p: Int, value: MeetingOpened)] = []
    var hostChanges: [(p: Int, value: MemberID)] = []
    var deliberations: [(p: Int, value: DeliberationBegan)] = []
    var recusals: [(p: Int, value: Recusal)] = []
    /// Rounds in the order they were opened; a round number opened twice appears twice.
    var rounds: [Round] = []
    /// Ballot issues, sheets, closes and cancellations naming a round never opened.
    var orphans: [(p: Int, kind: String, round: Int)] = []
    var reasons: [(p: Int, value: CandidateNote)] = []
    var announcements: [(p: Int, value: ResultsAnnounced)] = []
    var closings: [(p: Int, value: MeetingClosed)] = []
    var checkpoints: [(p: Int, value: CheckpointSigned)] = []
    var documents: [(p: Int, value: DocumentSigned)] = []
    var repairs: [(p: Int, value: JournalRepaired)] = []
    /// PIN records in journal order: arrivals' PINs, re-issues, wrong PINs, locks, unlocks (R16).
    var pinEvents: [(p: Int, value: PINEvent)] = []

    /// What happened to a member's PIN at one entry (R16).
    enum PINEvent {
        case issued(MemberID)
        case reissued(MemberID)
        case failed(PINFailed)
        case locked(MemberLocked)
        case unlocked(MemberUnlocked)
    }

    init(_ journal: JournalRecord) {
        for (p, entry) in journal.decoded {
            record(entry.event, at: p)
        }
    }

    var session: String? { founding?.session }
    var settings: Settings? { founding?.settings }
    /// The opening seal; nil for an unsigned drill (or a journal with no opening).
    var seal: MeetingSeal? { openings.first?.value.seal }
    var opening: (p: Int, value: MeetingOpened)? { openings.first }
    var closing: (p: Int, value: MeetingClosed)? { closings.first }

    /// The host at position `p`: the opening's host, then each change.
    func host(at p: Int) -> MemberID? {
        guard let opening, opening.p <= p else { return nil }
        return hostChanges.last { $0.p < p }?.value ?? opening.value.host
    }

    /// The round with number `n` (its first opening).
    func round(_ n: Int) -> Round? { rounds.first { $0.number == n } }

    /// Candidates counted, with the round that counted them, in journal order.
    var counted: [(candidate: CandidateID, round: Int, p: Int, tally: Tally)] {
        rounds.flatMap { r in r.closes.flatMap { c in c.value.tallies.map { ($0.candidate, r.number, c.p, $0) } } }
            .sorted { $0.p < $1.p }
    }

    private mutating func record(_ event: Event, at p: Int) {
        switch event {
        case .sessionCreated(let s):
            guard founding == nil else { return }
            founding = s
            for m in s.members where members[m.id] == nil {
                members[m.id] = m
                roster.append(m.id)
            }
            for c in s.candidates where candidates[c.id] == nil {
                candidates[c.id] = c
                candidateOrder.append(c.id)
            }
        case .membersArrived(let a):
            for arrival in a.arrivals {
                attendance.arrive(arrival.member, at: p, known: members[arrival.member] != nil)
                pinEvents.append((p, .issued(arrival.member)))
            }
        case .memberLeft(let l):
            attendance.leave(l.member, at: p, known: members[l.member] != nil)
        case .meetingOpened(let o):
            openings.append((p, o))
        case .hostChanged(let h):
            hostChanges.append((p, h.host))
        case .deliberationBegan(let d):
            deliberations.append((p, d))
            recusals += d.recusals.map { (p, $0) }
        case .memberRecused(let r):
            recusals.append((p, r))
        case .roundOpened(let o):
            rounds.append(Round(number: o.round, openedAt: p, opened: o))
        case .ballotIssued(let b):
            withRound(b.round, p, "ballot.issued") { $0.issued.append((p, b)) }
        case .sheetEntered(let s):
            withRound(s.round, p, "sheet.entered") { $0.sheets.append((p, s)) }
        case .roundCancelled(let c):
            withRound(c.round, p, "round.cancelled") { $0.cancels.append((p, c)) }
        case .roundClosed(let c):
            withRound(c.round, p, "round.closed") { $0.closes.append((p, c)) }
        case .reasonRecorded(let n):
            reasons.append((p, n))
        case .resultsAnnounced(let a):
            announcements.append((p, a))
        case .meetingClosed(let c):
            closings.append((p, c))
        case .checkpointSigned(let c):
            checkpoints.append((p, c))
        case .documentSigned(let d):
            documents.append((p, d))
        case .journalRepaired(let r):
            repairs.append((p, r))
        case .pinReissued(let a):
            pinEvents.append((p, .reissued(a.member)))
        case .pinFailed(let f):
            pinEvents.append((p, .failed(f)))
        case .memberLocked(let l):
            pinEvents.append((p, .locked(l)))
        case .memberUnlocked(let u):
            pinEvents.append((p, .unlocked(u)))
        case .observerAdmitted, .materialsReported, .opinionRecorded, .speechRecorded, .discussionRecorded, .matterRecorded:
            break
        }
    }

    /// Applies `body` to the latest round opened with number `n` before `p`, or records an orphan.
    private mutating func withRound(_ n: Int, _ p: Int, _ kind: String, _ body: (inout Round) -> Void) {
        guard let i = rounds.lastIndex(where: { $0.number == n }) else {
            return orphans.append((p, kind, n))
        }
        body(&rounds[i])
    }
}
