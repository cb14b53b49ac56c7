import Testing
import TextFormats
@testable import Workspace
import TestSupport

/// `CSVReader`: strict RFC 4180 as Excel writes it ("CSV UTF-8"), errors naming line and column.
@Suite struct CSVReaderTests {
    func read(_ text: String) throws(ImportError) -> [CSVRecord] {
        try CSVReader.records(utf8(text), file: "t.csv")
    }

    func failure(_ bytes: [UInt8]) throws -> ImportError {
        try #require(throws: ImportError.self) { try CSVReader.records(bytes, file: "t.csv") }
    }

    func failure(_ text: String) throws -> ImportError { try failure(utf8(text)) }

    // MARK: Valid files

    @Test func byteOrderMarkAndCRLF() throws {
        let records = try read("\u{FEFF}id,姓名\r\nM01,张三\r\nM02,李四\r\n")
        #expect(records == [
            CSVRecord(line: 1, fields: ["id", "姓名"]),
            CSVRecord(line: 2, fields: ["M01", "张三"]),
            CSVRecord(line: 3, fields: ["M02", "李四"]),
        ])
    }

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let text = "id,note,x\n1,\"a,b\",\"他说\"\"好\"\"\"\n2,\"第一行\n第二行\",z\n3,\"\",\"\"\"\"\n4,x,y\n"
        #expect(try read(text) == [
            CSVRecord(line: 1, fields: ["id", "note", "x"]),
            CSVRecord(line: 2, fields: ["1", "a,b", "他说\"好\""]),
            CSVRecord(line: 3, fields: ["2", "第一行\n第二行", "z"]),
            CSVRecord(line: 5, fields: ["3", "", "\""]),
            CSVRecord(line: 6, fields: ["4", "x", "y"]),
        ])
    }

    @Test func aLineBreakInsideQuotesIsKeptAsWritten() throws {
        let records = try read("a,b\r\n\"x\r\ny\",z\r\nq,r\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x\r\ny", "z"], ["q", "r"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try read("\n\r\nid,name\n\nM01,a\n\n\n")
        #expect(records == [CSVRecord(line: 3, fields: ["id", "name"]), CSVRecord(line: 5, fields: ["M01", "a"])])
    }

    @Test func theLastLineNeedsNoLineEnd() throws {
        #expect(try read("id\nM01").map(\.fields) == [["id"], ["M01"]])
        #expect(try read("a,\n,b").map(\.fields) == [["a", ""], ["", "b"]])
    }

    @Test(arguments: ["", "\u{FEFF}", "\n", "\r\n\r\n"])
    func anEmptyFileHasNoRecords(_ text: String) throws {
        #expect(try read(text).isEmpty)
    }

    // MARK: Malformed files

    @Test func anUnterminatedQuoteNamesWhereTheFieldStarted() throws {
        let e = try failure("id,姓名\nM01,\"张三\nM02,李四\n")
        #expect((e.line, e.column) == (2, 5))
        #expect(e.english.contains("unterminated quote"))
        #expect(e.place == "t.csv:2:5")
    }

    @Test func anUnterminatedQuoteAfterAMultiLineFieldNamesItsOwnLine() throws {
        // The open field starts on line 3 (after a quoted field spanning lines 2–3), column 4.
        let e = try failure("id,a,b\n1,\"x\ny\",\"open\nmore\n")
        #expect((e.line, e.column) == (3, 4))
    }

    @Test func anUnterminatedQuoteAtTheStartOfARow() throws {
        let e = try failure("\u{FEFF}id,a\r\n\r\n\"M01,b\r\n")
        #expect((e.line, e.column) == (3, 1))
    }

    @Test func aQuoteInsideAnUnquotedField() throws {
        let e = try failure("id,姓名\nM01,张\"三\n")
        #expect((e.line, e.column) == (2, 6))
        #expect(e.english.contains("a quote may only open a field"))
    }

    @Test func aQuoteAfterLeadingSpaceIsInsideTheField() throws {
        let e = try failure("id,姓名\nM01, \"张三\"\n")
        #expect((e.line, e.column) == (2, 6))
    }

    @Test(arguments: [
        ("id,姓名\nM01,\"张三\"x\n", 2, 9),
        ("id,姓名\nM01,\"张三\" \n", 2, 9),
        ("id,姓名\r\nM01,\"张三\"\"\"\"\"x,y\r\n", 2, 13),
        ("\"a\"\"b\nc\"d\n", 2, 3),
    ])
    func textAfterAClosingQuote(_ text: String, _ line: Int, _ column: Int) throws {
        let e = try failure(text)
        #expect((e.line, e.column) == (line, column))
        #expect(e.english.contains("after a closing quote"))
    }

    // MARK: Encoding

    /// `id,姓名,职务` saved by Excel as "CSV (comma delimited)" on a Chinese Windows: GBK.
    static let gbkHeader: [UInt8] = [0x69, 0x64, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xD6, 0xB0, 0xCE, 0xF1, 0x0A]
    /// 陈建国 in GBK.
    static let gbkName: [UInt8] = [0xB3, 0xC2, 0xBD, 0xA8, 0xB9, 0xFA]

    @Test func gbkBytesAreNotUTF8() throws {
        let e = try failure(Self.gbkHeader)
        #expect((e.line, e.column) == (1, 4))
        #expect(e.english.contains("not UTF-8"))
        #expect(e.chinese.contains("不是 UTF-8"))
    }

    @Test func gbkBytesLaterInTheFileAreFoundWhereTheyAre() throws {
        let e = try failure(utf8("\u{FEFF}id,姓名\r\nM01,") + Self.gbkName + utf8("\r\n"))
        #expect((e.line, e.column) == (2, 5))
        #expect(e.english.contains("not UTF-8"))
    }

    @Test(arguments: [
        ([0xC0, 0x80] as [UInt8], 1, 1),          // overlong NUL
        ([0x61, 0xED, 0xA0, 0x80], 1, 2),         // encoded surrogate
        ([0x61, 0x0A, 0x62, 0xE4, 0xB8], 2, 2),   // cut inside a character
        ([0xF5, 0x80, 0x80, 0x80], 1, 1),         // beyond U+10FFFF
        ([0xE4, 0xB8, 0xAD, 0x80], 1, 2),         // stray continuation byte after 中
    ])
    func invalidUTF8IsPlaced(_ bytes: [UInt8], _ line: Int, _ column: Int) throws {
        let e = try failure(bytes)
        #expect((e.line, e.column) == (line, column))
    }

    // MARK: Every prefix, random damage

    @Test(arguments: ["members.csv", "candidates.csv"])
    func everyTruncatedPrefixParsesAsAPrefixOrFails(_ name: String) throws {
        let whole = Sample.bytes(name)
        let full = try CSVReader.records(whole, file: name)
        for end in 0..<whole.count {
            let prefix = Array(whole[..<end])
            do throws(ImportError) {
                let records = try CSVReader.records(prefix, file: name)
                #expect(String(validating: prefix, as: UTF8.self) != nil, "accepted invalid UTF-8 at \(end)")
                #expect(records.count <= full.count)
                #expect(Array(records.dropLast()) == Array(full.prefix(max(0, records.count - 1))), "prefix of \(end) bytes")
                if let last = records.last {
                    let original = full[records.count - 1]
                    #expect(last.line == original.line)
                    #expect(last.fields.count <= original.fields.count)
                }
            } catch {
                expectPlaceInside(error, prefix, "prefix of \(end) bytes")
                #expect(error.english.contains("not UTF-8"), "a prefix of the sample can only fail in the middle of a character")
            }
        }
    }

    @Test(arguments: seeds)
    func randomByteFlipsParseOrFailWithAPlace(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for name in ["members.csv", "candidates.csv"] {
            let whole = Sample.bytes(name)
            for trial in 0..<100 {
                let bytes = flipped(whole, count: Int.random(in: 1...8, using: &rng), using: &rng)
                do throws(ImportError) {
                    _ = try CSVReader.records(bytes, file: name)
                } catch {
                    expectPlaceInside(error, bytes, "seed \(seed), \(name) trial \(trial)")
                }
            }
        }
    }

    @Test(arguments: seeds)
    func randomTextOfCSVCharactersNeverCrashes(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let alphabet: [String] = ["\"", ",", "\n", "\r", "\r\n", "a", "中", " ", "\u{FEFF}", "\"\""]
        for trial in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            do throws(ImportError) {
                let records = try CSVReader.records(utf8(text), file: "r.csv")
                #expect(records.allSatisfy { !$0.fields.isEmpty }, "seed \(seed), trial \(trial)")
            } catch {
                expectPlaceInside(error, utf8(text), "seed \(seed), trial \(trial): \(text.debugDescription)")
            }
        }
    }
}

@Suite("CSV: rows Excel empties")
struct CSVEmptiedRowTests {
    @Test("a row of only commas, as Excel saves an emptied row, is skipped; one with spaces is the table's to judge")
    func emptiedRowsSkipped() throws {
        let text = "id,姓名\r\nM01,甲\r\n,\r\n , \r\nM02,乙\r\n"
        let records = try CSVReader.records(Array(text.utf8), file: "members.csv")
        #expect(records.map(\.line) == [1, 2, 4, 5])
        #expect(records[2].fields == [" ", " "])
    }
}
