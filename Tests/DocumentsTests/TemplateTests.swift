import Documents
import Foundation
import Testing

/// The shipped templates, a user's folder overriding them file by file, and template errors
/// that name file, line and column.
@Suite("Templates")
struct TemplateTests {
    static let state = SampleSession.shared.state

    static func folder(_ files: [String: String]) throws -> String {
        let dir = try SampleSession.temporaryDirectory()
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test("every document has a shipped template for Markdown and HTML, and all of them parse")
    func shipped() throws {
        let library = try TemplateLibrary.shipped()
        for kind in ["minutes", "overview", "analysis", "publicity", "report", "result-form", "result-forms"] {
            if kind != "result-forms" { #expect(library.has(kind + ".md"), "\(kind).md") }
            #expect(library.has(kind + ".html"), "\(kind).html")
        }
        #expect(library.has("layout.html"))
        #expect(library.sources["minutes.md"] == "Templates/minutes.md.mustache")
    }

    @Test("a file in the user's folder replaces the shipped template of the same name; the others stay")
    func overrideFileByFile() throws {
        let dir = try Self.folder([
            "minutes.md.mustache": "{{% CONTENT_TYPE: MARKDOWN }}\n本会记录：{{committee.name}}，{{counted}} 人表决。{{>sign}}\n",
            "sign.mustache": "（{{recorder}} 记）",
        ])
        let renderer = DocumentRenderer(templates: try TemplateLibrary(overridingWith: dir))
        #expect(try renderer.minutes(Self.state, format: .md).text == "本会记录：安徽省工程系列电子信息专业高级职称评审委员会，14 人表决。（王秘书 记）\n")
        let today = CivilDate("2026-12-07")!
        let shipped = try SampleSession.renderer.report(Self.state, format: .md, today: today).text
        #expect(try renderer.report(Self.state, format: .md, today: today).text == shipped)
        #expect(renderer.templates.sources["minutes.md"] == dir + "/minutes.md.mustache")
        #expect(renderer.templates.sources["report.md"] == "Templates/report.md.mustache")
    }

    @Test("the HTML layout can be overridden alone, and every HTML document follows it")
    func overrideLayout() throws {
        let dir = try Self.folder(["layout.html.mustache": "<html><title>{{$title}}{{/title}}</title><body class=\"ours\">{{$body}}{{/body}}</body></html>\n"])
        let renderer = DocumentRenderer(templates: try TemplateLibrary(overridingWith: dir))
        for text in [try renderer.minutes(Self.state, format: .html).text, try renderer.overview(Self.state, format: .html).text] {
            #expect(text.hasPrefix("<html><title>") && text.contains("<body class=\"ours\">"))
        }
    }

    @Test("an override's rows section may use the row fields, the document's fields and sections on a row's flags")
    func overrideRows() throws {
        let dir = try Self.folder(["overview.md.mustache": """
            {{% CONTENT_TYPE: MARKDOWN }}
            {{#rows}}
            {{index}}. {{name}}（{{committee.level}}）{{#rejected}} ✗{{/rejected}}{{#remark}} [{{remark}}]{{/remark}}
            {{/rows}}
            """])
        let text = try DocumentRenderer(templates: try TemplateLibrary(overridingWith: dir)).overview(Self.state, format: .md).text
        let lines = text.split(separator: "\n")
        #expect(lines.count == 14)
        #expect(lines[0] == "1. 许文博（高级）")
        #expect(lines[4] == "5. 曹国平（高级） ✗")
        #expect(lines[5] == "6. 邓雅琴（高级） [破格]")
    }

    @Test("a rows section that transforms a value is rendered row by row, with the same result swift-mustache gives")
    func rowsWithTransform() throws {
        let dir = try Self.folder(["overview.md.mustache": "{{#rows}}{{index}} {{uppercased(result)}} {{reversed(name)}}|{{/rows}}"])
        let text = try DocumentRenderer(templates: try TemplateLibrary(overridingWith: dir)).overview(Self.state, format: .md).text
        #expect(text.hasPrefix("1 通过 博文许|2 通过 梅晓钱|"))
    }

    @Test("a template error names the file, the line and the column", arguments: [
        ("{{#rows}}\n{{name}}\n{{/row}}\n", 3, 4),
        ("第一行\n第二行 {{name\n", 2, 5),
        ("{{#draft}}\n未完\n", 1, 1),
        ("{{#a}}{{#b}}\n{{/b}}\n", 1, 1),
        ("一\n二{{^empty}}\n{{#x}}{{/x}}\n", 2, 2),
    ])
    func templateError(text: String, line: Int, column: Int) throws {
        let dir = try Self.folder(["sub/minutes.md.mustache": text])
        do {
            _ = try TemplateLibrary(overridingWith: dir)
            Issue.record("accepted a broken template")
        } catch {
            guard case .template(let file, let l, let c, _, _) = error else { Issue.record("\(error)"); return }
            #expect(file == dir + "/sub/minutes.md.mustache")
            #expect(l == line && c == column, "\(error.description)")
            #expect(error.description.contains("\(file):\(line):\(column)"))
        }
    }

    @Test("a template that names an unknown content type is refused with its position")
    func unknownPragma() throws {
        let dir = try Self.folder(["minutes.md.mustache": "{{% CONTENT_TYPE: WORD }}\n"])
        #expect(throws: PrinterError.self) { try TemplateLibrary(overridingWith: dir) }
    }

    @Test("a missing template is named; a missing folder is an error")
    func missing() throws {
        let library = try TemplateLibrary([])
        #expect(throws: DocumentsError.missingTemplate(name: "minutes.md")) {
            try DocumentRenderer(templates: library).minutes(Self.state, format: .md)
        }
        #expect(throws: PrinterError.self) { try TemplateLibrary(overridingWith: "/nonexistent/templates") }
    }

    @Test("Markdown escapes a | inside a value; HTML escapes markup")
    func escaping() throws {
        let dir = try Self.folder([
            "a.md.mustache": "{{% CONTENT_TYPE: MARKDOWN }}| {{v}} |",
            "a.html.mustache": "<td>{{v}}</td>",
        ])
        let library = try TemplateLibrary(overridingWith: dir)
        #expect(try library.render(["v": "A|B\nC"], with: "a.md") == "| A\\|B C |")
        #expect(try library.render(["v": "<b>&'\""], with: "a.html") == "<td>&lt;b&gt;&amp;&#39;&quot;</td>")
    }
}
