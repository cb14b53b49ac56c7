/// One record of a CSV file with the line it started on.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A strict RFC 4180 reader: comma separated, `"`-quoted fields with `""` for a quote inside,
/// CRLF or LF line ends, an optional UTF-8 byte-order mark (as Excel writes "CSV UTF-8").
///
/// A quote inside an unquoted field, text after a closing quote, or a quote left open at the
/// end of the file is an error naming line and column. Empty lines, and rows whose every field
/// is empty (`,,,`, as Excel saves an emptied row), are skipped; their lines still count.
public enum CSVReader {
    /// The records of `bytes`, read as the file `file` (the name errors give).
    public static func records(_ bytes: [UInt8], file: String) throws(ImportError) -> [CSVRecord] {
        let text = try decodeUTF8(bytes, file: file)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var quoted = false       // inside a quoted field
        var wasQuoted = false    // the current field was quoted (and closed)
        var line = 1, column = 1
        var recordLine = 1
        var fieldStartLine = 1, fieldStartColumn = 1
        var chars = Array(text.unicodeScalars)
        chars.append("\n") // a final line end simplifies the loop
        var i = 0

        func endField() {
            fields.append(field)
            field = ""
            wasQuoted = false
        }
        func endRecord() {
            endField()
            // Excel writes an emptied row as a run of commas: such a row, like an empty line, is skipped.
            if !fields.allSatisfy(\.isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }

        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 2; column += 2
                        continue
                    }
                    quoted = false
                    wasQuoted = true
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" { line += 1; column = 0 }
                }
                i += 1; column += 1
                continue
            }
            switch c {
            case ",":
                endField()
                fieldStartLine = line
                fieldStartColumn = column + 1
            case "\r" where i + 1 < chars.count && chars[i + 1] == "\n":
                break
            case "\n":
                endRecord()
                line += 1; column = 0
                recordLine = line
                fieldStartLine = line
                fieldStartColumn = 1
            case "\"":
                guard field.isEmpty && !wasQuoted else {
                    throw ImportError(file: file, line: line, column: column,
                                      "引号只能出现在字段开头（字段内的引号须写成两个 \"\"）",
                                      "a quote may only open a field (write a quote inside a field as \"\")")
                }
                quoted = true
            default:
                if wasQuoted {
                    throw ImportError(file: file, line: line, column: column,
                                      "右引号后出现多余字符“\(Character(c))”",
                                      "unexpected character '\(Character(c))' after a closing quote")
                }
                field.unicodeScalars.append(c)
            }
            i += 1; column += 1
        }
        if quoted {
            throw ImportError(file: file, line: fieldStartLine, column: fieldStartColumn,
                              "引号未闭合：从此处开始的字段直到文件末尾都没有右引号（文件可能被截断）",
                              "unterminated quote: the field starting here has no closing quote before the end of the file (truncated?)")
        }
        return records
    }
}
