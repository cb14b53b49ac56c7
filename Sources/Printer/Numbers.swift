import Records

/// How papers write numbers, dates and times: integers only, rounding stated.
package enum Numbers {
    /// `passed / total` as a percentage with one decimal, rounded half up, computed in
    /// integers: 13 of 14 → `92.9%`. An empty base gives `—`.
    package static func rate(_ passed: Int, of total: Int) -> String {
        guard total > 0 else { return "—" }
        let tenths = (passed * 1000 * 2 + total) / (total * 2)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `10:42` from `2026-11-26T10:42:07+08:00`; empty for nil, the text itself when it is not
    /// a timestamp.
    package static func clock(_ at: String?) -> String {
        guard let at else { return "" }
        guard ShanghaiTime.parse(at) != nil else { return at }
        return String(at.dropFirst(11).prefix(5))
    }

    /// `2026年11月26日` for `2026-11-26` (or a timestamp that starts with it); the text itself
    /// when it is not a date.
    package static func chineseDate(_ iso: String) -> String {
        guard let d = CivilDays.date(iso: iso.prefix(10)) else { return iso }
        return "\(d.year)年\(d.month)月\(d.day)日"
    }

    /// `1984年3月` for `1984-03`.
    package static func chineseMonth(_ born: String) -> String {
        let parts = born.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return born }
        return "\(y)年\(m)月"
    }
}
