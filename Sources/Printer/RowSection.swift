import Mustache

/// A row of a long table: named text cells and named flags.
package protocol TableRow: Sendable {
    /// The template names of the cells, in the order of `cells`.
    static var cellKeys: [String] { get }
    /// The template names of the flags, in the order of `flags`.
    static var flagKeys: [String] { get }
    var cells: [String] { get }
    var flags: [Bool] { get }
}

/// The `{{#rows}}…{{/rows}}` section of a long table (the 一览表 of a province's year has
/// hundreds of thousands of rows), rendered by swift-mustache once per *shape* of row rather
/// than once per row — and always to the same bytes as swift-mustache over the plain list.
///
/// To a template it looks like any list. Underneath it is a lambda: swift-mustache hands it the
/// section's text. Rows whose empty cells and flags agree render alike except for the cell
/// values, so for each such shape the text is rendered once through swift-mustache with a
/// marker in place of every non-empty cell (a *skeleton*); each row is then the skeleton with
/// its own values put in place of the markers, escaped the way the marker came out escaped
/// (HTML, Markdown or not at all).
///
/// `document(_:key:render:)` takes the fast path only where it is sure to agree with the plain one:
/// - the section is rendered with the content type in effect where it stands in the document,
///   learnt beforehand by rendering the document over `probes` (`contentType(in:)`);
/// - a template that makes more of a value than printing it (`uppercased(name)`) leaves
///   markers the skeleton cannot read;
/// - for every shape, the first row is also rendered plainly and must equal its filled skeleton.
/// Otherwise the document is rendered again over `plainRows`, every row through swift-mustache.
///
/// Inside the section a row's own fields are visible first, then the document's top-level
/// fields; `first()`/`last()` are not (a row carries its `index`).
package final class RowSection<Row: TableRow>: @unchecked Sendable {
    let rows: [Row]
    /// The document's top-level fields, for names a row does not have (`committee`, …).
    let fallback: [String: Any]
    let library: MustacheLibrary
    /// The content type in effect at the section (`HTML`, `MARKDOWN`), from `contentType(in:)`.
    private var contentType = "HTML"
    /// Whether a rendering through `lambda` could not be trusted to equal the plain one.
    private var failed = false
    static var cellIndex: [String: Int] { Dictionary(uniqueKeysWithValues: Row.cellKeys.enumerated().map { ($1, $0) }) }

    package init(rows: [Row], fallback: [String: Any], library: MustacheLibrary) {
        self.rows = rows
        self.fallback = fallback
        self.library = library
    }

    /// The document `render` makes of `fields` with this section under `key`: by the fast path
    /// where it is sure to agree with swift-mustache over every row, else by that.
    /// - Returns: the text, and whether the fast path made it.
    package func document<E: Error>(_ fields: [String: Any], key: String,
                                    render: ([String: Any]) throws(E) -> String) throws(E) -> (text: String, fast: Bool) {
        var fields = fields
        if !rows.isEmpty {
            fields[key] = probes
            if let type = Self.contentType(in: try render(fields)) {
                contentType = type
                failed = false
                fields[key] = lambda
                let text = try render(fields)
                if !failed { return (text, true) }
            }
        }
        fields[key] = plainRows
        return (try render(fields), false)
    }

    /// The rows as an ordinary list, for swift-mustache to render one by one.
    var plainRows: [RowContext] {
        let cellIndex = Self.cellIndex
        return rows.map { RowContext(row: $0, cellIndex: cellIndex, mode: .values, fallback: [:]) }
    }

    /// Two stand-in rows (all flags off, all on) whose every cell is `Probe.text`: the document
    /// rendered over them shows how the section escapes a value.
    var probes: [RowContext] {
        guard let row = rows.first else { return [] }
        let cellIndex = Self.cellIndex
        return [RowContext(row: row, cellIndex: cellIndex, mode: .probe(flags: false), fallback: [:]),
                RowContext(row: row, cellIndex: cellIndex, mode: .probe(flags: true), fallback: [:])]
    }

    /// The content type whose escaping the probe values came out with in `rendered` (the
    /// document rendered over `probes`); nil when it cannot be told: no value came out escaped,
    /// or values came out escaped both ways (a partial of another content type inside the rows).
    static func contentType(in rendered: String) -> String? {
        switch (rendered.contains(Probe.html), rendered.contains(Probe.markdown)) {
        case (true, false): "HTML"
        case (false, true): "MARKDOWN"
        default: nil
        }
    }

    /// The value to put under the section's name in the view.
    var lambda: MustacheLambda {
        MustacheLambda { [self] text in Rendered(text: render(sectionText: text)) }
    }

    func render(sectionText: String) -> String {
        guard !rows.isEmpty, let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentType) }}" + sectionText) else {
            failed = !rows.isEmpty
            return ""
        }
        let cellIndex = Self.cellIndex
        // Blocks of rows are filled on every core, each with its own skeletons, then joined.
        let blocks = stride(from: 0, to: rows.count, by: 2_048).map { $0..<min(rows.count, $0 + 2_048) }
        let parts = Parallel.map(blocks, minimum: 4) { _, block -> String? in
            var skeletons: [[UInt64]: Skeleton] = [:]
            var out = ""
            out.reserveCapacity(block.count * (sectionText.utf8.count + 64))
            for row in rows[block] {
                let shape = Self.shape(of: row)
                if let skeleton = skeletons[shape] {
                    skeleton.fill(with: row.cells, into: &out)
                    continue
                }
                let marked = template.render(RowContext(row: row, cellIndex: cellIndex, mode: .markers, fallback: fallback), library: library)
                let plain = template.render(RowContext(row: row, cellIndex: cellIndex, mode: .values, fallback: fallback), library: library)
                guard let skeleton = Skeleton(reading: marked, cells: row.cells.count) else { return nil }
                var filled = ""
                skeleton.fill(with: row.cells, into: &filled)
                guard filled == plain else { return nil }
                skeletons[shape] = skeleton
                out += filled
            }
            return out
        }
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + ($1?.utf8.count ?? 0) })
        for part in parts {
            guard let part else {
                failed = true
                return ""
            }
            text += part
        }
        return text
    }

    /// Which cells are empty and which flags are set: rows of one shape share a skeleton.
    static func shape(of row: Row) -> [UInt64] {
        var bits: [UInt64] = Array(repeating: 0, count: (row.cells.count + row.flags.count + 63) / 64)
        for (i, c) in row.cells.enumerated() where c.isEmpty { bits[i / 64] |= 1 << UInt64(i % 64) }
        for (j, f) in row.flags.enumerated() where f {
            let i = row.cells.count + j
            bits[i / 64] |= 1 << UInt64(i % 64)
        }
        return bits
    }

    /// One row as a template sees it: its values, markers in place of its non-empty values, or
    /// a probe in place of every value.
    struct RowContext: MustacheParent {
        enum Mode {
            case values
            case markers
            case probe(flags: Bool)
        }

        let row: Row
        let cellIndex: [String: Int]
        let mode: Mode
        let fallback: [String: Any]

        func child(named name: String) -> Any? {
            if let i = cellIndex[name] {
                let value = row.cells[i]
                switch mode {
                case .values: return TextValue(text: value)
                case .markers: return TextValue(text: value.isEmpty ? value : Skeleton.marker(i))
                case .probe: return TextValue(text: Probe.text)
                }
            }
            if let j = Row.flagKeys.firstIndex(of: name) {
                if case .probe(let flags) = mode { return flags }
                return row.flags[j]
            }
            return fallback[name]
        }
    }

    /// Text already rendered: printed as it is (not parsed again, not escaped again).
    struct Rendered: CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}

/// The stand-in value of `RowSection.probes`, and the forms it takes escaped.
enum Probe {
    static let text = "\u{E002}|<\u{E003}"
    static let html = "\u{E002}|&lt;\u{E003}"
    static let markdown = "\u{E002}\\|<\u{E003}"
}
