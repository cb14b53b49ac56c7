import Mustache

/// A row rendered with markers: literal pieces, and the cells to put between them with the
/// escaping each marker came out with.
struct Skeleton {
    enum Escape { case none, html, markdown }
    enum Piece {
        case text(String)
        case cell(Int, Escape)
    }
    let pieces: [Piece]

    /// The marker for cell `i`: U+E000, the cell number in lowercase letters, `Q|<`, U+E001.
    /// Escaping turns `|<` into `|&lt;` (HTML) or `\|<` (Markdown), which tells how to escape the
    /// value; a transform that changes case (`lowercased`, `uppercased`, `capitalized`) or order
    /// (`reversed`) leaves a marker that cannot be read.
    static func marker(_ i: Int) -> String {
        var letters = ""
        var n = i
        repeat {
            letters = String(UnicodeScalar(UInt8(97 + n % 26))) + letters
            n /= 26
        } while n > 0
        return "\u{E000}\(letters)Q|<\u{E001}"
    }

    /// Reads a marked rendering of a row of `cells` cells; nil when a marker came out changed in
    /// a way not understood, or names no cell.
    init?(reading text: String, cells: Int) {
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
                guard number < cells else { return nil }
                rest = rest.dropFirst()
            }
            guard digits > 0, rest.first == "Q" else { return nil }
            rest = rest.dropFirst()
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
