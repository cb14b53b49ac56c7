/// The count for one candidate in a closed round. `yes + no + abstain + void == denominator`.
public struct Tally: Codable, Sendable, Equatable {
    public var candidate: CandidateID
    /// N, frozen when the round opened (R7).
    public var denominator: Int
    public var yes: Int
    public var no: Int
    public var abstain: Int
    /// Not-yes and not a valid no or abstain: blank, invalid, over the cap, or unreturned.
    public var void: Int
    public var outcome: Outcome

    public init(candidate: CandidateID, denominator: Int, yes: Int, no: Int, abstain: Int, void: Int, outcome: Outcome) {
        self.candidate = candidate
        self.denominator = denominator
        self.yes = yes
        self.no = no
        self.abstain = abstain
        self.void = void
        self.outcome = outcome
    }
}

/// One line of the committee registry: a decision a past session reached (R8).
public struct PastDecision: Codable, Sendable, Equatable {
    public var committee: String
    public var session: String
    public var date: String
    public var candidate: CandidateID
    public var applicant: ApplicantKey
    public var unit: String
    public var outcome: Outcome
    public var yes: Int
    public var denominator: Int
    /// The 评审年度 the application was decided in; nil (older lines) means the year of `date` (R8).
    public var year: Int?

    public init(
        committee: String, session: String, date: String, candidate: CandidateID, applicant: ApplicantKey,
        unit: String, outcome: Outcome, yes: Int, denominator: Int, year: Int? = nil
    ) {
        self.committee = committee
        self.session = session
        self.date = date
        self.candidate = candidate
        self.applicant = applicant
        self.unit = unit
        self.outcome = outcome
        self.yes = yes
        self.denominator = denominator
        self.year = year
    }

    /// The 评审年度 of the decision: `year`, else the year of `date` (R8).
    public var reviewYear: Int { year ?? Int(date.prefix(4)) ?? 0 }
}
