/// The age bands of the 分析表: 35 岁及以下, 36–45, 46–55, 56 岁及以上, and 未知.
///
/// Age is whole years on the meeting date. The roster gives only 出生年月, so a candidate born
/// in the meeting's own month counts as having had the birthday (born on the 1st): born
/// 1990-11, meeting 2026-11-26 → 36. "以上/以下" include the bound (皖人社发〔2018〕5号 第六十三条).
public enum AgeBand: Int, Sendable, CaseIterable, Comparable {
    case upTo35
    case from36To45
    case from46To55
    case from56
    /// 出生年月 missing or unreadable.
    case unknown

    public var label: String {
        switch self {
        case .upTo35: "35岁及以下"
        case .from36To45: "36～45岁"
        case .from46To55: "46～55岁"
        case .from56: "56岁及以上"
        case .unknown: "出生年月不详"
        }
    }

    /// The band of someone born in `born` (`YYYY-MM`) on the meeting date `date` (`YYYY-MM-DD`).
    public init(born: String, on date: String) {
        guard let age = Self.age(born: born, on: date) else {
            self = .unknown
            return
        }
        switch age {
        case ...35: self = .upTo35
        case 36...45: self = .from36To45
        case 46...55: self = .from46To55
        default: self = .from56
        }
    }

    /// Whole years from `born` (`YYYY-MM`) to `date` (`YYYY-MM-DD`), or nil if either is unreadable
    /// or the birth is after the date.
    public static func age(born: String, on date: String) -> Int? {
        let b = born.split(separator: "-")
        guard b.count >= 2, let by = Int(b[0]), let bm = Int(b[1]), (1...12).contains(bm),
              let d = CivilDate(String(date.prefix(10))) else { return nil }
        let months = (d.year * 12 + d.month) - (by * 12 + bm)
        return months >= 0 ? months / 12 : nil
    }

    public static func < (a: AgeBand, b: AgeBand) -> Bool { a.rawValue < b.rawValue }
}
