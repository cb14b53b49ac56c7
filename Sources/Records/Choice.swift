/// A valid mark on a ballot for one candidate.
public enum Choice: String, Codable, Sendable, CaseIterable {
    case yes = "同意"
    case no = "不同意"
    case abstain = "弃权"
}

/// The outcome of a counted round for one candidate.
public enum Outcome: String, Codable, Sendable {
    case passed
    case rejected

    public var chinese: String { self == .passed ? "通过" : "未通过" }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (ASCII and ideographic space).
    public func trimmingWhitespace() -> String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r", "\u{3000}", "\u{FEFF}"]
        var s = Substring(self)
        while let f = s.first, blanks.contains(f) { s = s.dropFirst() }
        while let l = s.last, blanks.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
