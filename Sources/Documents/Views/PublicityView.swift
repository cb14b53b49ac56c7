import Printer
import Records
import Review

/// The publicity period: from its first day through the last of `workingDays` working days.
public struct PublicityPeriod: Sendable, Equatable {
    public var first: CivilDate
    public var last: CivilDate
    public var workingDays: Int

    /// 5 working days, the least 皖人社发〔2018〕5号 第二十五条 allows.
    public static let minimumWorkingDays = 5

    /// The period of `workingDays` working days beginning on `start`.
    /// - Throws: when the calendar does not know a year the period reaches into.
    public init(start: CivilDate, workingDays: Int = minimumWorkingDays, calendar: WorkingDays) throws(DocumentsError) {
        first = start
        last = try calendar.lastDay(ofWorkingDays: workingDays, from: start)
        self.workingDays = workingDays
    }

    /// `2026年11月30日（星期一）至2026年12月4日（星期五）`.
    public var chinese: String {
        "\(first.chinese)（\(first.weekdayName)）至\(last.chinese)（\(last.weekdayName)）"
    }
}

/// 评审结果公示 (皖人社发〔2018〕5号 第二十五条): the candidates who passed, and the period for
/// objections. Public: no 保密 mark; the 会议编号 names the meeting it reports.
///
/// Template fields: `committee`, `rows` (`index` and `CandidateView` fields), `count`,
/// `period` (`first`, `last` as `2026-11-30`; `firstChinese`, `lastChinese`, `firstWeekday`,
/// `lastWeekday`, `workingDays`, `text`), `contact` (the 组建单位).
struct PublicityView {
    struct Row {
        var index: Int
        var candidate: CandidateView
    }
    struct Period {
        var first: String
        var last: String
        var firstChinese: String
        var lastChinese: String
        var firstWeekday: String
        var lastWeekday: String
        var workingDays: Int
        var text: String
    }

    var committee: CommitteeView
    var rows: [Row]
    var count: Int
    var period: Period
    var contact: String

    init(_ state: SessionState, period p: PublicityPeriod) {
        committee = CommitteeView(state)
        let passed = state.candidateRecords().filter { $0.outcome == .passed }
        rows = passed.enumerated().map { Row(index: $0 + 1, candidate: CandidateView($1.candidate)) }
        count = rows.count
        period = Period(first: p.first.description, last: p.last.description, firstChinese: p.first.chinese,
                        lastChinese: p.last.chinese, firstWeekday: p.first.weekdayName, lastWeekday: p.last.weekdayName,
                        workingDays: p.workingDays, text: p.chinese)
        contact = state.settings.organizer
    }
}

/// What the 综合报告 says of the 公示 (皖人社发〔2018〕5号 第二十五条: the results go to the
/// 职称管理部门 once the 公示 has passed without objection): its period and, once it has ended,
/// its outcome.
public struct PublicityStatement: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// 无异议.
        case noObjection
        /// 有异议, with what was raised and how it was dealt with.
        case objection(String)
    }

    public var period: PublicityPeriod
    /// nil: not yet known.
    public var outcome: Outcome?

    public init(period: PublicityPeriod, outcome: Outcome?) {
        self.period = period
        self.outcome = outcome
    }

    /// Reads `无异议` or `有异议:…` (`有异议：…`), as typed on the command line; nil when neither.
    public static func outcome(parsing text: String) -> Outcome? {
        let t = text.trimmingWhitespace()
        if t == "无异议" { return .noObjection }
        for prefix in ["有异议:", "有异议："] where t.hasPrefix(prefix) {
            let what = String(t.dropFirst(prefix.count)).trimmingWhitespace()
            return what.isEmpty ? nil : .objection(what)
        }
        return nil
    }
}
