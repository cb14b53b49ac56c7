import Testing
import TextFormats

/// `CSVWriter`: what Excel needs (a byte order mark, CRLF, RFC 4180 quoting), checked by hand
/// and by reading the text back with `CSVReader`.
@Suite("CSV writer")
struct CSVWriterTests {
    @Test("a byte order mark, CRLF after every line, and quotes only where RFC 4180 needs them")
    func byHand() {
        let text = CSVWriter.text(header: ["序号", "姓名", "备注"], rows: [
            ["1", "张三", ""],
            ["2", "李,四", "他说\"好\""],
            ["3", "王\n五", "a\rb"],
        ])
        #expect(text == "\u{FEFF}序号,姓名,备注\r\n1,张三,\r\n2,\"李,四\",\"他说\"\"好\"\"\"\r\n3,\"王\n五\",\"a\rb\"\r\n")
        #expect(CSVWriter.text(header: ["a"], rows: []) == "\u{FEFF}a\r\n")
    }

    /// Fields a roster or a name may hold: separators, quotes, line ends, markup, long text.
    static let awkward: [[String]] = [
        ["a|b", "<b>&amp;</b>", "\"", "\"\"", ",", ""],
        ["\r\n", "line\nbreak", "  spaced  ", "’单引号‘", String(repeating: "长文本，", count: 200), "e\u{301}"],
        ["", "", "", "", "", "x"],
    ]

    @Test("what it writes reads back as the same header and rows")
    func roundTrip() throws {
        let header = ["h1", "h,2", "h\"3", "h4", "h5", "h6"]
        let text = CSVWriter.text(header: header, rows: Self.awkward)
        let records = try CSVReader.records(Array(text.utf8), file: "t.csv")
        #expect(records.map(\.fields) == [header] + Self.awkward.map { $0.map(Self.neutral) })
    }

    /// OWASP's rule by hand: a cell beginning with = + - @ tab CR LF gets a leading ', unless it
    /// is a plain number (sign, digits, one decimal point between digits, an optional %).
    static func neutral(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return cell }
        if "+-".unicodeScalars.contains(first), cell.dropFirst().wholeMatch(of: /[0-9]+(\.[0-9]+)?%?/) != nil { return cell }
        return "'" + cell
    }

    @Test("formula injection: cells a spreadsheet would run get a leading ', plain numbers stay numbers", arguments: [
        ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3+cmd|x", "'-2+3+cmd|x"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("\nx", "\"'\nx\""), ("-", "'-"), ("+", "'+"), ("-.5", "'-.5"), ("-1.", "'-1."),
        ("=HYPERLINK(\"http://x\",\"点我\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""),
        ("-3", "-3"), ("+2", "+2"), ("-0.5", "-0.5"), ("-12%", "-12%"), ("66.7%", "66.7%"), ("3-1", "3-1"), (" =1", " =1"),
        ("张三", "张三"), ("", ""), ("１＝１", "１＝１"),
    ] as [(String, String)])
    func formulas(_ cell: String, _ written: String) throws {
        let line = CSVWriter.lines([[cell, "x"]])
        #expect(line == written + ",x\r\n")
        #expect(Self.neutral(cell) == (written.hasPrefix("\"") ? String(written.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : written))
        let back = try CSVReader.records(Array(CSVWriter.text(header: [cell, "h"], rows: [[cell, "v"]]).utf8), file: "t.csv")
        #expect(back.map(\.fields) == [[Self.neutral(cell), "h"], [Self.neutral(cell), "v"]])
    }

    @Test("rows written in runs and joined give the same text as rows written at once")
    func runs() {
        let rows = (0..<50).map { i in Self.awkward[i % Self.awkward.count] + [String(i)] }
        let header = ["a", "b", "c", "d", "e", "f", "n"]
        let runs = stride(from: 0, to: rows.count, by: 7).map { CSVWriter.lines(rows[$0..<min(rows.count, $0 + 7)]) }
        #expect(CSVWriter.text(header: header, bodies: runs) == CSVWriter.text(header: header, rows: rows))
    }
}
