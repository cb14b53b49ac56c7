import Records

extension ApplicantKey {
    /// Whether `self` and `other` name the same person applying for the same title (R8).
    ///
    /// Every field is compared after `Normalised.text` (so `余洋` and `余洋\u{00A0}` are one
    /// person). The person is the same when both carry a 证件号码 and those agree (letters in
    /// either case), or otherwise when 姓名, 性别 and 出生年月 agree; the 申报职称 must agree too.
    /// The 评审年度 is compared by the caller (`PastDecision.isSameApplication`).
    public func matches(_ other: ApplicantKey) -> Bool {
        guard Normalised.same(appliedTitle, other.appliedTitle) else { return false }
        let a = idNumber.map { Normalised.text($0).uppercased() } ?? ""
        let b = other.idNumber.map { Normalised.text($0).uppercased() } ?? ""
        if !a.isEmpty, !b.isEmpty { return a == b }
        return Normalised.same(name, other.name) && Normalised.same(gender, other.gender) && Normalised.same(born, other.born)
    }
}

extension PastDecision {
    /// Whether this decision was on the very application `candidate` makes in 评审年度 `year`:
    /// the same person, the same 申报职称, the same year (R8). A new application in a later
    /// year is not a re-review. The deciding committee does not matter: one application, one
    /// review — a decision by another committee bars it too (its name is given in the refusal).
    public func isSameApplication(as candidate: Candidate, year: Int) -> Bool {
        reviewYear == year && applicant.matches(candidate.applicantKey)
    }
}
