import Records

extension ApplicantKey {
    /// Whether `self` and `other` name the same person's application for the same title (R8).
    ///
    /// Two applications are the same when both carry a 证件号码 and those agree, or otherwise when
    /// 姓名, 性别 and 出生年月 agree — in either case for the same 申报职称.
    public func matches(_ other: ApplicantKey) -> Bool {
        guard appliedTitle == other.appliedTitle else { return false }
        if let a = idNumber, let b = other.idNumber, !a.isEmpty, !b.isEmpty {
            return a.uppercased() == b.uppercased()
        }
        return name == other.name && gender == other.gender && born == other.born
    }
}
