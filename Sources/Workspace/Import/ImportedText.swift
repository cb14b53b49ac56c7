import TextFormats

/// What may not be in a field of an imported file, and what is only worth a word.
///
/// Refused, with file:line:column: the control characters U+0000–U+001F (tab and line breaks
/// included: a name is one line) and U+007F–U+009F (DEL and the C1 controls, among them the
/// one-byte CSI), and the bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069.
/// Imported names are echoed to the chair's terminal, printed in the minutes and tables, and
/// shown on members' devices: an `ESC [2J` in a name would clear a screen, an override would
/// show a name reversed.
///
/// Noticed (the import goes on): a name or unit beginning with `=`, `+`, `-` or `@`, which a
/// spreadsheet would run as a formula — the CSV tables neutralise it (`CSVWriter`), and the
/// notice tells the secretary to look at the roster.
enum ImportedText {
    /// Whether `scalar` is refused in an imported field.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `U+001B`, for messages.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Refuses `value` if it holds a refused character; `line` and `column` say where it is.
    static func check(_ value: String, file: String, line: Int?, column: Int?, what: String = "") throws(ImportError) {
        guard let bad = value.unicodeScalars.first(where: isRefused) else { return }
        throw ImportError(file: file, line: line, column: column,
                          "\(what)含有控制字符 \(name(bad))：导入的文件中不能有控制字符（含制表符、换行、ESC 与双向文字控制符）",
                          "\(what.isEmpty ? "" : what + " ")holds the control character \(name(bad)): imported files may hold no control characters (tab, line breaks, ESC and bidirectional controls included)")
    }

    /// Refuses any record of a CSV file with a refused character in any field (column = field number).
    static func check(_ records: [CSVRecord], file: String) throws(ImportError) {
        for record in records {
            for (i, field) in record.fields.enumerated() {
                try check(field, file: file, line: record.line, column: i + 1)
            }
        }
    }

    /// Refuses a JSON line (a registry record) whose strings hold a refused character, written
    /// raw or as an escape (`\u001b`, `\t`, …); `column` counts characters of the line.
    static func check(jsonLine line: ArraySlice<UInt8>, file: String, line number: Int) throws(ImportError) {
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        var i = 0, inString = false
        while i < scalars.count {
            let c = scalars[i]
            if c == "\"" { inString.toggle() }
            if inString && c == "\\" && i + 1 < scalars.count {
                let e = scalars[i + 1]
                var decoded: Unicode.Scalar?
                switch e {
                case "b": decoded = "\u{08}"
                case "t": decoded = "\t"
                case "n": decoded = "\n"
                case "f": decoded = "\u{0C}"
                case "r": decoded = "\r"
                case "u" where i + 5 < scalars.count:
                    decoded = UInt32(String(String.UnicodeScalarView(scalars[i + 2...i + 5])), radix: 16).flatMap(Unicode.Scalar.init)
                default: break
                }
                if let decoded, isRefused(decoded) {
                    try check(String(decoded), file: file, line: number, column: i + 1)
                }
                i += 2
                continue
            }
            if isRefused(c) { try check(String(c), file: file, line: number, column: i + 1) }
            i += 1
        }
    }

    /// Whether a spreadsheet would take a value beginning like `value` for a formula.
    static func looksLikeFormula(_ value: String) -> Bool {
        CSVWriter.isFormula(value)
    }

    /// A notice for each value of `columns` in `table` that a spreadsheet would take for a formula.
    static func formulaNotices(_ table: CSVRows, columns: [String]) -> [Notice] {
        var out: [Notice] = []
        for row in table.rows {
            for column in columns {
                let value = table.value(row, column)
                guard looksLikeFormula(value), let first = value.first else { continue }
                out.append("提示：\(table.file) 第 \(row.line) 行“\(column)”为“\(value)”，以“\(first)”开头，电子表格会当作公式；"
                    + "导出的 CSV 表格会在前面加单引号 ' 当作文字，请核对名单。"
                    + "(notice: \(table.file):\(row.line): '\(column)' begins with '\(first)', which a spreadsheet runs as a formula; "
                    + "the CSV tables write it with a leading ' as text — check the roster)")
            }
        }
        return out
    }
}
