/// Who counts in N, the denominator of the two-thirds rule (R7).
public enum Denominator: String, Codable, Sendable, CaseIterable {
    /// N = members eligible for the candidate when its vote opens.
    case eligible
    /// N = members present when the vote opens (出席会议评委总数, 第二十三条第五项): the default.
    case present
}

/// The committee's settings for one session, from `session.toml`.
public struct Settings: Codable, Sendable, Equatable {
    /// 评委会名称.
    public var name: String
    /// 系列.
    public var series: String
    /// 专业.
    public var specialty: String
    /// 级别.
    public var level: String
    /// 组建单位.
    public var organizer: String
    /// 开会日期, `YYYY-MM-DD`.
    public var date: String
    /// 会议地点; may be empty.
    public var venue: String
    /// Committee size (委员总数); odd (40号令 第九条).
    public var size: Int
    /// 规定人数: members who must be present (R1). At least ⌈2/3 × size⌉.
    public var quorum: Int
    public var denominator: Denominator
    /// Whether a recused member leaves N for that candidate (R6). Default true.
    public var recusedLeaveDenominator: Bool
    /// Maximum 同意 marks per sheet; 0 turns the cap off (R10).
    public var yesCap: Int
    /// Whether members from a candidate's own 工作单位 are recused automatically (R6).
    public var sameEmployerRecusal: Bool
    /// 评审年度; nil (older records) means the year of `date` (R8).
    public var year: Int?
    /// Units whose staff may observe besides the 组建单位 (R11), by exact name; nil in older records.
    public var observerUnits: [String]?

    public init(
        name: String, series: String, specialty: String, level: String, organizer: String,
        date: String, venue: String = "", size: Int, quorum: Int, denominator: Denominator = .present,
        recusedLeaveDenominator: Bool = true, yesCap: Int = 0, sameEmployerRecusal: Bool = false,
        year: Int? = nil, observerUnits: [String]? = nil
    ) {
        self.name = name
        self.series = series
        self.specialty = specialty
        self.level = level
        self.organizer = organizer
        self.date = date
        self.venue = venue
        self.size = size
        self.quorum = quorum
        self.denominator = denominator
        self.recusedLeaveDenominator = recusedLeaveDenominator
        self.yesCap = yesCap
        self.sameEmployerRecusal = sameEmployerRecusal
        self.year = year
        self.observerUnits = observerUnits
    }

    /// The 评审年度 in force: `year`, else the year of the meeting `date` (R8).
    public var reviewYear: Int { year ?? Int(date.prefix(4)) ?? 0 }
}
