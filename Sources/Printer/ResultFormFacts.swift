import Records

/// Everything one 评审表·评审结论 prints, as plain names and numbers (皖人社发〔2018〕5号
/// 第二十三条第六项): the committee and meeting, the candidate's roster row, the attendance and
/// N of the candidate's round with the policy that gave N, the count, and who hosted the vote.
///
/// Plain on purpose: the session fills it from its replayed state, and an inspector's verifier
/// can fill it from the raw journal records alone (`SessionCreated`, `RoundOpened`,
/// `RoundClosed`, arrivals and departures) to re-render a signed form and compare bytes.
public struct ResultFormFacts: Sendable, Equatable {
    /// 评委会名称 (`Settings.name`).
    public var committee: String
    /// 会议编号: the session id of `session.created`.
    public var session: String
    /// 评审日期, `YYYY-MM-DD`: the day the meeting opened (`Settings.date` until it has).
    public var date: String
    /// The candidate's roster row.
    public var candidate: Candidate
    /// The round that counted the candidate.
    public var round: Int
    /// Whether that round was on paper sheets.
    public var paper: Bool
    /// 应到: the committee's size.
    public var expected: Int
    /// 实到: members in the room when the round opened.
    public var present: Int
    /// Members entitled to vote in the round (`RoundOpened.eligible`).
    public var voters: Int
    /// N, as frozen when the round opened (`Tally.denominator`).
    public var denominator: Int
    /// The settings that gave N.
    public var policy: DenominatorPolicy
    public var yes: Int
    public var no: Int
    public var abstain: Int
    public var void: Int
    public var outcome: Outcome
    /// Who hosted the meeting when the round opened: the name, and the office (主任委员 or 副主任委员).
    public var host: String
    public var hostOffice: String

    public init(committee: String, session: String, date: String, candidate: Candidate, round: Int, paper: Bool,
                expected: Int, present: Int, voters: Int, denominator: Int, policy: DenominatorPolicy,
                yes: Int, no: Int, abstain: Int, void: Int, outcome: Outcome, host: String, hostOffice: String) {
        self.committee = committee
        self.session = session
        self.date = date
        self.candidate = candidate
        self.round = round
        self.paper = paper
        self.expected = expected
        self.present = present
        self.voters = voters
        self.denominator = denominator
        self.policy = policy
        self.yes = yes
        self.no = no
        self.abstain = abstain
        self.void = void
        self.outcome = outcome
        self.host = host
        self.hostOffice = hostOffice
    }

    /// The least number of 同意 that passes: ⌈2N/3⌉, in integers (R7).
    public var needed: Int { (2 * denominator + 2) / 3 }
}
