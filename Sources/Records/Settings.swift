/// Who counts in N, the denominator of the two-thirds rule (R7).
public enum Denominator: String, Codable, Sendable, CaseIterable {
    /// N = members eligible for the candidate when its vote opens (default).
    case eligible
    /// N = all members present when the vote opens.
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

    public init(
        name: String, series: String, specialty: String, level: String, organizer: String,
        date: String, venue: String = "", size: Int, quorum: Int, denominator: Denominator = .eligible,
        recusedLeaveDenominator: Bool = true, yesCap: Int = 0, sameEmployerRecusal: Bool = false
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
    }
}
