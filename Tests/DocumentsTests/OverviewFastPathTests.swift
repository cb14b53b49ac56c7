import Records
import Review
import Testing
import TextFormats
@testable import Documents

/// The 一览表's fast paths against the plain ones: `RowSection` (one swift-mustache rendering
/// per shape of row, values filled in) against the template rendered by swift-mustache over an
/// ordinary list of all rows, and the CSV written in blocks on every core against `CSVWriter`
/// writing it on one thread — byte for byte, for the sample session and for one whose values
/// are made to trip escaping and row shapes up.
@Suite("一览表: fast path equals plain swift-mustache")
struct OverviewFastPathTests {
    static let renderer = SampleSession.renderer

    /// Values that a table cell, Markdown, HTML or CSV treats specially, and empty ones.
    static let awkward = [
        "张|三", "<李四>", "王&五", "\"赵六\"", "'钱七'", "", "a|b<c>&d\"e'f", "周\\八", "郑\n九", "冯\r\n十",
        "  陈  ", "{{name}}", "{{{unit}}}", "&lt;已转义&gt;", "\\|", "e\u{301}\"\u{301}", "褚" + String(repeating: "很长的工作单位名称，", count: 60),
        "\u{E000}aQ|<\u{E001}", "卫,韩", "|", "<", "&", "\"", "Ab Cd",
    ]

    /// The sample session with its candidates' fields replaced by awkward values (ids and the
    /// votes kept), and `extra` candidates more who were never put to the vote.
    static func awkwardState(extra: Int) throws -> SessionState {
        var entries = SampleSession.shared.entries
        guard case .sessionCreated(var founding) = entries[0].event else { throw SampleSession.Failure("no founding entry") }
        func value(_ n: Int) -> String { awkward[n % awkward.count] }
        var candidates = founding.candidates
        for n in 0..<extra {
            var c = candidates[n % candidates.count]
            c.id = "X\(n)"
            candidates.append(c)
        }
        for i in candidates.indices {
            candidates[i].name = value(i)
            candidates[i].unit = value(i * 7 + 3)
            candidates[i].education = value(i * 3 + 1)
            candidates[i].currentTitle = value(i * 5 + 2)
            candidates[i].series = i % 4 == 0 ? "" : candidates[i].series
            candidates[i].specialty = value(i * 11 + 5)
            candidates[i].gender = i % 9 == 0 ? "" : candidates[i].gender
            candidates[i].born = i % 13 == 0 ? "" : candidates[i].born
            candidates[i].exceptional = i % 3 == 0
        }
        founding.candidates = candidates
        founding.settings.name = "评委会 <b>&\"|\""
        entries[0].event = .sessionCreated(founding)
        return try SessionState.replay(entries)
    }

    static let states: [(String, SessionState)] = [
        ("sample", SampleSession.shared.state),
        ("awkward", try! awkwardState(extra: 0)),
        ("awkward, 9000 rows", try! awkwardState(extra: 9_000)),
    ]

    /// The template rendered the ordinary way: `rows` an array of every row's fields.
    static func plain(_ state: SessionState, _ format: DocumentFormat, renderer: DocumentRenderer = renderer) throws -> String {
        let view = OverviewView(state)
        let rows: [[String: Any]] = view.rows.map { row in
            var fields: [String: Any] = [:]
            for (key, text) in zip(OverviewRow.cellKeys, row.cells) { fields[key] = TextValue(text: text) }
            for (key, flag) in zip(OverviewRow.flagKeys, row.flags) { fields[key] = flag }
            return fields
        }
        return try renderer.templates.render(view.fields(rows: rows), with: "overview." + format.templateSuffix)
    }

    /// A user's row templates: sections on cells and flags, the document's own fields inside a
    /// row, a transform, a partial.
    static let userTemplates = [
        """
        {{% CONTENT_TYPE: MARKDOWN }}
        {{#rows}}
        {{index}}. {{name}}（{{committee.name}}）{{#remark}} [{{remark}}]{{/remark}}{{^unit}} 无单位{{/unit}}{{#passed}} ✓{{/passed}}{{>cell}}
        {{/rows}}
        """,
        """
        {{% CONTENT_TYPE: HTML }}
        <ul>{{#rows}}<li title="{{committee.name}}">{{{name}}}|{{name}}{{#unit}}<i>{{.}}</i>{{/unit}}</li>{{/rows}}</ul>
        """,
        """
        {{% CONTENT_TYPE: MARKDOWN }}
        {{#rows}}
        {{uppercased(name)}} {{lowercased(unit)}} {{capitalized(specialty)}} {{reversed(name)}} {{name}}
        {{/rows}}
        """,
    ]

    /// The committee names look like the section's own markers: read as cells, they would put a
    /// row's value where the name belongs (the per-shape check sends such a document the plain way).
    @Test("a user's templates, with the document's fields inside a row (a committee named like a marker)", arguments: 0..<3)
    func userTemplates(template: Int) throws {
        var state = try Self.awkwardState(extra: 40)
        let renderer = DocumentRenderer(templates: try TemplateLibrary(TemplateLibrary.shippedSources() + [
            TemplateLibrary.Source(name: "overview.md", file: "overview.md.mustache", text: Self.userTemplates[template]),
            TemplateLibrary.Source(name: "cell", file: "cell.mustache", text: "{{#specialty}}（{{specialty}}）{{/specialty}}"),
        ]))
        for committee in ["\u{E000}aQ|<\u{E001}", "\u{E000}zzzzzzzzzzzzzzQ|<\u{E001}", "普通的评委会"] {
            state = try Self.renamed(state, committee: committee)
            let (document, tookFastPath) = try renderer.overview(OverviewView(state), format: .md)
            let fast = document.text
            let plain = try Self.plain(state, .md, renderer: renderer)
            // Only the HTML list of plain values, with an ordinary committee name, is sure to be fast.
            #expect(tookFastPath == (template == 1 && committee == "普通的评委会"), "\(committee.debugDescription)")
            let same = fast == plain  // compared outside #expect, which would print both documents whole
            #expect(same, "\(committee.debugDescription): first difference at \(Self.firstDifference(fast, plain))")
        }
    }

    /// `state` with the committee's name changed.
    static func renamed(_ state: SessionState, committee: String) throws -> SessionState {
        var entries = SampleSession.shared.entries
        guard case .sessionCreated(var founding) = entries[0].event else { throw SampleSession.Failure("no founding entry") }
        founding.settings.name = committee
        founding.candidates = state.candidates
        entries[0].event = .sessionCreated(founding)
        return try SessionState.replay(entries)
    }

    @Test("Markdown and HTML: the same bytes as swift-mustache over all rows", arguments: [DocumentFormat.md, .html], 0..<3)
    func templates(format: DocumentFormat, session: Int) throws {
        let (name, state) = Self.states[session]
        let (document, tookFastPath) = try Self.renderer.overview(OverviewView(state), format: format)
        #expect(tookFastPath, "the shipped templates must not need the slow path")
        let fast = document.text
        #expect(fast == (try Self.renderer.overview(state, format: format).text))
        let plain = try Self.plain(state, format)
        let same = fast == plain  // compared outside #expect, which would print both documents whole
        #expect(same, "\(name), \(format): first difference at \(Self.firstDifference(fast, plain))")
        #expect(fast.contains(OverviewView(state).rows.last!.cells[OverviewRow.Column.index.rawValue]))
    }

    @Test("CSV: the same bytes as CSVWriter on one thread, and it reads back as the rows", arguments: 0..<3)
    func csv(session: Int) throws {
        let (name, state) = Self.states[session]
        let view = OverviewView(state)
        let fast = try Self.renderer.overview(state, format: .csv).text
        let same = fast == CSVWriter.text(header: view.titleRow, rows: [view.columns] + view.rows.map(\.cells) + [view.totalsRow])
        #expect(same, "\(name)")
        let records = try CSVReader.records(Array(fast.utf8), file: "一览表.csv")
        let readBack = records.map(\.fields) == [view.titleRow, view.columns] + view.rows.map(\.cells) + [view.totalsRow]
        #expect(readBack, "\(name)")
    }

    @Test("the awkward values reach the documents escaped, not dropped")
    func escaped() throws {
        let state = try Self.awkwardState(extra: 0)
        let html = try Self.renderer.overview(state, format: .html).text
        #expect(html.contains("张|三") && html.contains("&lt;李四&gt;") && html.contains("王&amp;五") && html.contains("&quot;赵六&quot;"))
        let md = try Self.renderer.overview(state, format: .md).text
        #expect(md.contains("张\\|三") && md.contains("<李四>") && md.contains("郑 九"))
    }

    /// The line and column where `a` and `b` first differ, for the failure message.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return "end (\(x.count) and \(y.count) lines)"
        }
        return "line \(line + 1):\n  fast:  \(x[line].prefix(300))\n  plain: \(y[line].prefix(300))"
    }
}
