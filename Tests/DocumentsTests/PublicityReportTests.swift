import Documents
import Foundation
import Testing

/// The 公示 and the 综合报告 in the order 皖人社发〔2018〕5号 第二十五条 sets: results announced and
/// the meeting closed, then at least 5 working days of 公示, then — without objection — the report.
@Suite("Publicity and the comprehensive report")
struct PublicityReportTests {
    static let state = SampleSession.shared.state
    static let renderer = SampleSession.renderer

    /// 2026-11-30 (Monday) to its fifth working day, 2026-12-04 (Friday).
    static func statement(_ outcome: PublicityStatement.Outcome?) throws -> PublicityStatement {
        PublicityStatement(period: try PublicityPeriod(start: CivilDate("2026-11-30")!, calendar: try WorkingDays.shipped()), outcome: outcome)
    }

    @Test("the 公示 cites the regulation by its title and carries no 保密 mark")
    func citation() throws {
        let (doc, _) = try Self.renderer.publicity(Self.state, start: CivilDate("2026-11-30")!, calendar: try WorkingDays.shipped(), format: .md)
        #expect(doc.text.contains("根据《安徽省职称评审工作实施办法》（皖人社发〔2018〕5号）有关规定"))
        #expect(!doc.text.contains("管理办法") && !doc.text.contains("保密"))
    }

    @Test("a 公示 for a meeting still open is refused (exit 3), as the papers of a meeting not held")
    func publicityOfOpenMeeting() throws {
        let s = try PolicySession(denominator: "present", recusedLeave: true)
        let r = try s.run(["render", "publicity", "--start", "2026-11-30"])
        #expect(r.status == 3 && r.stderr.contains("评审会议尚未结束") && r.stderr.contains("第二十五条"))
        #expect(r.stdout.isEmpty)
    }

    @Test("the report is a draft until the 公示 is stated; one that states it before the period ends is refused")
    func reportStages() throws {
        let none = try Self.renderer.report(Self.state, format: .md, today: CivilDate("2026-11-27")!).text
        #expect(none.contains("> **草稿：尚未载明公示情况；公示无异议后方可报送职称管理部门。**") && none.contains("## 五、公示情况\n\n尚未载明。"))
        let running = try Self.renderer.report(Self.state, format: .md, publicity: try Self.statement(nil), today: CivilDate("2026-12-02")!).text
        #expect(running.contains("草稿：公示期至2026年12月4日，尚未结束"))
        #expect(running.contains("评审结果于2026年11月30日（星期一）至2026年12月4日（星期五）公示，共 5 个工作日；公示期尚未结束。"))
        #expect(throws: DocumentsError.self) {
            try Self.renderer.report(Self.state, format: .md, publicity: try Self.statement(.noObjection), today: CivilDate("2026-12-04")!)
        }
        let final = try Self.renderer.report(Self.state, format: .md, publicity: try Self.statement(.noObjection), today: CivilDate("2026-12-05")!).text
        #expect(!final.contains("草稿") && final.contains("公示期间无异议。") && final.hasSuffix("2026年12月5日\n"))
        let objection = try Self.renderer.report(Self.state, format: .md, publicity: try Self.statement(.objection("反映 C03 论文署名问题，经核查不属实")),
                                                 today: CivilDate("2026-12-07")!).text
        #expect(objection.contains("公示期间有异议：反映 C03 论文署名问题，经核查不属实。"))
    }

    @Test("render report: --publicity-start/--publicity-outcome, judged against PINGSHEN_TIME")
    func reportCommand() throws {
        let folder = SampleSession.shared.folder
        let options = ["-C", folder, "render", "report", "--publicity-start", "2026-11-30", "--publicity-outcome", "无异议"]
        let early = try SampleSession.run(options, environment: ["PINGSHEN_TIME": "2026-12-04T16:00:00+08:00"])
        #expect(early.status == 3 && early.stderr.contains("公示期未满") && early.stdout.isEmpty)
        let after = try SampleSession.run(options, environment: ["PINGSHEN_TIME": "2026-12-07T09:00:00+08:00"])
        #expect(after.status == 0 && after.stdout.contains("公示期间无异议") && !after.stdout.contains("草稿"), "\(after.stderr)")
        let objection = try SampleSession.run(["-C", folder, "render", "report", "--publicity-start", "2026-11-30",
                                               "--publicity-outcome", "有异议:经核查不属实"], environment: ["PINGSHEN_TIME": "2026-12-07T09:00:00+08:00"])
        #expect(objection.status == 0 && objection.stdout.contains("公示期间有异议：经核查不属实"))
        for bad in [["--publicity-outcome", "无异议"], ["--publicity-start", "2026-11-30", "--publicity-outcome", "也许"],
                    ["--publicity-start", "2026-13-01"]] {
            let r = try SampleSession.run(["-C", folder, "render", "report"] + bad)
            #expect(r.status == 2 && r.stdout.isEmpty, "\(bad)")
        }
        let misplaced = try SampleSession.run(["-C", folder, "render", "minutes", "--publicity-start", "2026-11-30"])
        #expect(misplaced.status == 2)
    }

    @Test("dates are written one way, 2026年11月26日, in every paper")
    func dates() throws {
        let iso = try Regex("20[0-9]{2}-[0-9]{2}-[0-9]{2}")
        let (publicity, _) = try Self.renderer.publicity(Self.state, start: CivilDate("2026-11-30")!, calendar: try WorkingDays.shipped(), format: .html)
        var papers = [publicity.text]
        for format in [DocumentFormat.md, .html] {
            papers.append(try Self.renderer.minutes(Self.state, format: format).text)
            papers.append(try Self.renderer.resultFormsTogether(Self.state, format: format).text)
            papers.append(try Self.renderer.overview(Self.state, format: format).text)
            papers.append(try Self.renderer.analysis([Self.state, SampleSession.second.state], format: format).text)
            papers.append(try Self.renderer.report(Self.state, format: format, publicity: try Self.statement(.noObjection), today: CivilDate("2026-12-07")!).text)
        }
        papers.append(try Self.renderer.overview(Self.state, format: .csv).text)
        papers.append(try Self.renderer.analysis([Self.state], format: .csv).text)
        for paper in papers {
            #expect(paper.firstMatch(of: iso) == nil, "\(paper.prefix(80))")
        }
    }
}
