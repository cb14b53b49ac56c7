/// A position in a TOML text: the parts of the grammar `TOMLReader` understands, each read
/// from the cursor onwards, each refusing what it does not understand at the place it starts.
///
/// `peek` is nil at the end of a line (LF or CRLF) as at the end of the text: only arrays read
/// past a line's end, with `nextLine()`.
struct TOMLCursor {
    let chars: [Unicode.Scalar]
    let file: String
    var index = 0
    private(set) var line = 1
    private var lineStart = 0

    init(_ chars: [Unicode.Scalar], file: String) {
        self.chars = chars
        self.file = file
    }

    var atLineEnd: Bool {
        index >= chars.count || chars[index] == "\n" || (chars[index] == "\r" && (index + 1 == chars.count || chars[index + 1] == "\n"))
    }
    var peek: Unicode.Scalar? { atLineEnd ? nil : chars[index] }
    var column: Int { index - lineStart + 1 }
    var place: TOMLPlace { TOMLPlace(line: line, column: column) }
    mutating func advance() { index += 1 }
    mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { advance() } }
    mutating func skipComment() { while peek != nil { advance() } }

    /// Moves to the start of the next line; false at the end of the text.
    mutating func nextLine() -> Bool {
        while index < chars.count && chars[index] != "\n" { index += 1 }
        guard index < chars.count else { return false }
        index += 1
        line += 1
        lineStart = index
        return true
    }

    /// Moves back to `place`, a place on the current line.
    mutating func rewind(to place: TOMLPlace) { index = lineStart + place.column - 1 }

    func error(_ zh: String, _ en: String) -> ImportError {
        ImportError(file: file, line: line, column: column, zh, en)
    }

    /// Skips spaces and a comment, which must end the line.
    mutating func expectLineEnd(_ zh: String, _ en: String) throws(ImportError) {
        skipSpaces()
        if peek == "#" { skipComment() }
        if !atLineEnd { throw error(zh, en) }
    }

    static func isBare(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    /// `[name]`, the cursor on the `[`.
    mutating func tableHeader() throws(ImportError) -> TOMLTable {
        let place = self.place
        advance()
        if peek == "[" {
            rewind(to: place)
            throw error("不支持 TOML 表数组（[[...]]）", "TOML arrays of tables ([[...]]) are not supported")
        }
        skipSpaces()
        let name = try key()
        skipSpaces()
        guard peek == "]" else { throw error("表头“[\(name)”缺少“]”", "the table header '[\(name)' is missing ']'") }
        advance()
        return TOMLTable(name: name, place: place)
    }

    mutating func key() throws(ImportError) -> String {
        if peek == "\"" || peek == "'" { return try string() }
        let start = place
        var key = ""
        while let c = peek, Self.isBare(c) { key.unicodeScalars.append(c); advance() }
        if key.isEmpty { throw error("此处应为键名", "expected a key name here") }
        if peek == "." {
            rewind(to: start)
            throw error("不支持带点的键（dotted keys）", "dotted keys are not supported")
        }
        return key
    }

    mutating func value() throws(ImportError) -> TOMLValue {
        let start = place
        guard let c = peek else { throw error("“=”后缺少值", "missing value after '='") }
        switch c {
        case "\"", "'":
            return TOMLValue(kind: .string(try string()), line: start.line, column: start.column)
        case "t", "f":
            var word = ""
            while let c = peek, Self.isBare(c) { word.unicodeScalars.append(c); advance() }
            guard word == "true" || word == "false" else {
                rewind(to: start)
                throw error("无法识别的值“\(word)”（字符串须加引号）", "unrecognised value '\(word)' (strings need quotes)")
            }
            return TOMLValue(kind: .boolean(word == "true"), line: start.line, column: start.column)
        case "[":
            let (items, places) = try array()
            return TOMLValue(kind: .stringArray(items), line: start.line, column: start.column, items: places)
        case "+", "-", "0"..."9":
            return TOMLValue(kind: try numberOrDate(), line: start.line, column: start.column)
        default:
            throw error("无法识别的值（字符串须加引号）", "unrecognised value (strings need quotes)")
        }
    }

    /// An array of strings; between its items, line ends and comments are allowed.
    mutating func array() throws(ImportError) -> ([String], [TOMLPlace]) {
        let open = place
        advance() // [
        var items: [String] = []
        var places: [TOMLPlace] = []
        while true {
            try skipBlanks(inArrayFrom: open)
            if peek == "]" { advance(); return (items, places) }
            guard peek == "\"" || peek == "'" else { throw error("数组只能包含字符串", "arrays may hold strings only") }
            places.append(place)
            items.append(try string())
            try skipBlanks(inArrayFrom: open)
            if peek == "," { advance(); continue }
            guard peek == "]" else { throw error("数组元素之间应为“,”", "expected ',' between array items") }
        }
    }

    /// Skips spaces, comments and line ends inside the array opened at `open`.
    mutating func skipBlanks(inArrayFrom open: TOMLPlace) throws(ImportError) {
        while true {
            skipSpaces()
            if peek == "#" { skipComment() }
            guard atLineEnd else { return }
            guard nextLine() else {
                throw ImportError(file: file, line: open.line, column: open.column,
                                  "数组缺少“]”：从此处开始的数组直到文件末尾都没有闭合",
                                  "array is missing ']': the array that starts here is never closed")
            }
        }
    }

    mutating func numberOrDate() throws(ImportError) -> TOMLValue.Kind {
        let start = place
        var word = ""
        while let c = peek, Self.isBare(c) || c == "+" || c == ":" || c == "." { word.unicodeScalars.append(c); advance() }
        let digits = Array(word.utf8)
        if digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
           digits.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }) {
            return .date(word)
        }
        var body = Substring(word)
        var negative = false
        if body.first == "+" || body.first == "-" { negative = body.first == "-"; body = body.dropFirst() }
        let clean = String(body.filter { $0 != "_" })
        guard !clean.isEmpty, clean.allSatisfy({ ("0"..."9").contains($0) }), !(clean.count > 1 && clean.first == "0"),
              !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__"),
              let magnitude = Int(clean) else {
            rewind(to: start)
            throw error("无法识别的数值“\(word)”（只支持十进制整数与 YYYY-MM-DD 日期）",
                        "unrecognised number '\(word)' (only decimal integers and YYYY-MM-DD dates are supported)")
        }
        return .integer(negative ? -magnitude : magnitude)
    }

    /// A basic (`"…"`, with escapes) or literal (`'…'`) string on one line.
    mutating func string() throws(ImportError) -> String {
        let quote = peek!
        let start = place
        advance()
        if peek == quote, index + 1 < chars.count, chars[index + 1] == quote {
            rewind(to: start)
            throw error("不支持多行字符串", "multi-line strings are not supported")
        }
        var out = ""
        while let c = peek {
            advance()
            if c == quote { return out }
            if quote == "'" || c != "\\" { out.unicodeScalars.append(c); continue }
            let escape = TOMLPlace(line: line, column: column - 1)
            guard let e = peek else { break }
            advance()
            switch e {
            case "\"": out += "\""
            case "\\": out += "\\"
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "b": out += "\u{08}"
            case "f": out += "\u{0C}"
            case "u", "U":
                let count = e == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<count { if let h = peek { hex.unicodeScalars.append(h); advance() } }
                guard hex.unicodeScalars.count == count, hex.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit),
                      let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
                    rewind(to: escape)
                    throw error("无效的 Unicode 转义 \\\(e)\(hex)", "invalid unicode escape \\\(e)\(hex)")
                }
                out.unicodeScalars.append(s)
            default:
                rewind(to: escape)
                throw error("无效的转义字符 \\\(e)", "invalid escape \\\(e)")
            }
        }
        rewind(to: start)
        throw error("字符串缺少右引号", "string is missing its closing quote")
    }
}
