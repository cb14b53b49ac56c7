import Testing
import TextFormats

/// `TOMLReader` on what the calendar needs beyond `session.toml`: `[table]` headers, arrays
/// over several lines with comments, and where every table, key, value and item starts.
@Suite("TOML tables and arrays")
struct TOMLTableTests {
    func read(_ text: String) throws(ImportError) -> TOMLDocument {
        try TOMLReader.read(Array(text.utf8), file: "t.toml")
    }

    func failure(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try read(text) }
    }

    @Test("keys before any header are top-level; each header starts a table that holds the keys after it")
    func tables() throws {
        let d = try read("""
            a = 1
            # 注释
            [2026]
            source = "x"   # 注释
            [ 'two words' ]\t# 带引号的表名
            source = 'y'
            [2025]
            """)
        #expect(d.topLevel.map(\.key) == ["a"])
        #expect(d.tables.map(\.name) == ["2026", "two words", "2025"])
        #expect(d.tables.map(\.place) == [TOMLPlace(line: 3, column: 1), TOMLPlace(line: 5, column: 1), TOMLPlace(line: 7, column: 1)])
        #expect(d.tables[0].entries == [TOMLEntry(key: "source", place: TOMLPlace(line: 4, column: 1),
                                                  value: TOMLValue(kind: .string("x"), line: 4, column: 10))])
        #expect(d.tables[1].entries.map(\.value.kind) == [.string("y")])
        #expect(d.tables[2].entries.isEmpty)
    }

    @Test("an array may span lines, with comments and a trailing comma; each item keeps its place")
    func multiLineArrays() throws {
        let d = try read("[2025]\r\nrest = [\r\n  \"01-01\",          # 元旦\r\n  # 整行注释\r\n\r\n  '01-28..02-04', \"05-01\"\r\n]\r\nwork = [ # x\n\"01-26\" # 无逗号\n]\n")
        let rest = d.tables[0].entries[0].value
        #expect(rest.kind == .stringArray(["01-01", "01-28..02-04", "05-01"]))
        #expect((rest.line, rest.column) == (2, 8))
        #expect(rest.items == [TOMLPlace(line: 3, column: 3), TOMLPlace(line: 6, column: 3), TOMLPlace(line: 6, column: 19)])
        #expect(d.tables[0].entries[1].value.kind == .stringArray(["01-26"]))
        #expect(d.tables[0].entries[1].value.items == [TOMLPlace(line: 9, column: 1)])
    }

    @Test("the same key in two tables is two keys; twice in one table it is refused")
    func keysPerTable() throws {
        let d = try read("[a]\nk = 1\n[b]\nk = 2\n")
        #expect(d.tables.map { $0.entries.map(\.value.kind) } == [[.integer(1)], [.integer(2)]])
        let e = try failure("[a]\nk = 1\n[b]\nk = 2\n  k = 3\n")
        #expect((e.line, e.column) == (5, 3) && e.english.contains("key 'k' is defined twice (first on line 4)"))
    }

    @Test("malformed headers and arrays are refused where they start", arguments: [
        ("[a]\nx = 1\n[a]\n", 3, 1, "table [a] is defined twice (first on line 1)"),
        ("[\"a\"]\n['a']\n", 2, 1, "table [a] is defined twice"),
        ("  [[rounds]]\n", 1, 3, "arrays of tables"),
        ("[a.b]\n", 1, 2, "dotted keys"),
        ("[]\n", 1, 2, "expected a key name"),
        ("[a\n", 1, 3, "missing ']'"),
        ("[a b]\n", 1, 4, "missing ']'"),
        ("[a] x\n", 1, 5, "unexpected text after the table header"),
        ("[a]\nrest = [\n\"01-01\",\n", 2, 8, "array is missing ']'"),
        ("rest = [ # 注释\n", 1, 8, "array is missing ']'"),
        ("rest = [\n\"a\"\n\"b\"]\n", 3, 1, "expected ','"),
        ("rest = [\n\"a\",\n1]\n", 3, 1, "arrays may hold strings only"),
        ("rest = [\n\"a\",\n\"b\n]\n", 3, 1, "missing its closing quote"),
    ])
    func refused(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let e = try failure(text)
        #expect((e.line, e.column) == (line, column), "\(text.debugDescription): \(e.english)")
        #expect(e.english.contains(message), "\(text.debugDescription): \(e.english)")
        #expect(e.place == "t.toml:\(line):\(column)")
    }
}
