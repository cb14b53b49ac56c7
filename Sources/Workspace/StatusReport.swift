import Records
import Review

/// What `pingshen status --json` prints: the session as replayed, for people and scripts.
public struct StatusReport: Encodable, Sendable, Equatable {
    public struct CandidateLine: Encodable, Sendable, Equatable {
        public var id: CandidateID
        public var name: String
        /// pending, deliberating, voting, counted or barred.
        public var state: String
        /// passed, rejected, or null until counted.
        public var result: Outcome?
        public var yes: Int?
        public var no: Int?
        public var abstain: Int?
        /// Blank, invalid, over-cap and unreturned together.
        public var void: Int?
        /// N: frozen at vote opening; null before.
        public var denominator: Int?
        public var round: Int?
        public var announced: Bool
        public var recused: [MemberID]
        public var reason: String?
    }

    public struct RoundLine: Encodable, Sendable, Equatable {
        public var number: Int
        public var candidates: [CandidateID]
        public var eligible: [MemberID]
        public var paper: Bool
        /// Electronic: members who have voted; paper: sheets entered by at least one teller.
        public var received: Int
        /// Members who have voted (electronic rounds only; never what they chose).
        public var voted: [MemberID]
    }

    public var session: String
    public var committee: String
    public var date: String
    public var phase: String
    public var open: Bool
    public var closed: Bool
    public var size: Int
    public var quorum: Int
    public var present: [MemberID]
    public var host: MemberID?
    public var recorder: String?
    public var round: RoundLine?
    public var candidates: [CandidateLine]
    public var unannounced: [CandidateID]
    public var rejectedWithoutReason: [CandidateID]
    /// Bytes of an interrupted last journal line awaiting `pingshen repair`, if any.
    public var tornTail: Int?

    public init(_ state: SessionState, tornTail: Int? = nil) {
        session = state.session
        committee = state.settings.name
        date = state.settings.date
        phase = state.phase.rawValue
        open = state.phase == .open
        closed = state.phase == .closed
        size = state.settings.size
        quorum = state.settings.quorum
        present = state.presentInOrder
        host = state.host
        recorder = state.recorder
        round = state.openRound.map {
            RoundLine(number: $0.number, candidates: $0.opened.candidates, eligible: $0.opened.eligible, paper: $0.opened.paper,
                      received: $0.opened.paper ? $0.sheets.count : $0.issued.count, voted: $0.issued)
        }
        candidates = state.candidates.map { c in
            let p = state.progress[c.id]!
            var round: Int?
            var frozenN: Int?
            switch p.stage {
            case .voting(let r), .counted(let r):
                round = r
                frozenN = state.rounds.first { $0.number == r }?.opened.denominators[c.id]
            default: break
            }
            return CandidateLine(
                id: c.id, name: c.name, state: p.stage.name, result: p.tally?.outcome,
                yes: p.tally?.yes, no: p.tally?.no, abstain: p.tally?.abstain, void: p.tally?.void,
                denominator: p.tally?.denominator ?? frozenN, round: round, announced: p.announced,
                recused: p.recusals.map(\.member), reason: p.reasons.last?.value)
        }
        unannounced = state.unannounced
        rejectedWithoutReason = state.rejectedWithoutReason
        self.tornTail = tornTail
    }
}

extension SessionFolder {
    /// The status report, read under a shared lock; a torn last line is reported, not repaired.
    public func status() throws(WorkspaceError) -> StatusReport {
        try locked(exclusive: false) { () throws(WorkspaceError) in
            let loaded = try load()
            return StatusReport(loaded.state, tornTail: loaded.tornTail)
        }
    }
}
