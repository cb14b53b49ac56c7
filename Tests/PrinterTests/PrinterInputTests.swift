import Foundation
import Printer
import Records
import Testing

/// The printer with awkward facts and missing or broken templates: values escaped for the
/// format, formats it has no form for refused, template errors placed at file:line:column.
@Suite("Printer inputs")
struct PrinterInputTests {
    static func facts(name: String = "张三", unit: String = "单位") -> ResultFormFacts {
        let c = Candidate(id: "C01", name: name, gender: "男", born: "1984-03", unit: unit, education: "硕士研究生",
                          currentTitle: "工程师", appliedTitle: "高级工程师", series: "工程", specialty: "电子信息",
                          level: "高级", exceptional: false, panel: "")
        return ResultFormFacts(committee: "评委会", session: "00ff", date: "2026-12-02", candidate: c, round: 1, paper: true,
                               expected: 25, present: 20, voters: 20, denominator: 20,
                               policy: DenominatorPolicy(denominator: .present, recusedLeave: true),
                               yes: 14, no: 6, abstain: 0, void: 0, outcome: .passed, host: "陈建国", hostOffice: "主任委员")
    }

    @Test("markup, template tags and table bars in a value come out escaped, never interpreted")
    func escaping() throws {
        let templates = try TemplateLibrary.shipped()
        let f = Self.facts(name: "<b>李|四</b>{{committee}}", unit: "A&B \"公司\"")
        let html = String(decoding: try Printer.resultForm(f, format: .html, templates: templates), as: UTF8.self)
        #expect(html.contains("&lt;b&gt;李|四&lt;/b&gt;{{committee}}") && html.contains("A&amp;B &quot;公司&quot;"))
        #expect(!html.contains("<b>李"))
        let md = String(decoding: try Printer.resultForm(f, format: .md, templates: templates), as: UTF8.self)
        #expect(md.contains("| 姓名 | <b>李\\|四</b>{{committee}} |"))
    }

    @Test("⌈2N/3⌉ in integers, the date in Chinese, the paper kind and file name")
    func numbers() throws {
        let templates = try TemplateLibrary.shipped()
        var f = Self.facts()
        for (n, needed) in [(24, 16), (25, 17), (11, 8), (20, 14), (1, 1), (0, 0)] {
            f.denominator = n
            #expect(f.needed == needed, "N = \(n)")
        }
        f.denominator = 20
        let md = String(decoding: try Printer.resultForm(f, format: .md, templates: templates), as: UTF8.self)
        #expect(md.contains("| 评审日期 | 2026年12月2日 |") && md.contains("纸质选票") && md.contains("（通过至少需 14 票）"))
        #expect(Printer.resultFormFileName("C/1", format: .html) == "评审表-C_1.html")
    }

    @Test("CSV is refused; a missing template is named; a broken one is placed at file:line:column")
    func refusals() throws {
        #expect(throws: PrinterError.self) { try Printer.resultForm(Self.facts(), format: .csv, templates: try TemplateLibrary.shipped()) }
        #expect(throws: PrinterError.missingTemplate(name: "result-form.md")) {
            try Printer.resultForm(Self.facts(), format: .md, templates: try TemplateLibrary([]))
        }
        let broken = TemplateLibrary.Source(name: "result-form.md", file: "mine/result-form.md.mustache", text: "一\n{{#vote}}\n{{n}}\n")
        #expect(throws: PrinterError.template(file: "mine/result-form.md.mustache", line: 2, column: 1,
                                              chinese: "段落没有结束标签 {{/…}}", english: "a section is never closed with {{/…}}")) {
            try TemplateLibrary([broken])
        }
    }

    @Test("the printer depends on neither the session engine nor the session folder")
    func noReviewNoWorkspace() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Printer").path
        let files = try FileManager.default.contentsOfDirectory(atPath: sources).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for forbidden in ["import Review", "import Workspace", "import Documents", "import Inspection"] {
                #expect(!text.contains(forbidden), "\(file): \(forbidden)")
            }
        }
    }
}
