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
        #expect(records.map(\.fields) == [header] + Self.awkward)
    }

    @Test("rows written in runs and joined give the same text as rows written at once")
    func runs() {
        let rows = (0..<50).map { i in Self.awkward[i % Self.awkward.count] + [String(i)] }
        let header = ["a", "b", "c", "d", "e", "f", "n"]
        let runs = stride(from: 0, to: rows.count, by: 7).map { CSVWriter.lines(rows[$0..<min(rows.count, $0 + 7)]) }
        #expect(CSVWriter.text(header: header, bodies: runs) == CSVWriter.text(header: header, rows: rows))
    }
}
