import Testing
import TextFormats
@testable import Workspace
import TestSupport

/// `TOMLReader`: the top-level `key = value` lines of `session.toml`, the `[table]`s and arrays
/// over several lines of the working-day calendar; anything beyond the subset refused where it starts.
@Suite struct TOMLReaderTests {
    func read(_ text: String) throws(ImportError) -> [TOMLEntry] {
        try document(text).topLevel
    }

    func document(_ text: String) throws(ImportError) -> TOMLDocument {
        try TOMLReader.read(utf8(text), file: "s.toml")
    }

    func kinds(_ text: String) throws -> [String: TOMLValue.Kind] {
        Dictionary(uniqueKeysWithValues: try read(text).map { ($0.key, $0.value.kind) })
    }

    func failure(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try read(text) }
    }

    // MARK: Valid

    @Test func theSampleReadsKeyByKeyWithPlaces() throws {
        let entries = try TOMLReader.read(Sample.settings, file: "session.toml").topLevel
        #expect(entries.map(\.key) == ["name", "series", "specialty", "level", "organizer", "date", "venue", "size",
                                      "quorum", "denominator", "recused_leave_denominator", "yes_cap", "same_employer_recusal",
                                      "year", "observer_units"])
        #expect(entries.map(\.value.line) == Array(2...16))
        #expect(entries[0].value == TOMLValue(kind: .string("安徽省工程系列电子信息专业高级职称评审委员会"), line: 2, column: 8))
        #expect(entries[7].value == TOMLValue(kind: .integer(25), line: 9, column: 8))
        #expect(entries[10].value == TOMLValue(kind: .boolean(true), line: 12, column: 29))
        #expect(entries[14].value.kind == .stringArray(["合肥市人力资源和社会保障局"]) && entries[14].value.line == 16)
    }

    @Test func crlfLineEndsAndAByteOrderMarkReadTheSame() throws {
        let lf = try TOMLReader.read(Sample.settings, file: "session.toml").topLevel
        let crlf = [0xEF, 0xBB, 0xBF] + utf8(Sample.text("session.toml").replacingCRLF())
        let read = try TOMLReader.read(crlf, file: "session.toml").topLevel
        #expect(read.map(\.key) == lf.map(\.key))
        #expect(read.map(\.value) == lf.map(\.value))
    }

    @Test func commentsBlankLinesAndBothStringKinds() throws {
        let text = """
            # 注释
            \t
              a = "基本 # 不是注释" # 注释
            b = 'C:\\路径\\无转义'
            "c" = "x"
            'd-1' = ''
            e = ""#紧贴的注释
            """
        #expect(try kinds(text) == [
            "a": .string("基本 # 不是注释"), "b": .string("C:\\路径\\无转义"), "c": .string("x"),
            "d-1": .string(""), "e": .string(""),
        ])
    }

    @Test func escapesInBasicStrings() throws {
        let text = #"s = "q\" b\\ n\n t\t r\r b\b f\f u\u4E2D U\U0001F600""#
        #expect(try kinds(text)["s"] == .string("q\" b\\ n\n t\t r\r b\u{08} f\u{0C} u中 U😀"))
    }

    @Test func integersBooleansDatesAndArrays() throws {
        let text = """
            a = 0
            b = -17
            c = +3
            d = 1_000
            e = true
            f = false
            g = 2026-11-26
            h = ["x", 'y' , "中",]
            i = []
            """
        #expect(try kinds(text) == [
            "a": .integer(0), "b": .integer(-17), "c": .integer(3), "d": .integer(1000), "e": .boolean(true),
            "f": .boolean(false), "g": .date("2026-11-26"), "h": .stringArray(["x", "y", "中"]), "i": .stringArray([]),
        ])
    }

    @Test func valuesRememberWhereTheyStart() throws {
        let entries = try read("\n\t x =   42\ny='a'")
        #expect(entries.map(\.value.line) == [2, 3])
        #expect(entries.map(\.value.column) == [9, 3])
    }

    @Test("keys before any header are top-level; each header starts a table that holds the keys after it")
    func tables() throws {
        let d = try document("""
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
        let d = try document("[2025]\r\nrest = [\r\n  \"01-01\",          # 元旦\r\n  # 整行注释\r\n\r\n  '01-28..02-04', \"05-01\"\r\n]\r\nwork = [ # x\n\"01-26\" # 无逗号\n]\n")
        let rest = d.tables[0].entries[0].value
        #expect(rest.kind == .stringArray(["01-01", "01-28..02-04", "05-01"]))
        #expect((rest.line, rest.column) == (2, 8))
        #expect(rest.items == [TOMLPlace(line: 3, column: 3), TOMLPlace(line: 6, column: 3), TOMLPlace(line: 6, column: 19)])
        #expect(d.tables[0].entries[1].value.kind == .stringArray(["01-26"]))
        #expect(d.tables[0].entries[1].value.items == [TOMLPlace(line: 9, column: 1)])
    }

    @Test("the same key in two tables is two keys; twice in one table it is refused")
    func keysPerTable() throws {
        let d = try document("[a]\nk = 1\n[b]\nk = 2\n")
        #expect(d.tables.map { $0.entries.map(\.value.kind) } == [[.integer(1)], [.integer(2)]])
        let e = try failure("[a]\nk = 1\n[b]\nk = 2\n  k = 3\n")
        #expect((e.line, e.column) == (5, 3) && e.english.contains("key 'k' is defined twice (first on line 4)"))
    }

    // MARK: Refused, where it starts

    @Test(arguments: [
        // (text, line, column, part of the English message)
        ("a = 1\n  [[rounds]]\n", 2, 3, "tables"),
        ("committee.name = \"x\"\n", 1, 1, "dotted keys"),
        ("  a.b = 1\n", 1, 3, "dotted keys"),
        ("name = \"abc\n", 1, 8, "missing its closing quote"),
        ("name = 'abc\n", 1, 8, "missing its closing quote"),
        ("name = \"abc\\\"\n", 1, 8, "missing its closing quote"),
        ("name = \"abc\\", 1, 8, "missing its closing quote"),
        ("name = \"a\\x\"\n", 1, 10, "invalid escape \\x"),
        ("name = \"a\\ \"\n", 1, 10, "invalid escape"),
        ("name = \"a\\u12\"\n", 1, 10, "invalid unicode escape"),
        ("name = \"a\\u12\" # comment\n", 1, 10, "invalid unicode escape"),
        ("name = \"a\\u+041\"\n", 1, 10, "invalid unicode escape"),
        ("name = \"a\\u-000\"\n", 1, 10, "invalid unicode escape"),
        ("name = \"a\\uD800\"\n", 1, 10, "invalid unicode escape"),
        ("name = \"a\\U00110000\"\n", 1, 10, "invalid unicode escape"),
        ("name = \"\"\"多行\"\"\"\n", 1, 8, "multi-line"),
        ("name = '''多行'''\n", 1, 8, "multi-line"),
        ("yes_cap = 1.5\n", 1, 11, "unrecognised number '1.5'"),
        ("yes_cap = 1e3\n", 1, 11, "unrecognised number"),
        ("yes_cap = 3.\n", 1, 11, "unrecognised number"),
        ("yes_cap = inf\n", 1, 11, "unrecognised value"),
        ("yes_cap = nan\n", 1, 11, "unrecognised value"),
        ("yes_cap = 0x1F\n", 1, 11, "unrecognised number"),
        ("yes_cap = 017\n", 1, 11, "unrecognised number"),
        ("yes_cap = 1__0\n", 1, 11, "unrecognised number"),
        ("yes_cap = 10_\n", 1, 11, "unrecognised number"),
        ("yes_cap = _10\n", 1, 11, "unrecognised value"),
        ("yes_cap = +\n", 1, 11, "unrecognised number"),
        ("yes_cap = --1\n", 1, 11, "unrecognised number"),
        ("yes_cap = 99999999999999999999\n", 1, 11, "unrecognised number"),
        ("date = 2026-11-26T09:00:00\n", 1, 8, "unrecognised number"),
        ("date = 09:30:00\n", 1, 8, "unrecognised number"),
        ("date = 2026-11-26 09:30\n", 1, 19, "unexpected text after the value"),
        ("date = 2026-1-5\n", 1, 8, "unrecognised number"),
        ("flag = True\n", 1, 8, "unrecognised value"),
        ("flag = tru\n", 1, 8, "unrecognised value 'tru'"),
        ("flag = falsey\n", 1, 8, "unrecognised value 'falsey'"),
        ("name = 安徽\n", 1, 8, "strings need quotes"),
        ("name = \"x\" y\n", 1, 12, "unexpected text after the value"),
        ("name = \"x\"\"y\"\n", 1, 11, "unexpected text after the value"),
        ("name\n", 1, 5, "expected '=' after key 'name'"),
        ("name \"x\"\n", 1, 6, "expected '='"),
        ("name =\n", 1, 7, "missing value"),
        ("name = # 空\n", 1, 8, "unrecognised value"),
        ("= 1\n", 1, 1, "expected a key name"),
        ("名称 = \"x\"\n", 1, 1, "expected a key name"),
        ("list = [\"a\", 1]\n", 1, 14, "arrays may hold strings only"),
        ("list = [\"a\"\n", 1, 8, "missing ']'"),   // arrays may span lines: never closed
        ("list = [\"a\",\n", 1, 8, "missing ']'"),
        ("list = [\"a\" \"b\"]\n", 1, 13, "expected ','"),
        ("list = [[\"a\"]]\n", 1, 9, "arrays may hold strings only"),
        ("[a]\nx = 1\n[a]\n", 3, 1, "table [a] is defined twice (first on line 1)"),
        ("[\"a\"]\n['a']\n", 2, 1, "table [a] is defined twice"),
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
        #expect(e.place == "s.toml:\(line):\(column)")
    }

    @Test func aDuplicateKeyNamesTheFirstLine() throws {
        let e = try failure("# x\nname = \"a\"\nsize = 1\n  name = 'b'\n")
        #expect((e.line, e.column) == (4, 3))
        #expect(e.english.contains("first on line 2"))
        #expect(e.chinese.contains("第 2 行"))
    }

    @Test func aQuotedKeyIsTheSameKeyAsABareOne() throws {
        let e = try failure("name = \"a\"\n\"name\" = \"b\"\n")
        #expect(e.line == 2 && e.english.contains("first on line 1"))
    }

    @Test func notUTF8IsPlaced() throws {
        // name = "工程" with 工程 in GBK.
        let e = try #require(throws: ImportError.self) {
            try TOMLReader.read(utf8("a = 1\r\nname = \"") + [0xB9, 0xA4, 0xB3, 0xCC] + utf8("\"\r\n"), file: "s.toml")
        }
        #expect((e.line, e.column) == (2, 9))
        #expect(e.english.contains("not UTF-8"))
    }

    // MARK: Every prefix, random damage

    @Test func everyTruncatedPrefixReadsAsAPrefixOrFailsWithAPlace() throws {
        let whole = Sample.settings
        let full = try TOMLReader.read(whole, file: "session.toml").topLevel
        for end in 0..<whole.count {
            let prefix = Array(whole[..<end])
            do throws(ImportError) {
                let entries = try TOMLReader.read(prefix, file: "session.toml").topLevel
                #expect(entries.count <= full.count)
                // All but the last entry were read whole; the last may be a cut integer or a whole value.
                #expect(entries.dropLast().map(\.key) == full.prefix(max(0, entries.count - 1)).map(\.key))
                #expect(entries.dropLast().map(\.value) == full.prefix(max(0, entries.count - 1)).map(\.value))
            } catch {
                expectPlaceInside(error, prefix, "prefix of \(end) bytes")
            }
        }
    }

    @Test(arguments: seeds)
    func randomByteFlipsReadOrFailWithAPlace(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let whole = Sample.settings
        for trial in 0..<300 {
            let bytes = flipped(whole, count: Int.random(in: 1...6, using: &rng), using: &rng)
            do throws(ImportError) {
                _ = try TOMLReader.read(bytes, file: "session.toml").topLevel
            } catch {
                expectPlaceInside(error, bytes, "seed \(seed), trial \(trial)")
            }
        }
    }

    @Test(arguments: seeds)
    func randomLinesOfTOMLCharactersNeverCrash(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let alphabet: [String] = ["a", "=", " ", "\"", "'", "\\", "u", "U", "1", "0", "-", "_", ".", "[", "]", ",",
                                  "#", "\n", "\r\n", "t", "中", "+", ":", "e", "D8"]
        for trial in 0..<500 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            do throws(ImportError) {
                _ = try read(text)
            } catch {
                expectPlaceInside(error, utf8(text), "seed \(seed), trial \(trial): \(text.debugDescription)")
            }
        }
    }
}

extension String {
    /// The text with every LF line end written CRLF.
    func replacingCRLF() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}
