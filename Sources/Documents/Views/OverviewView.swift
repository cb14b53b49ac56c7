import Printer
import Records
import Review

/// 专业技术资格评审情况一览表 (皖人社发〔2018〕5号 第二十五条第三项): one row per candidate on the roster.
///
/// Template fields: `committee`, `rows` (`OverviewRow`s), `columns` (the header names, in
/// order), `declared` (申报), `voted` (参评), `passed`, `rejected`, `rate` (通过率), `barred`
/// (not voted: an earlier session decided them), `pending` (not voted yet).
struct OverviewView {
    var committee: CommitteeView
    var rows: [OverviewRow]
    var columns: [String]
    var declared: Int
    var voted: Int
    var passed: Int
    var rejected: Int
    var rate: String
    var barred: Int
    var pending: Int

    init(_ state: SessionState) {
        committee = CommitteeView(state)
        let records = state.candidateRecords()
        let size = state.settings.size
        rows = Parallel.map(records) { i, r in OverviewRow(r, index: i + 1, size: size) }
        var voted = 0, passed = 0, barred = 0
        for r in records {
            if r.tally != nil { voted += 1 }
            if r.outcome == .passed { passed += 1 }
            if r.isBarred { barred += 1 }
        }
        self.barred = barred
        pending = records.count - voted - barred
        columns = OverviewRow.Column.allCases.map(\.header)
        declared = records.count
        self.voted = voted
        self.passed = passed
        rejected = voted - passed
        rate = Numbers.rate(passed, of: voted)
    }

    /// The fields a template sees, with `rows` given as `rows` (a list, or a `RowSection`).
    func fields(rows: Any) -> [String: Any] {
        ["committee": committee, "rows": rows, "columns": columns, "declared": declared, "voted": voted,
         "passed": passed, "rejected": rejected, "rate": rate,
         "barred": TextValue(text: barred > 0 ? String(barred) : ""), "pending": TextValue(text: pending > 0 ? String(pending) : "")]
    }

    /// The CSV's first line: what the table is, whose, when, and the 会议编号.
    var titleRow: [String] {
        [DocumentKind.overview.title, "评审机构：" + committee.name, "评审日期：" + committee.dateChinese,
         "会议编号：" + committee.session, "保密"]
    }

    /// The CSV's last line: the totals under 序号, 姓名 and 结果, the rest in 备注.
    var totalsRow: [String] {
        var cells = [String](repeating: "", count: OverviewRow.Column.allCases.count)
        cells[OverviewRow.Column.index.rawValue] = "合计"
        cells[OverviewRow.Column.name.rawValue] = "申报 \(declared) 人"
        cells[OverviewRow.Column.result.rawValue] = "通过 \(passed) 人"
        cells[OverviewRow.Column.remark.rawValue] = "参评 \(voted) 人，未通过 \(rejected) 人，通过率 \(rate)"
        return cells
    }
}

/// One row of the 一览表. The column set is `Column`: the CSV writes exactly these, in this
/// order; templates reach each cell by the column's key (`{{name}}`, `{{yes}}`, …).
///
/// Also `passed` and `rejected` (bools) for styling a row.
struct OverviewRow: TableRow {
    enum Column: Int, CaseIterable {
        case index, name, gender, born, unit, education, currentTitle, appliedTitle, series, specialty, level
        case expected, present, n, yes, no, abstain, void, result, remark

        /// The column heading, as SPEC.md §3 names it.
        var header: String {
            switch self {
            case .index: "序号"
            case .name: "姓名"
            case .gender: "性别"
            case .born: "出生年月"
            case .unit: "工作单位"
            case .education: "学历"
            case .currentTitle: "现职称"
            case .appliedTitle: "申报职称"
            case .series: "系列"
            case .specialty: "专业"
            case .level: "级别"
            case .expected: "应到"
            case .present: "实到"
            case .n: "表决基数N"
            case .yes: "同意"
            case .no: "不同意"
            case .abstain: "弃权"
            case .void: "无效"
            case .result: "结果"
            case .remark: "备注"
            }
        }

        /// The template key: `index`, `name`, … `remark`.
        var key: String { String(describing: self) }

    }

    static let cellKeys = Column.allCases.map(\.key)
    static let flagKeys = ["passed", "rejected"]

    /// The cells, indexed by `Column.rawValue`.
    var cells: [String]
    var passed: Bool
    var rejected: Bool
    var flags: [Bool] { [passed, rejected] }

    init(_ r: CandidateRecord, index: Int, size: Int) {
        let c = r.candidate
        var cells = [String](repeating: "", count: Column.allCases.count)
        cells[Column.index.rawValue] = String(index)
        cells[Column.name.rawValue] = c.name
        cells[Column.gender.rawValue] = c.gender
        cells[Column.born.rawValue] = Numbers.chineseMonth(c.born)
        cells[Column.unit.rawValue] = c.unit
        cells[Column.education.rawValue] = c.education
        cells[Column.currentTitle.rawValue] = c.currentTitle
        cells[Column.appliedTitle.rawValue] = c.appliedTitle
        cells[Column.series.rawValue] = c.series
        cells[Column.specialty.rawValue] = c.specialty
        cells[Column.level.rawValue] = c.level
        var remarks: [String] = []
        if c.exceptional { remarks.append("破格") }
        if let t = r.tally {
            cells[Column.expected.rawValue] = String(size)
            cells[Column.present.rawValue] = r.presentAtVote.map(String.init) ?? ""
            cells[Column.n.rawValue] = String(t.denominator)
            cells[Column.yes.rawValue] = String(t.yes)
            cells[Column.no.rawValue] = String(t.no)
            cells[Column.abstain.rawValue] = String(t.abstain)
            cells[Column.void.rawValue] = String(t.void)
            cells[Column.result.rawValue] = t.outcome.chinese
            if !r.progress.recusals.isEmpty { remarks.append("回避\(r.progress.recusals.count)人") }
        } else if case .barred(let past) = r.progress.stage {
            cells[Column.result.rawValue] = "不得复评"
            remarks.append("已于\(Numbers.chineseDate(past.date))评审（\(past.outcome.chinese)）")
        } else {
            cells[Column.result.rawValue] = "未表决"
        }
        cells[Column.remark.rawValue] = remarks.joined(separator: "；")
        self.cells = cells
        passed = r.outcome == .passed
        rejected = r.outcome == .rejected
    }
}
