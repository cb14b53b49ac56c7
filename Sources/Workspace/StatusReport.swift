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

        enum CodingKeys: String, CodingKey {
            case id, name, state, result, yes, no, abstain, void, denominator, round, announced, recused, reason
        }

        /// Writes every field, absent values as `null`, so scripts can rely on the keys.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(state, forKey: .state)
            try c.encode(result, forKey: .result)
            try c.encode(yes, forKey: .yes)
            try c.encode(no, forKey: .no)
            try c.encode(abstain, forKey: .abstain)
            try c.encode(void, forKey: .void)
            try c.encode(denominator, forKey: .denominator)
            try c.encode(round, forKey: .round)
            try c.encode(announced, forKey: .announced)
            try c.encode(recused, forKey: .recused)
            try c.encode(reason, forKey: .reason)
        }
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

    enum CodingKeys: String, CodingKey {
        case session, committee, date, phase, open, closed, size, quorum, present, host, recorder, round, candidates,
             unannounced, rejectedWithoutReason, tornTail
    }

    /// Writes every field, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(session, forKey: .session)
        try c.encode(committee, forKey: .committee)
        try c.encode(date, forKey: .date)
        try c.encode(phase, forKey: .phase)
        try c.encode(open, forKey: .open)
        try c.encode(closed, forKey: .closed)
        try c.encode(size, forKey: .size)
        try c.encode(quorum, forKey: .quorum)
        try c.encode(present, forKey: .present)
        try c.encode(host, forKey: .host)
        try c.encode(recorder, forKey: .recorder)
        try c.encode(round, forKey: .round)
        try c.encode(candidates, forKey: .candidates)
        try c.encode(unannounced, forKey: .unannounced)
        try c.encode(rejectedWithoutReason, forKey: .rejectedWithoutReason)
        try c.encode(tornTail, forKey: .tornTail)
    }

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
        let lock = try lock(exclusive: false)
        defer { withExtendedLifetime(lock) {} }
        let loaded = try load(omittingBallots: true)
        return StatusReport(loaded.state, tornTail: loaded.tornTail)
    }
}
