/// Writes tables as CSV that Excel opens correctly: a UTF-8 byte order mark, CRLF line ends,
/// and RFC 4180 quoting (a field holding a comma, quote, CR or LF is quoted, quotes doubled).
public enum CSVWriter {
    /// The whole file: the byte order mark, the header line, then one line per row.
    public static func text(header: [String], rows: some Sequence<[String]>) -> String {
        text(header: header, bodies: [lines(rows)])
    }

    /// The whole file from the lines of its rows written in consecutive runs by `lines(_:)`
    /// (on several threads, say), joined in order after the byte order mark and the header.
    public static func text(header: [String], bodies: [String]) -> String {
        var out = "\u{FEFF}"
        append(header, to: &out)
        out.reserveCapacity(out.utf8.count + bodies.reduce(0) { $0 + $1.utf8.count })
        for body in bodies { out += body }
        return out
    }

    /// The lines of `rows`, each ended by CRLF.
    public static func lines(_ rows: some Sequence<[String]>) -> String {
        var text = ""
        text.reserveCapacity(rows.underestimatedCount * 160)
        for row in rows { append(row, to: &text) }
        return text
    }

    /// Appends one line: `fields` separated by commas, quoted where needed, and CRLF.
    public static func append(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out += "\""
                for c in field.unicodeScalars {
                    if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
                }
                out += "\""
            } else {
                out += field
            }
        }
        out += "\r\n"
    }
}
