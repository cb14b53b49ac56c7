import Documents
import Foundation
import Records
import Testing

/// Every count in every table and form, checked against a recount made in the test from the
/// journal's raw entries (ballots and paper sheets), not against what the renderer computed.
@Suite("Counts recounted from the journal")
struct RecountTests {
    static let sample = SampleSession.shared
    static let recount = Recount(sample.entries)
    static let renderer = SampleSession.renderer

    @Test("the recount itself agrees with the sample's known results")
    func recountSanity() {
        let r = Self.recount
        #expect(r.votes.count == 14)
        #expect(r.passed.count == 13)
        #expect(r.votes["C05"]?.passed == false && r.votes["C05"]?.yes == 11 && r.votes["C05"]?.n == 21)
        #expect(r.votes["C08"]?.yes == 15 && r.votes["C08"]?.n == 22 && r.votes["C08"]?.passed == true)
        #expect(r.votes["C05"]?.present == 21, "M10 had left when C05's round opened")
    }

    @Test("一览表 CSV: a title line, the columns of SPEC.md §3, one row per candidate as recounted, a totals line")
    func overviewCSV() throws {
        let text = try Self.renderer.overview(Self.sample.state, format: .csv).text
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = csvRows(text)
        let settings = Self.recount.settings
        #expect(rows[0] == ["专业技术资格评审情况一览表", "评审机构：\(settings.name)", "评审日期：2026年11月26日",
                            "会议编号：\(Self.sample.state.session)", "保密"])
        #expect(rows[1] == ["序号", "姓名", "性别", "出生年月", "工作单位", "学历", "现职称", "申报职称", "系列", "专业", "级别",
                            "应到", "实到", "表决基数N", "同意", "不同意", "弃权", "无效", "结果", "备注"])
        #expect(rows.count == 17)
        for (i, c) in Self.recount.candidates.enumerated() {
            let row = rows[i + 2]
            let v = try #require(Self.recount.votes[c.id])
            #expect(row[0] == String(i + 1) && row[1] == c.name && row[2] == c.gender && row[4] == c.unit)
            #expect(row[5] == c.education && row[6] == c.currentTitle && row[7] == c.appliedTitle)
            #expect(row[8] == c.series && row[9] == c.specialty && row[10] == c.level)
            let numbers = row[11...17].map { Int($0) }
            #expect(numbers == [settings.size, v.present, v.n, v.yes, v.no, v.abstain, v.void], "\(c.id)")
            #expect(row[18] == (v.passed ? "通过" : "未通过"), "\(c.id)")
            #expect(row[19].contains("破格") == c.exceptional)
        }
        let passed = Self.recount.passed.count, voted = Self.recount.votes.count
        var totals = [String](repeating: "", count: 20)
        totals[0] = "合计"
        totals[1] = "申报 \(Self.recount.candidates.count) 人"
        totals[18] = "通过 \(passed) 人"
        totals[19] = "参评 \(voted) 人，未通过 \(voted - passed) 人，通过率 \(Recount.rate(passed, voted))"
        #expect(rows[16] == totals)
    }

    @Test("一览表 Markdown and HTML carry the same counts")
    func overviewMarkdownAndHTML() throws {
        let rows = markdownRows(try Self.renderer.overview(Self.sample.state, format: .md).text)
        #expect(rows.count == 14)
        let html = try Self.renderer.overview(Self.sample.state, format: .html).text
        for (i, c) in Self.recount.candidates.enumerated() {
            let v = Self.recount.votes[c.id]!
            #expect(rows[i][1] == c.name)
            #expect(rows[i][11...17].map { Int($0) } == [25, v.present, v.n, v.yes, v.no, v.abstain, v.void])
            let cells = "<td class=\"num\">\(v.n)</td><td class=\"num\">\(v.yes)</td><td class=\"num\">\(v.no)</td><td class=\"num\">\(v.abstain)</td><td class=\"num\">\(v.void)</td><td class=\"center nowrap\">\(v.passed ? "通过" : "未通过")</td>"
            #expect(html.contains("<td class=\"center nowrap\">\(c.name)</td>") && html.contains(cells), "\(c.id)")
        }
        #expect(html.contains("申报 14 人，参评 14 人，通过 13 人，未通过 1 人，通过率 \(Recount.rate(13, 14))"))
    }

    @Test("each result form states the recounted numbers and conclusion")
    func resultForms() throws {
        let forms = try Self.renderer.resultForms(Self.sample.state, format: .md)
        #expect(forms.count == Self.recount.votes.count)
        for (c, form) in zip(Self.recount.candidates, forms) {
            let v = Self.recount.votes[c.id]!
            var fields: [String: String] = [:]
            for line in form.text.split(separator: "\n") where line.hasPrefix("| ") {
                let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
                if cells.count == 2 { fields[cells[0]] = cells[1] }
            }
            #expect(fields["姓名"] == c.name)
            #expect(fields["应到委员"] == "\(Self.recount.settings.size) 人" && fields["实到委员"] == "\(v.present) 人")
            #expect(fields["表决基数"]?.hasPrefix("\(v.n) 人（") == true, "N and whom it counts: \(fields["表决基数"] ?? "")")
            #expect(fields["同意"] == "\(v.yes) 票" && fields["不同意"] == "\(v.no) 票" && fields["弃权"] == "\(v.abstain) 票" && fields["无效"] == "\(v.void) 票")
            #expect(fields["**评审结论**"] == (v.passed ? "**通过**" : "**不通过**"), "\(c.id)")
        }
    }

    @Test("the minutes' vote table and summary match the recount")
    func minutes() throws {
        let text = try Self.renderer.minutes(Self.sample.state, format: .md).text
        let votes = markdownRows(text).filter { $0.count == 12 }
        #expect(votes.count == 14)
        for row in votes {
            let c = try #require(Self.recount.candidates.first { $0.name == row[1] })
            let v = Self.recount.votes[c.id]!
            #expect(Int(row[0]) == v.round && row[2] == (v.paper ? "纸质" : "电子"))
            #expect(row[3...9].map { Int($0) } == [25, v.present, v.n, v.yes, v.no, v.abstain, v.void], "\(c.id)")
            #expect(Int(row[10]) == (2 * v.n + 2) / 3)
            #expect(row[11] == (v.passed ? "通过" : "未通过"))
        }
        #expect(text.contains("共表决 14 人，通过 13 人，未通过 1 人"))
    }

    /// The 分析表's rows recomputed from the roster and the recount.
    static func expectedAnalysis(_ sessions: [Recount]) -> [[String]] {
        struct Key: Hashable { var series, specialty, level: String }
        var rows: [[String]] = []
        var groups: [Key] = []
        var all: [(Candidate, Recount)] = []
        for r in sessions {
            for c in r.candidates {
                let k = Key(series: c.series, specialty: c.specialty, level: c.level)
                if !groups.contains(k) { groups.append(k) }
                all.append((c, r))
            }
        }
        func line(_ k: Key?, _ category: String, _ label: String, _ list: [(Candidate, Recount)]) -> [String] {
            let reviewed = list.filter { $0.1.votes[$0.0.id] != nil }.count
            let passed = list.filter { $0.1.votes[$0.0.id]?.passed == true }.count
            return [k?.series ?? "总计", k?.specialty ?? "", k?.level ?? "", category, label,
                    String(list.count), String(reviewed), String(passed), Recount.rate(passed, reviewed)]
        }
        for k in groups {
            let members = all.filter { $0.0.series == k.series && $0.0.specialty == k.specialty && $0.0.level == k.level }
            rows.append(line(k, "小计", "全部", members))
            for e in ["博士研究生", "硕士研究生", "大学本科"] where members.contains(where: { $0.0.education == e }) {
                rows.append(line(k, "学历", e, members.filter { $0.0.education == e }))
            }
            for g in ["男", "女"] {
                rows.append(line(k, "性别", g, members.filter { $0.0.gender == g }))
            }
            for band in ["35岁及以下", "36～45岁", "46～55岁", "56岁及以上"] {
                rows.append(line(k, "年龄", band, members.filter { $0.1.ageBand($0.0) == band }))
            }
            rows.append(line(k, "破格", "破格", members.filter { $0.0.exceptional }))
            rows.append(line(k, "破格", "非破格", members.filter { !$0.0.exceptional }))
        }
        rows.append(line(nil, "", "", all))
        return rows
    }

    @Test("分析表 CSV: every group and breakdown recomputed from the roster and the recount")
    func analysis() throws {
        let rows = csvRows(try Self.renderer.analysis([Self.sample.state], format: .csv).text)
        #expect(rows[0] == ["专业技术资格评审结果分析表", "评审机构：\(Self.recount.settings.name)", "评审日期：2026年11月26日",
                            "会议编号：\(Self.sample.state.session)"])
        #expect(rows[1] == ["系列", "专业", "级别", "分类", "项目", "申报", "参评", "通过", "通过率"])
        #expect(Array(rows.dropFirst(2)) == Self.expectedAnalysis([Self.recount]))
    }

    @Test("分析表 over several sessions adds them up")
    func analysisSeveral() throws {
        let second = SampleSession.second
        let rows = csvRows(try Self.renderer.analysis([Self.sample.state, second.state], format: .csv).text)
        #expect(rows[0][3] == "会议编号：\(Self.sample.state.session)、\(second.state.session)")
        #expect(rows[0][1] == "评审机构：\(Self.recount.settings.name)", "one committee named once")
        #expect(Array(rows.dropFirst(2)) == Self.expectedAnalysis([Self.recount, Recount(second.entries)]))
        #expect(rows.last == ["总计", "", "", "", "", "28", "28", "26", "92.9%"])
    }

    @Test("公示 lists exactly the candidates who passed, in roster order")
    func publicity() throws {
        let (doc, _) = try Self.renderer.publicity(Self.sample.state, start: CivilDate("2026-11-30")!, calendar: try WorkingDays.shipped(), format: .md)
        let names = markdownRows(doc.text).map { $0[1] }
        #expect(names == Self.recount.passed.map(\.name))
        #expect(doc.text.contains("\(Self.recount.passed.count)名同志通过"))
    }

    @Test("the comprehensive report's figures match the recount")
    func report() throws {
        let text = try Self.renderer.report(Self.sample.state, format: .md, today: CivilDate("2026-12-07")!).text
        let r = Self.recount
        let passed = r.passed.count
        #expect(text.contains("申报 \(r.candidates.count) 人，参评 \(r.votes.count) 人，通过 \(passed) 人，未通过 \(r.votes.count - passed) 人，通过率 \(Recount.rate(passed, r.votes.count))"))
        let exceptional = r.candidates.filter(\.exceptional)
        #expect(text.contains("破格申报 \(exceptional.count) 人，参评 \(exceptional.count) 人，通过 \(exceptional.filter { r.votes[$0.id]!.passed }.count) 人"))
        let rounds = Set(r.votes.values.map(\.round))
        let paper = Set(r.votes.values.filter(\.paper).map(\.round))
        #expect(text.contains("共进行 \(rounds.count) 轮投票（电子选票 \(rounds.count - paper.count) 轮，纸质选票 \(paper.count) 轮）"))
    }
}
