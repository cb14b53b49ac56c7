import Mustache

/// A row of a long table: named text cells and named flags.
protocol TableRow: Sendable {
    /// The template names of the cells, in the order of `cells`.
    static var cellKeys: [String] { get }
    /// The template names of the flags, in the order of `flags`.
    static var flagKeys: [String] { get }
    var cells: [String] { get }
    var flags: [Bool] { get }
}

/// The `{{#rows}}…{{/rows}}` section of a long table (the 一览表 of a province's year has
/// hundreds of thousands of rows), rendered by swift-mustache once per *shape* of row rather
/// than once per row.
///
/// To a template it looks like any list. Underneath it is a lambda: swift-mustache hands it the
/// section's text. Rows whose empty cells and flags agree render alike except for the cell
/// values, so for each such shape the text is rendered once through swift-mustache with a
/// marker in place of every non-empty cell (a *skeleton*); each row is then the skeleton with
/// its own values put in place of the markers, escaped the way the marker came out escaped
/// (HTML, Markdown or not at all). A template that makes more of a value than printing it (a
/// transform such as `uppercased(name)`) leaves markers the skeleton cannot read; then every
/// row is rendered through swift-mustache, the slow way, and the result is the same.
///
/// Inside the section a row's own fields are visible first, then the document's top-level
/// fields; `first()`/`last()` are not (a row carries its `index`).
final class RowSection<Row: TableRow>: @unchecked Sendable {
    let rows: [Row]
    /// The document's top-level fields, for names a row does not have (`committee`, …).
    let fallback: [String: Any]
    /// The content type of the document the section sits in (`HTML`, `MARKDOWN`).
    let contentType: String
    let library: MustacheLibrary
    static var cellIndex: [String: Int] { Dictionary(uniqueKeysWithValues: Row.cellKeys.enumerated().map { ($1, $0) }) }

    init(rows: [Row], fallback: [String: Any], contentType: String, library: MustacheLibrary) {
        self.rows = rows
        self.fallback = fallback
        self.contentType = contentType
        self.library = library
    }

    /// The value to put under the section's name in the view.
    var lambda: MustacheLambda {
        MustacheLambda { [self] text in Rendered(text: render(sectionText: text)) }
    }

    func render(sectionText: String) -> String {
        guard !rows.isEmpty, let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentType) }}" + sectionText) else {
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
                let skeleton: Skeleton
                if let known = skeletons[shape] {
                    skeleton = known
                } else {
                    let marked = template.render(RowContext(row: row, cellIndex: cellIndex, marked: true, fallback: fallback), library: library)
                    guard let read = Skeleton(reading: marked) else { return nil }
                    skeleton = read
                    skeletons[shape] = read
                }
                skeleton.fill(with: row.cells, into: &out)
            }
            return out
        }
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + ($1?.utf8.count ?? 0) })
        for part in parts {
            guard let part else { return renderEachRow(template) }
            text += part
        }
        return text
    }

    /// Every row through swift-mustache: for templates whose skeleton cannot be read.
    func renderEachRow(_ template: MustacheTemplate) -> String {
        let cellIndex = Self.cellIndex
        var out = ""
        for row in rows {
            out += template.render(RowContext(row: row, cellIndex: cellIndex, marked: false, fallback: fallback), library: library)
        }
        return out
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

    /// One row as a template sees it, with markers instead of values when `marked`.
    struct RowContext: MustacheParent {
        let row: Row
        let cellIndex: [String: Int]
        let marked: Bool
        let fallback: [String: Any]

        func child(named name: String) -> Any? {
            if let i = cellIndex[name] {
                let value = row.cells[i]
                return TextValue(text: marked && !value.isEmpty ? Skeleton.marker(i) : value)
            }
            if let j = Row.flagKeys.firstIndex(of: name) { return row.flags[j] }
            return fallback[name]
        }
    }

    /// Text already rendered: printed as it is (not parsed again, not escaped again).
    struct Rendered: CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}

/// A row rendered with markers: literal pieces, and the cells to put between them with the
/// escaping each marker came out with.
struct Skeleton {
    enum Escape { case none, html, markdown }
    enum Piece {
        case text(String)
        case cell(Int, Escape)
    }
    let pieces: [Piece]

    /// The marker for cell `i`: U+E000, the cell number in letters, `|<`, U+E001. Escaping
    /// turns `|<` into `|&lt;` (HTML) or `\|<` (Markdown), which tells how to escape the value.
    static func marker(_ i: Int) -> String {
        var letters = ""
        var n = i
        repeat {
            letters = String(UnicodeScalar(UInt8(97 + n % 26))) + letters
            n /= 26
        } while n > 0
        return "\u{E000}\(letters)|<\u{E001}"
    }

    /// Reads a marked rendering; nil when a marker came out changed in a way not understood.
    init?(reading text: String) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\u{E000}") {
            if start > rest.startIndex { pieces.append(.text(String(rest[..<start]))) }
            rest = rest[rest.index(after: start)...]
            var number = 0
            var digits = 0
            while let c = rest.first, let v = c.asciiValue, (97...122).contains(v) {
                number = number * 26 + Int(v - 97)
                digits += 1
                rest = rest.dropFirst()
            }
            guard digits > 0 else { return nil }
            let escape: Escape
            if rest.hasPrefix("|<\u{E001}") { escape = .none; rest = rest.dropFirst(3) }
            else if rest.hasPrefix("|&lt;\u{E001}") { escape = .html; rest = rest.dropFirst(6) }
            else if rest.hasPrefix("\\|<\u{E001}") { escape = .markdown; rest = rest.dropFirst(4) }
            else { return nil }
            pieces.append(.cell(number, escape))
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    func fill(with cells: [String], into out: inout String) {
        for piece in pieces {
            switch piece {
            case .text(let t): out += t
            case .cell(let i, .none): out += cells[i]
            case .cell(let i, .html): out += HTMLEscape.escape(cells[i])
            case .cell(let i, .markdown): out += MarkdownContent().escapeText(cells[i])
            }
        }
    }
}
