/// Tables as CSV that Excel opens correctly: a UTF-8 byte order mark, CRLF line ends, and
/// RFC 4180 quoting (a field holding a comma, quote, CR or LF is quoted, quotes doubled).
enum CSVTable {
    static func text(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        out.reserveCapacity(64 * (rows.count + 1))
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    static func append(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out += "\""
                out += field.replacingOccurrences(of: "\"", with: "\"\"")
                out += "\""
            } else {
                out += field
            }
        }
        out += "\r\n"
    }
}
