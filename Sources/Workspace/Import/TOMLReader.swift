/// A value of the TOML subset `session.toml` uses, with where it was written.
struct TOMLValue: Equatable {
    enum Kind: Equatable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        /// A TOML local date (`2026-11-26`, unquoted), kept as written.
        case date(String)
        case stringArray([String])
    }

    var kind: Kind
    var line: Int
    var column: Int

    var typeName: String {
        switch kind {
        case .string: "字符串 string"
        case .integer: "整数 integer"
        case .boolean: "布尔值 boolean"
        case .date: "日期 date"
        case .stringArray: "字符串数组 array of strings"
        }
    }
}

/// Reads the flat TOML that committee settings need: `key = value` lines with strings
/// (basic and literal), integers, booleans, local dates and one-line arrays of strings, and `#`
/// comments. Tables, dotted keys, floats, times and multi-line strings are refused with the
/// line and column where they start, rather than half-understood.
enum TOMLReader {
    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> [(key: String, value: TOMLValue)] {
        let text = try decodeUTF8(bytes, file: file)
        var out: [(key: String, value: TOMLValue)] = []
        var seen: [String: Int] = [:]
        // Split on scalars: as Characters, "\r\n" is one grapheme that never equals "\n".
        for (index, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var cursor = Cursor(Array(rawLine), line: index + 1, file: file)
            if cursor.chars.last == "\r" { cursor.chars.removeLast() }
            cursor.skipSpaces()
            if cursor.atEnd || cursor.peek == "#" { continue }
            if cursor.peek == "[" {
                throw cursor.error("不支持 TOML 表（[...]）；session.toml 只使用顶层的“键 = 值”",
                                   "TOML tables ([...]) are not supported; session.toml uses top-level key = value lines only")
            }
            let keyColumn = cursor.column
            let key = try cursor.key()
            cursor.skipSpaces()
            guard cursor.peek == "=" else {
                throw cursor.error("键“\(key)”后应为“=”", "expected '=' after key '\(key)'")
            }
            cursor.advance()
            cursor.skipSpaces()
            let value = try cursor.value()
            cursor.skipSpaces()
            if !cursor.atEnd && cursor.peek != "#" {
                throw cursor.error("值后面有多余内容（注释须以 # 开头）", "unexpected text after the value (comments start with #)")
            }
            if let first = seen[key] {
                throw ImportError(file: file, line: index + 1, column: keyColumn,
                                  "键“\(key)”重复（第一次出现在第 \(first) 行）",
                                  "key '\(key)' is defined twice (first on line \(first))")
            }
            seen[key] = index + 1
            out.append((key, value))
        }
        return out
    }
}

/// A position within one line of TOML.
private struct Cursor {
    var chars: [Unicode.Scalar]
    var index = 0
    let line: Int
    let file: String

    init(_ chars: [Unicode.Scalar], line: Int, file: String) {
        self.chars = chars
        self.line = line
        self.file = file
    }

    var atEnd: Bool { index >= chars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : chars[index] }
    var column: Int { index + 1 }
    mutating func advance() { index += 1 }
    mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { advance() } }

    func error(_ zh: String, _ en: String) -> ImportError {
        ImportError(file: file, line: line, column: column, zh, en)
    }

    static func isBare(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    mutating func key() throws(ImportError) -> String {
        if peek == "\"" || peek == "'" { return try string() }
        let start = index
        var key = ""
        while let c = peek, Self.isBare(c) { key.unicodeScalars.append(c); advance() }
        if key.isEmpty { throw error("此处应为键名", "expected a key name here") }
        if peek == "." {
            index = start
            throw error("不支持带点的键（dotted keys）", "dotted keys are not supported")
        }
        return key
    }

    mutating func value() throws(ImportError) -> TOMLValue {
        let column = self.column
        guard let c = peek else { throw error("“=”后缺少值", "missing value after '='") }
        let kind: TOMLValue.Kind
        switch c {
        case "\"", "'":
            kind = .string(try string())
        case "t", "f":
            var word = ""
            while let c = peek, Self.isBare(c) { word.unicodeScalars.append(c); advance() }
            guard word == "true" || word == "false" else {
                index = column - 1
                throw error("无法识别的值“\(word)”（字符串须加引号）", "unrecognised value '\(word)' (strings need quotes)")
            }
            kind = .boolean(word == "true")
        case "[":
            kind = .stringArray(try array())
        case "+", "-", "0"..."9":
            kind = try numberOrDate()
        default:
            throw error("无法识别的值（字符串须加引号）", "unrecognised value (strings need quotes)")
        }
        return TOMLValue(kind: kind, line: line, column: column)
    }

    mutating func array() throws(ImportError) -> [String] {
        advance() // [
        var items: [String] = []
        while true {
            skipSpaces()
            if peek == "]" { advance(); return items }
            guard peek == "\"" || peek == "'" else {
                throw error(atEnd ? "数组缺少“]”（数组须写在一行内）" : "数组只能包含字符串",
                            atEnd ? "array is missing ']' (arrays must fit on one line)" : "arrays may hold strings only")
            }
            items.append(try string())
            skipSpaces()
            if peek == "," { advance(); continue }
            guard peek == "]" else { throw error("数组元素之间应为“,”", "expected ',' between array items") }
        }
    }

    mutating func numberOrDate() throws(ImportError) -> TOMLValue.Kind {
        let start = index
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
        let clean = body.replacingOccurrences(of: "_", with: "")
        guard !clean.isEmpty, clean.allSatisfy(\.isASCIIDigit), !(clean.count > 1 && clean.first == "0"),
              !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__"),
              let magnitude = Int(clean) else {
            index = start
            throw error("无法识别的数值“\(word)”（只支持十进制整数与 YYYY-MM-DD 日期）",
                        "unrecognised number '\(word)' (only decimal integers and YYYY-MM-DD dates are supported)")
        }
        return .integer(negative ? -magnitude : magnitude)
    }

    mutating func string() throws(ImportError) -> String {
        let quote = peek!
        let start = column
        advance()
        if peek == quote, index + 1 < chars.count, chars[index + 1] == quote {
            index = start - 1
            throw error("不支持多行字符串", "multi-line strings are not supported")
        }
        var out = ""
        while let c = peek {
            advance()
            if c == quote { return out }
            if quote == "'" || c != "\\" { out.unicodeScalars.append(c); continue }
            let escapeIndex = index - 1
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
                guard hex.count == count, hex.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit),
                      let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
                    index = escapeIndex
                    throw error("无效的 Unicode 转义 \\\(e)\(hex)", "invalid unicode escape \\\(e)\(hex)")
                }
                out.unicodeScalars.append(s)
            default:
                index = escapeIndex
                throw error("无效的转义字符 \\\(e)", "invalid escape \\\(e)")
            }
        }
        index = start - 1
        throw error("字符串缺少右引号", "string is missing its closing quote")
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

private extension Substring {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
