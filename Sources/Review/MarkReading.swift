import Records

extension Choice {
    /// Reads a mark as a person types it: the Chinese word, a common synonym, or English.
    /// Compared after `Normalised.text` (full-width letters read as plain). Returns nil for
    /// anything else (an invalid mark, which counts as void: R7).
    public init?(reading text: String) {
        switch Normalised.text(text).lowercased() {
        case "同意", "赞成", "yes", "y": self = .yes
        case "不同意", "反对", "no", "n": self = .no
        case "弃权", "abstain", "a": self = .abstain
        default: return nil
        }
    }
}
