/// Tables as CSV that Excel opens correctly: a UTF-8 byte order mark, CRLF line ends, and
/// RFC 4180 quoting (a field holding a comma, quote, CR or LF is quoted, quotes doubled).
enum CSVTable {
    static func text(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        append(header, to: &out)
        // Long tables are written in blocks of rows on every core, then joined in order.
        let blocks = stride(from: 0, to: rows.count, by: 1_024).map { $0..<min(rows.count, $0 + 1_024) }
        let texts = Parallel.map(blocks, minimum: 8) { _, block in
            var text = ""
            text.reserveCapacity(block.count * 160)
            for row in rows[block] { append(row, to: &text) }
            return text
        }
        out.reserveCapacity(out.utf8.count + texts.reduce(0) { $0 + $1.utf8.count })
        for t in texts { out += t }
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
