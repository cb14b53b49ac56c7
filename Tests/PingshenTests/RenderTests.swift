import Foundation
import Testing

/// `pingshen render` as a secretary runs it: every kind, files written, arguments refused.
@Suite("pingshen render", .serialized)
struct RenderTests {
    /// One closed sample session for the suite.
    static let sample: String = {
        let dir = try! CLI.temporaryDirectory() + "/sample"
        _ = try! CLI.run(["demo", dir])
        return dir
    }()

    @Test("every kind renders to standard output from any working directory")
    func everyKind() throws {
        for kind in ["minutes", "result-forms", "overview", "analysis", "report"] {
            let r = try CLI.run(["-C", Self.sample, "render", kind])
            #expect(r.status == 0, "\(kind): \(r.stderr)")
            #expect(r.stdout.hasPrefix("# ") || r.stdout.hasPrefix("**保密**\n\n# ") || r.stdout.hasPrefix("**保密**　　会议编号："), "\(kind)")
        }
        let html = try CLI.run(["-C", "/", "render", "minutes", "--format", "html", "--session", Self.sample])
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("@page"))
        let forms = try CLI.ok(["-C", Self.sample, "render", "result-forms"])
        #expect(forms.components(separatedBy: "\u{0C}").count == 14)
    }

    @Test("result-forms --out DIR writes one file per candidate under a stable name and says so")
    func resultFormsToFolder() throws {
        let out = try CLI.temporaryDirectory() + "/forms"
        let printed = try CLI.ok(["-C", Self.sample, "render", "result-forms", "--format", "html", "--out", out + "/"])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == (1...14).map { String(format: "评审表-C%02d.html", $0) })
        #expect(printed.contains(out + "/评审表-C05.html") && printed.contains("14"))
        let c05 = try String(contentsOfFile: out + "/评审表-C05.html", encoding: .utf8)
        #expect(c05.contains("曹国平") && c05.contains("不通过"))
    }

    @Test("--out FILE takes its format from the extension; CSV has a BOM and CRLF; a folder gets the document's name")
    func outFile() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.ok(["-C", Self.sample, "render", "overview", "--out", dir + "/一览表.csv"])
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir + "/一览表.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains("\r\n"))
        try CLI.ok(["-C", Self.sample, "render", "report", "--format", "html", "--out", dir])
        #expect(FileManager.default.fileExists(atPath: dir + "/评审情况综合报告.html"))
    }

    @Test("publicity prints the period's first and last day by the working-day calendar")
    func publicity() throws {
        let dir = try CLI.temporaryDirectory()
        let printed = try CLI.ok(["-C", Self.sample, "render", "publicity", "--start", "2026-11-30", "--out", dir + "/公示.md"])
        #expect(printed.contains("2026-11-30") && printed.contains("2026-12-04"))
        let r = try CLI.run(["-C", Self.sample, "render", "publicity", "--start", "2026-11-30"])
        #expect(r.stdout.contains("2026年11月30日（星期一）至2026年12月4日（星期五）") && r.stderr.contains("2026-12-04"))
        let outside = try CLI.run(["-C", Self.sample, "render", "publicity", "--start", "2027-01-04"])
        #expect(outside.status == 2 && outside.stderr.contains("2027") && outside.stderr.contains("--calendar"))
        let early = try CLI.run(["-C", Self.sample, "render", "publicity", "--start", "2026-11-25"])
        #expect(early.status == 2 && early.stderr.contains("早于评审会议日期"))
        let calendar = dir + "/2027.toml"
        try "[2027]\nrest = [\"01-01\"]\n".write(toFile: calendar, atomically: true, encoding: .utf8)
        let extended = try CLI.ok(["-C", Self.sample, "render", "publicity", "--start", "2026-12-28", "--calendar", calendar, "--out", dir + "/p.md"])
        #expect(extended.contains("2027-01-04"))
    }

    @Test("arguments that do not fit the document are refused before anything is read", arguments: [
        ["render", "minutes", "--start", "2026-11-30"],
        ["render", "overview", "--sessions", "a", "b"],
        ["render", "minutes", "--format", "csv"],
        ["render", "report", "--out", "x.csv"],
        ["render", "publicity"],
        ["render", "publicity", "--start", "2026-11-31"],
        ["render", "minutes", "--calendar", "x.toml"],
        ["render", "memo"],
        ["render", "minutes", "--format", "pdf"],
    ])
    func refusedArguments(arguments: [String]) throws {
        let r = try CLI.run(["-C", Self.sample] + arguments)
        #expect(r.status != 0 && !r.stderr.isEmpty, "\(arguments)")
        #expect(r.stdout.isEmpty)
    }

    @Test("analysis --sessions sums several sessions")
    func analysisSessions() throws {
        let second = try CLI.temporaryDirectory() + "/second"
        try CLI.ok(["demo", second])
        let csv = try CLI.ok(["render", "analysis", "--format", "csv", "--sessions", Self.sample, second])
        let last = try #require(csv.split(separator: "\r\n").last)
        #expect(last == "总计,,,,,28,28,26,92.9%")
    }

    @Test("minutes are refused (R13, exit 3) while a rejected candidate has no reason")
    func minutesNeedReasons() throws {
        let (dir, pins) = try CLI.openRound(present: 18, ["C01"])
        for m in CLI.members(1...18) { try CLI.ok(["-C", dir, "vote", "cast", "--member", m, "--pin", pins[m]!, "C01=不同意"]) }
        try CLI.ok(["-C", dir, "vote", "close"])
        let refused = try CLI.run(["-C", dir, "render", "minutes"])
        #expect(refused.status == 3 && refused.stderr.contains("R13") && refused.stderr.contains("C01"))
        #expect(refused.stdout.isEmpty)
        try CLI.ok(["-C", dir, "reason", "C01", "同意票未达到三分之二"])
        let minutes = try CLI.ok(["-C", dir, "render", "minutes"])
        #expect(minutes.contains("草稿") && minutes.contains("同意票未达到三分之二"))
    }

    @Test("--templates DIR overrides a template; a broken one is named with file:line:column (exit 2)")
    func templatesOption() throws {
        let dir = try CLI.temporaryDirectory()
        try "{{% CONTENT_TYPE: MARKDOWN }}\n{{committee.name}} 共 {{counted}} 人\n".write(toFile: dir + "/minutes.md.mustache", atomically: true, encoding: .utf8)
        #expect(try CLI.ok(["-C", Self.sample, "render", "minutes", "--templates", dir]) == "安徽省工程系列电子信息专业高级职称评审委员会 共 14 人\n")
        try "第一行\n{{#rows}}\n{{/row}}\n".write(toFile: dir + "/overview.md.mustache", atomically: true, encoding: .utf8)
        let broken = try CLI.run(["-C", Self.sample, "render", "minutes", "--templates", dir])
        #expect(broken.status == 2 && broken.stderr.contains(dir + "/overview.md.mustache:3:4"))
    }
}
