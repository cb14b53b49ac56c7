/// Writes tables as CSV that Excel opens correctly and safely: a UTF-8 byte order mark, CRLF
/// line ends, RFC 4180 quoting (a field holding a comma, quote, CR or LF is quoted, quotes
/// doubled), and no cell a spreadsheet would run as a formula.
///
/// Formula injection (OWASP "CSV Injection"): a cell beginning with `=`, `+`, `-`, `@`, tab,
/// CR or LF is a formula to Excel and LibreOffice (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3+cmd|…`).
/// Such a cell is written with a single quote `'` in front, which the spreadsheet shows as
/// text — except a plain number (`-3`, `+2`, `-0.5`, `-12%`: an optional sign, digits, at most
/// one decimal point with digits after it, an optional `%`), which stays a number: the
/// tables' numeric columns must still add up, and no plain number runs anything.
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

    /// Appends one line: `fields` separated by commas, neutralised and quoted where needed, and CRLF.
    public static func append(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            let neutral = isFormula(field)
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out += neutral ? "\"'" : "\""
                for c in field.unicodeScalars {
                    if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
                }
                out += "\""
            } else {
                if neutral { out += "'" }
                out += field
            }
        }
        out += "\r\n"
    }

    /// Whether a spreadsheet would take `field` for a formula: it begins with `=`, `+`, `-`,
    /// `@`, tab, CR or LF, and it is not a plain number.
    public static func isFormula(_ field: String) -> Bool {
        guard let first = field.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D, 0x0A: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(field.utf8.dropFirst())
        default: return false
        }
    }

    /// Digits, at most one `.` with digits on both sides, and an optional final `%`.
    static func isPlainNumber(_ s: Substring.UTF8View) -> Bool {
        var digits = s[...]
        if digits.last == UInt8(ascii: "%") { digits = digits.dropLast() }
        let parts = digits.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }
}
