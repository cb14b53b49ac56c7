/// Reads the TOML that pingshen's settings and calendars need: `key = value` lines, at the top
/// and under `[table]` headers, with strings (basic and literal), integers, booleans, local
/// dates and arrays of strings (which may span lines), and `#` comments.
///
/// Arrays of tables, dotted keys, inline tables, floats, times and multi-line strings are
/// refused with the line and column where they start, rather than half-understood; so are a
/// key or a table given twice.
public enum TOMLReader {
    /// The document in `bytes` (UTF-8, with or without a byte-order mark), read as the file
    /// `file` (the name errors give).
    public static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> TOMLDocument {
        let text = try decodeUTF8(bytes, file: file)
        var cursor = TOMLCursor(Array(text.unicodeScalars), file: file)
        var document = TOMLDocument()
        var tableLines: [String: Int] = [:]
        var keyLines: [String: Int] = [:]
        while true {
            cursor.skipSpaces()
            if cursor.peek == "#" { cursor.skipComment() }
            if cursor.atLineEnd {
                guard cursor.nextLine() else { return document }
                continue
            }
            if cursor.peek == "[" {
                let table = try cursor.tableHeader()
                if let first = tableLines[table.name] {
                    throw ImportError(file: file, line: table.place.line, column: table.place.column,
                                      "表 [\(table.name)] 重复（第一次出现在第 \(first) 行）",
                                      "table [\(table.name)] is defined twice (first on line \(first))")
                }
                tableLines[table.name] = table.place.line
                keyLines = [:]
                document.tables.append(table)
                try cursor.expectLineEnd("表头后面有多余内容（注释须以 # 开头）",
                                         "unexpected text after the table header (comments start with #)")
                continue
            }
            let place = cursor.place
            let key = try cursor.key()
            cursor.skipSpaces()
            guard cursor.peek == "=" else {
                throw cursor.error("键“\(key)”后应为“=”", "expected '=' after key '\(key)'")
            }
            cursor.advance()
            cursor.skipSpaces()
            let value = try cursor.value()
            try cursor.expectLineEnd("值后面有多余内容（注释须以 # 开头）", "unexpected text after the value (comments start with #)")
            if let first = keyLines[key] {
                throw ImportError(file: file, line: place.line, column: place.column,
                                  "键“\(key)”重复（第一次出现在第 \(first) 行）",
                                  "key '\(key)' is defined twice (first on line \(first))")
            }
            keyLines[key] = place.line
            let entry = TOMLEntry(key: key, place: place, value: value)
            if document.tables.isEmpty {
                document.topLevel.append(entry)
            } else {
                document.tables[document.tables.count - 1].entries.append(entry)
            }
        }
    }
}
