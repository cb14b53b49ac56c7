/// Something wrong in a file the user supplied, with the place it was found.
///
/// `line` and `column` are 1-based; `column` counts characters (not bytes) for text files and
/// fields for CSV files, as a spreadsheet user would count them — except where the text itself
/// is broken (not UTF-8, a misplaced or unclosed quote), where it counts characters on the line
/// as a text editor shows them.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// What is wrong, in Chinese.
    public var chinese: String
    /// What is wrong, in English.
    public var english: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ chinese: String, _ english: String) {
        self.file = file
        self.line = line
        self.column = column
        self.chinese = chinese
        self.english = english
    }

    /// `members.csv:7:3`, or as much of it as is known.
    public var place: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }

    public var description: String {
        let whereZh = [line.map { "第 \($0) 行" }, column.map { "第 \($0) 列" }].compactMap { $0 }.joined()
        let whereEn = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "\(place): 错误：\(file)\(whereZh.isEmpty ? "" : " \(whereZh)")：\(chinese)\n"
            + "\(place): error: \(file)\(whereEn.isEmpty ? "" : " \(whereEn)"): \(english)"
    }
}

/// The first invalid UTF-8 position in `bytes` as (line, column), or nil if the text is valid UTF-8.
func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int)? {
    var line = 1, column = 1, i = 0
    while i < bytes.count {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (line, column)
        }
        guard i + length <= bytes.count else { return (line, column) }
        if length > 1 {
            // Decoding the sequence alone rejects overlongs and surrogates exactly as String does.
            let scalarText = String(validating: bytes[i..<i + length], as: UTF8.self)
            if scalarText == nil { return (line, column) }
        }
        if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        i += length
    }
    return nil
}

/// `bytes` as text, without a leading UTF-8 byte-order mark, or an error naming the first bad byte.
func decodeUTF8(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if let (line, column) = firstInvalidUTF8(in: body) {
        throw ImportError(
            file: file, line: line, column: column,
            "不是 UTF-8 编码（可能是 GBK/ANSI）；请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”",
            "not UTF-8 (perhaps GBK/ANSI); in Excel use Save As → CSV UTF-8 (comma delimited)")
    }
    return String(decoding: body, as: UTF8.self)
}
