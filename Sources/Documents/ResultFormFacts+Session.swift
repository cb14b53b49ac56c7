import Printer
import Records
import Review

extension ResultFormFacts {
    /// The facts of a counted candidate's form, from the replayed session; nil when the
    /// candidate has not been counted.
    public init?(_ r: CandidateRecord, in state: SessionState) {
        guard let t = r.tally, let round = r.round else { return nil }
        let host = state.host(at: round.openedAt).flatMap(state.member)
        self.init(
            committee: state.settings.name, session: state.session, date: state.meetingDate, candidate: r.candidate,
            round: round.number, paper: round.opened.paper, expected: state.settings.size, present: r.presentAtVote ?? 0,
            voters: round.opened.eligible.count, denominator: t.denominator, policy: DenominatorPolicy(state.settings),
            yes: t.yes, no: t.no, abstain: t.abstain, void: t.void, outcome: t.outcome,
            host: host?.name ?? "", hostOffice: host?.office.rawValue ?? "")
    }

    /// The facts of every counted candidate's form, in roster order.
    public static func all(_ state: SessionState) -> [ResultFormFacts] {
        state.candidateRecords().compactMap { ResultFormFacts($0, in: state) }
    }
}

extension SessionState {
    /// Who hosted at the moment `time` (an entry's timestamp): the opening host, or the last
    /// host change made at or before it.
    func host(at time: String) -> MemberID? {
        hostChanges.last { $0.at <= time }?.value ?? openingHost
    }
}
