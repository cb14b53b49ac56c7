import Records

/// How documents write numbers and times: integers only, rounding stated.
enum Numbers {
    /// `passed / total` as a percentage with one decimal, rounded half up, computed in
    /// integers: 13 of 14 → `92.9%`. An empty base gives `—`.
    static func rate(_ passed: Int, of total: Int) -> String {
        guard total > 0 else { return "—" }
        let tenths = (passed * 1000 * 2 + total) / (total * 2)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `10:42` from `2026-11-26T10:42:07+08:00`; empty for nil, the text itself when it is not
    /// a timestamp.
    static func clock(_ at: String?) -> String {
        guard let at else { return "" }
        guard ShanghaiTime.parse(at) != nil else { return at }
        return String(at.dropFirst(11).prefix(5))
    }

    /// `2026年11月26日` for `2026-11-26`; the text itself when it is not a date.
    static func chineseDate(_ iso: String) -> String {
        CivilDate(String(iso.prefix(10))).map(\.chinese) ?? iso
    }

    /// `1984年3月` for `1984-03`.
    static func chineseMonth(_ born: String) -> String {
        let parts = born.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return born }
        return "\(y)年\(m)月"
    }
}
