import Records

/// How the engine names people, candidates and moments in its messages.
extension SessionState {
    /// `M07（张三）`, or the bare id when unknown.
    func who(_ id: MemberID) -> String {
        member(id).map { "\(id)（\($0.name)）" } ?? id
    }

    /// `C03（李四）`, or the bare id when unknown.
    func whom(_ id: CandidateID) -> String {
        candidate(id).map { "\(id)（\($0.name)）" } ?? id
    }
}

/// `10:42` from `2026-11-26T10:42:07+08:00`; the whole string when it is not of that shape.
public func clockTime(_ at: String) -> String {
    let chars = Array(at)
    guard chars.count >= 16, chars[10] == "T" else { return at }
    return String(chars[11..<16])
}
