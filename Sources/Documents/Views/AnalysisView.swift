import Printer
import Records
import Review

/// 专业技术资格评审结果分析表 (皖人社发〔2018〕5号 第二十五条第二项, 第二十九条): per 系列/专业/级别 the numbers
/// 申报, 参评, 通过 and 通过率, broken down by 学历, age band and 破格 — over one session or
/// several (the annual summary).
///
/// 申报 counts the candidates on the rosters, except those an earlier session already decided
/// (R8: they may not be reviewed again, and counting them twice would inflate the year);
/// 参评 counts those voted on; 通过率 = 通过 / 参评.
///
/// Template fields: `sessions` (`index`, `name`, `date` as `2026年11月26日`, `session` 会议编号),
/// `several` (bool), `groups` (`GroupView`s: breakdowns by 学历, 性别, 年龄 and 破格), `total`
/// (`Stat`), `barred` (how many were left out, as a sentence; nil when none), `ageRule` (how ages
/// are taken).
struct AnalysisView {
    /// One line of figures. `label` names the row (`硕士研究生`, `36～45岁`, `破格`, `合计`).
    struct Stat {
        var label: String
        var declared: Int
        var reviewed: Int
        var passed: Int
        var rate: String

        init(label: String, declared: Int, reviewed: Int, passed: Int) {
            self.label = label
            self.declared = declared
            self.reviewed = reviewed
            self.passed = passed
            rate = Numbers.rate(passed, of: reviewed)
        }
    }
    struct Section { var category: String; var rows: [Stat]; var span: Int }
    struct GroupView {
        var series: String
        var specialty: String
        var level: String
        var total: Stat
        var sections: [Section]
    }
    struct SessionLine { var index: Int; var name: String; var date: String; var session: String }

    var sessions: [SessionLine]
    var several: Bool
    var groups: [GroupView]
    var total: Stat
    var barred: String?
    var ageRule: String

    /// The usual order of 学历; others follow in the order first met.
    static let educationOrder = ["博士研究生", "硕士研究生", "大学本科", "大学专科", "中专"]
    /// 性别 as the roster gives it; anything else (or nothing) is counted as 未填写.
    static let genders = ["男", "女"]

    init(_ states: [SessionState]) {
        struct Counter { var declared = 0, reviewed = 0, passed = 0 }
        struct Group {
            var key: [String]
            var total = Counter()
            var education: [String: Counter] = [:]
            var educationSeen: [String] = []
            var age: [AgeBand: Counter] = [:]
            var gender: [String: Counter] = [:]
            var exceptional: [Bool: Counter] = [:]
        }
        func add(_ c: inout Counter, _ reviewed: Bool, _ passed: Bool) {
            c.declared += 1
            if reviewed { c.reviewed += 1 }
            if passed { c.passed += 1 }
        }
        var groups: [Group] = []
        var index: [[String]: Int] = [:]
        var all = Counter()
        var barred = 0
        for state in states {
            for r in state.candidateRecords() {
                if r.isBarred { barred += 1; continue }
                let c = r.candidate
                let key = [c.series, c.specialty, c.level]
                let g: Int
                if let i = index[key] { g = i } else {
                    g = groups.count
                    index[key] = g
                    groups.append(Group(key: key))
                }
                let reviewed = r.tally != nil, passed = r.outcome == .passed
                let education = c.education.isEmpty ? "未填写" : c.education
                add(&all, reviewed, passed)
                add(&groups[g].total, reviewed, passed)
                if groups[g].education[education] == nil { groups[g].educationSeen.append(education) }
                add(&groups[g].education[education, default: Counter()], reviewed, passed)
                add(&groups[g].age[AgeBand(born: c.born, on: state.settings.date), default: Counter()], reviewed, passed)
                add(&groups[g].gender[Self.genders.contains(c.gender) ? c.gender : "未填写", default: Counter()], reviewed, passed)
                add(&groups[g].exceptional[c.exceptional, default: Counter()], reviewed, passed)
            }
        }
        func stat(_ label: String, _ c: Counter) -> Stat {
            Stat(label: label, declared: c.declared, reviewed: c.reviewed, passed: c.passed)
        }
        func section(_ category: String, _ rows: [Stat]) -> Section { Section(category: category, rows: rows, span: rows.count) }
        self.groups = groups.map { g in
            let known = Self.educationOrder.filter { g.education[$0] != nil }
            let others = g.educationSeen.filter { !Self.educationOrder.contains($0) }
            let bands = AgeBand.allCases.filter { $0 != .unknown || g.age[$0] != nil }
            return GroupView(
                series: g.key[0], specialty: g.key[1], level: g.key[2], total: stat("合计", g.total),
                sections: [
                    section("学历", (known + others).map { stat($0, g.education[$0]!) }),
                    section("性别", (Self.genders + (g.gender["未填写"] == nil ? [] : ["未填写"])).map { stat($0, g.gender[$0] ?? Counter()) }),
                    section("年龄", bands.map { stat($0.label, g.age[$0] ?? Counter()) }),
                    section("破格", [stat("破格", g.exceptional[true] ?? Counter()), stat("非破格", g.exceptional[false] ?? Counter())]),
                ])
        }
        total = stat("合计", all)
        self.barred = barred == 0 ? nil : "另有 \(barred) 名申报人此前已经本评委会评审、不得复评，未计入申报人数。"
        sessions = states.enumerated().map {
            SessionLine(index: $0 + 1, name: $1.settings.name, date: Numbers.chineseDate($1.settings.date), session: $1.session)
        }
        several = states.count > 1
        ageRule = "年龄按评审会议日期计算周岁（只有出生年月的，出生当月视为已满周岁）"
    }

    /// The 分析表 as CSV: a title line naming the sessions, the header, each group's 小计 and
    /// breakdowns, then the 总计.
    var table: (title: [String], header: [String], rows: [[String]]) {
        let header = ["系列", "专业", "级别", "分类", "项目", "申报", "参评", "通过", "通过率"]
        var rows: [[String]] = []
        func line(_ g: GroupView?, _ category: String, _ s: Stat) -> [String] {
            [g?.series ?? "总计", g?.specialty ?? "", g?.level ?? "", category, s.label,
             String(s.declared), String(s.reviewed), String(s.passed), s.rate]
        }
        for g in groups {
            rows.append(line(g, "小计", Stat(label: "全部", declared: g.total.declared, reviewed: g.total.reviewed, passed: g.total.passed)))
            for section in g.sections {
                for s in section.rows { rows.append(line(g, section.category, s)) }
            }
        }
        rows.append(line(nil, "", Stat(label: "", declared: total.declared, reviewed: total.reviewed, passed: total.passed)))
        let title = [DocumentKind.analysis.title,
                     "评审机构：" + Self.joinedDistinct(sessions.map(\.name)),
                     "评审日期：" + Self.joinedDistinct(sessions.map(\.date)),
                     "会议编号：" + sessions.map(\.session).joined(separator: "、")]
        return (title, header, rows)
    }

    /// The values in order of first appearance, each once, `、`-separated.
    static func joinedDistinct(_ values: [String]) -> String {
        var seen: [String] = []
        for v in values where !seen.contains(v) { seen.append(v) }
        return seen.joined(separator: "、")
    }
}
