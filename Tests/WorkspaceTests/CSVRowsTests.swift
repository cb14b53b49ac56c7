import Testing
import TextFormats
@testable import Workspace

/// `CSVRows`: columns found by header name, rows checked against the header.
@Suite struct CSVRowsTests {
    let required = ["id", "姓名", "职务"]

    func table(_ text: String) throws(ImportError) -> CSVRows {
        try CSVRows(utf8(text), file: "m.csv", required: required, aliases: RosterFile.aliases)
    }

    func failure(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try table(text) }
    }

    @Test func columnsAreFoundByNameInAnyOrderAndExtrasIgnored() throws {
        let t = try table("备注, 职务 ,姓名,编号\r\n无,委员, 张三 ,M01\r\n")
        let row = try #require(t.rows.first)
        #expect(t.value(row, "id") == "M01")
        #expect(t.value(row, "姓名") == "张三")
        #expect(t.value(row, "职务") == "委员")
        #expect(t.value(row, "工作单位") == "")
        #expect(row.line == 2)
    }

    @Test func aHeaderWithEmptyTrailingColumnsIsAccepted() throws {
        let t = try table("id,姓名,职务,,\nM01,张三,委员,,\n")
        #expect(t.rows.count == 1)
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n"])
    func anEmptyFileAsksForTheHeader(_ text: String) throws {
        let e = try failure(text)
        #expect(e.line == 1 && e.column == nil)
        #expect(e.english.contains("empty") && e.english.contains("id,姓名,职务"))
    }

    @Test func aMissingColumnIsNamed() throws {
        let e = try failure("\nid,姓名,工作单位\nM01,张三,x\n")
        #expect(e.line == 2)
        #expect(e.chinese.contains("职务"))
    }

    @Test func aDuplicateColumnIsPlaced() throws {
        let e = try failure("id,姓名,职务,姓名\nM01,张三,委员,李四\n")
        #expect((e.line, e.column) == (1, 4))
        #expect(e.english.contains("'姓名' appears twice"))
    }

    @Test func twoNamesForTheSameColumnAreADuplicate() throws {
        let e = try failure("id,姓名,职务,编号\nM01,张三,委员,M02\n")
        #expect((e.line, e.column) == (1, 4))
        #expect(e.english.contains("'id'"))
    }

    @Test(arguments: [
        ("id,姓名,职务\nM01,张三,委员\nM02,李四\n", 3, 2),
        ("id,姓名,职务\nM01,张三,委员\n\nM02,李四,委员,多余\n", 4, 4),
        ("id,姓名,职务\r\nM01,\"张,三\",委员,\r\n", 2, 4),
    ])
    func aRowWithTooFewOrTooManyFields(_ text: String, _ line: Int, _ fields: Int) throws {
        let e = try failure(text)
        #expect(e.line == line)
        #expect(e.english.contains("has \(fields) fields but the header has 3"))
    }

    @Test func errorsAboutAValueNameTheColumnByNumber() throws {
        let t = try table("姓名,id,职务\n张三,,委员\n")
        let e = try #require(throws: ImportError.self) { _ = try t.required(t.rows[0], "id") }
        #expect((e.line, e.column) == (2, 2))
        #expect(e.place == "m.csv:2:2")
        #expect(e.description.contains("第 2 行第 2 列") && e.description.contains("line 2, column 2"))
    }

    @Test("a row of only commas or spaces, as Excel saves an emptied row, is skipped; its line still counts")
    func emptiedRowsSkipped() throws {
        let t = try table("\u{3000},\r\nid,姓名,职务\r\nM01,甲,委员\r\n,,\r\n , ,\t\r\nM02,乙,委员\r\n")
        #expect(t.rows.map(\.line) == [3, 6])
        #expect(t.value(t.rows[1], "姓名") == "乙")
    }
}
