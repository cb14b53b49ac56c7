/// The count for one candidate in a closed round. `yes + no + abstain + void == denominator`.
public struct Tally: Encodable, Sendable, Equatable {
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

    /// The two-thirds rule in integer arithmetic: `3 × yes ≥ 2 × N` (R7; "以上" includes the bound).
    public static func passes(yes: Int, denominator: Int) -> Bool {
        3 * yes >= 2 * denominator
    }

    /// The least number of 同意 that passes with denominator N: ⌈2N/3⌉.
    public static func votesNeeded(denominator: Int) -> Int {
        (2 * denominator + 2) / 3
    }
}

/// One line of the committee registry: a decision a past session reached (R8).
public struct PastDecision: Encodable, Sendable, Equatable {
    public var committee: String
    public var session: String
    public var date: String
    public var candidate: CandidateID
    public var applicant: ApplicantKey
    public var unit: String
    public var outcome: Outcome
    public var yes: Int
    public var denominator: Int

    public init(
        committee: String, session: String, date: String, candidate: CandidateID, applicant: ApplicantKey,
        unit: String, outcome: Outcome, yes: Int, denominator: Int
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
    }
}
