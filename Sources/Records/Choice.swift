/// A valid mark on a ballot for one candidate.
public enum Choice: String, Encodable, Sendable, CaseIterable {
    case yes = "同意"
    case no = "不同意"
    case abstain = "弃权"

    /// Reads a mark as a person types it: the Chinese word, a common synonym, or English.
    /// Returns nil for anything else (an invalid mark).
    public init?(reading text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "同意", "赞成", "yes", "y": self = .yes
        case "不同意", "反对", "no", "n": self = .no
        case "弃权", "abstain", "a": self = .abstain
        default: return nil
        }
    }
}

/// The outcome of a counted round for one candidate.
public enum Outcome: String, Encodable, Sendable {
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
