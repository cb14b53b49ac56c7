import Records
import Testing
import TextFormats
@testable import Workspace
import TestSupport

/// `RosterFile`: `members.csv` and `candidates.csv`, every row checked, errors placed by line and column.
@Suite struct RosterFileTests {
    static let settings = Settings(name: "评委会", series: "工程", specialty: "电子信息", level: "高级", organizer: "人社厅",
                                   date: "2026-11-26", size: 25, quorum: 17)

    func members(_ text: String) throws(ImportError) -> [Member] {
        try RosterFile.members(utf8(text), file: "members.csv")
    }

    func memberFailure(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try members(text) }
    }

    func candidates(_ text: String) throws(ImportError) -> [Candidate] {
        try RosterFile.candidates(utf8(text), file: "candidates.csv", settings: Self.settings)
    }

    func candidateFailure(_ rows: String...) throws -> ImportError {
        try #require(throws: ImportError.self) { try candidates(candidatesCSV(rows)) }
    }

    func candidatesCSV(_ rows: [String], extraHeader: String = "") -> String {
        ([RosterFile.candidateColumns.joined(separator: ",") + extraHeader] + rows).joined(separator: "\n") + "\n"
    }

    /// A candidates.csv row; columns 1–13: id 姓名 性别 出生年月 工作单位 学历 现职称 申报职称 系列 专业 级别 破格 评议组.
    func row(_ id: String, name: String = "许文博", gender: String = "男", born: String = "1984-03", applied: String = "高级工程师",
             series: String = "工程", exceptional: String = "否", extra: String = "") -> String {
        "\(id),\(name),\(gender),\(born),合肥公司,硕士研究生,工程师,\(applied),\(series),电子信息,高级,\(exceptional),一组\(extra)"
    }

    // MARK: members.csv

    @Test func theSampleMembers() throws {
        let list = try RosterFile.members(Sample.members, file: "members.csv")
        #expect(list.count == 25)
        #expect(list.first == Member(id: "M01", name: "陈建国", office: .chair, unit: "中国科学技术大学", panel: "电子信息一组"))
        #expect(list.filter { $0.office == .viceChair }.map(\.id) == ["M02", "M03"])
        #expect(list.last?.id == "M25")
    }

    @Test func headerAliasesAndSurroundingSpaceAreAccepted() throws {
        let list = try members("编号,姓名,职务,工作单位,评议组\r\n M01 ,\u{3000}陈建国 ,主任委员,,\r\n")
        #expect(list == [Member(id: "M01", name: "陈建国", office: .chair, unit: "", panel: "")])
    }

    @Test func aDuplicateMemberIdNamesBothLines() throws {
        let e = try memberFailure(membersCSV(count: 3) + "\nM02,重复,委员,x,y\n")
        #expect((e.line, e.column) == (6, 1))
        #expect(e.english.contains("'M02' is used twice (first on line 3)"))
        #expect(e.chinese.contains("第一次出现在第 3 行"))
    }

    @Test(arguments: ["主任", "委员 长", "Chair", "副主任", "组长"])
    func anUnknownOfficeIsPlaced(_ office: String) throws {
        let e = try memberFailure(membersCSV(count: 3) + "M04,某某,\(office),x,y\n")
        #expect((e.line, e.column) == (5, 3))
        #expect(e.english.contains("is not an office"))
    }

    @Test func noChairIsRefused() throws {
        let e = try memberFailure(membersCSV(count: 3, chairs: 0))
        #expect(e.line == nil)
        #expect(e.english.contains("no chair"))
    }

    @Test func twoChairsAreRefusedAtTheSecond() throws {
        let e = try memberFailure(membersCSV(count: 5, chairs: 2))
        #expect(e.line == 3)
        #expect(e.english.contains("one chair only (M01, M02)"))
    }

    @Test func aRosterWithoutMembersIsRefused() throws {
        let e = try memberFailure("id,姓名,职务,工作单位,评议组\n\n")
        #expect(e.english.contains("lists no members"))
    }

    @Test(arguments: ["M 01", "M01!", "委员1", "M01.5", String(repeating: "x", count: 33)])
    func aBadIdIsRefused(_ id: String) throws {
        let e = try memberFailure("id,姓名,职务,工作单位,评议组\nM00,主任,主任委员,,\n\(id),某某,委员,,\n")
        #expect((e.line, e.column) == (3, 1))
        #expect(e.english.contains("at most 32 characters"))
    }

    @Test func anIdOf32CharactersIsAccepted() throws {
        let id = String(repeating: "a-_9", count: 8)
        #expect(try members("id,姓名,职务,工作单位,评议组\n\(id),某某,主任委员,,\n").map(\.id) == [id])
    }

    @Test(arguments: [("", 1, "'id': must not be empty"), ("M09,,委员,,", 2, "'姓名': must not be empty"),
                      ("M09,某某,,,", 3, "'职务': must not be empty")])
    func anEmptyRequiredValueIsPlaced(_ line: String, _ column: Int, _ message: String) throws {
        let text = membersCSV(count: 3) + (line.isEmpty ? ",某某,委员,," : line) + "\n"
        let e = try memberFailure(text)
        #expect((e.line, e.column) == (5, column))
        #expect(e.english.contains(message))
    }

    // MARK: candidates.csv

    @Test func theSampleCandidates() throws {
        let list = try RosterFile.candidates(Sample.candidates, file: "candidates.csv", settings: Self.settings)
        #expect(list.count == 14)
        #expect(list[0] == Candidate(id: "C01", name: "许文博", gender: "男", born: "1984-03", unit: "合肥长城电子有限公司",
                                     education: "硕士研究生", currentTitle: "工程师", appliedTitle: "高级工程师", series: "工程",
                                     specialty: "电子信息", level: "高级", exceptional: false, panel: "电子信息一组", idNumber: nil))
        #expect(list.filter(\.exceptional).map(\.id) == ["C06", "C09", "C14"])
    }

    @Test(arguments: ["1980-05", "1980.05", "1980/5", "198005", "1980年5月", "1980年05月", "1980-5", "1980.5",
                      "1980年5月1日", "1980 - 05", "1980-05-01"])
    func acceptedFormsOfABirthMonth(_ text: String) throws {
        #expect(RosterFile.normalisedMonth(text) == "1980-05")
        let list = try candidates(candidatesCSV([row("C01", born: text)]))
        #expect(list[0].born == "1980-05")
    }

    @Test(arguments: ["1980", "19805", "1980-13", "1980-00", "1899-12", "2101-01", "80-05", "05-1980",
                      "一九八〇年五月", "1980年5月份", "１９８０-05", "12345678901234567890-05", "1980-12345678901234567890",
                      "123456789012345678901234567890", "1980-05-01-02", "2026-11", "2027-01"])
    func aBadBirthMonthIsPlaced(_ text: String) throws {
        let e = try candidateFailure(row("C01"), row("C02", name: "钱晓梅", born: text))
        #expect((e.line, e.column) == (3, 4))
        #expect(e.english.contains("is not a valid year and month of birth"))
    }

    @Test(arguments: ["男性", "M", "", "女 士"])
    func aBadGenderIsPlaced(_ gender: String) throws {
        let e = try candidateFailure(row("C01", gender: gender))
        #expect((e.line, e.column) == (2, 3))
    }

    @Test func aSeriesOutsideTheCommitteeIsRefusedCitingArticle16() throws {
        let e = try candidateFailure(row("C01"), row("C02", name: "钱晓梅", series: "卫生"))
        #expect((e.line, e.column) == (3, 9))
        #expect(e.chinese.contains("第十六条"))
        #expect(e.english.contains("Art. 16"))
    }

    @Test(arguments: [("是", true), ("否", false), ("", false), ("Y", true), ("n", false), ("yes", true), ("no", false)])
    func exceptionalPromotion(_ text: String, _ value: Bool) throws {
        #expect(try candidates(candidatesCSV([row("C01", exceptional: text)]))[0].exceptional == value)
    }

    @Test(arguments: ["破格", "true", "1", "YES", "不是"])
    func aBadExceptionalValueIsPlaced(_ text: String) throws {
        let e = try candidateFailure(row("C01", exceptional: text))
        #expect((e.line, e.column) == (2, 12))
        #expect(e.english.contains("must be 是 or 否"))
    }

    @Test func theSamePersonTwiceIsRefused() throws {
        let e = try candidateFailure(row("C01"), row("C02", name: "钱晓梅"), row("C03", born: "1984.3"))
        #expect((e.line, e.column) == (4, 2))
        #expect(e.english.contains("as on line 2"))
    }

    @Test func theSameNameForAnotherTitleIsAnotherApplication() throws {
        #expect(try candidates(candidatesCSV([row("C01"), row("C02", applied: "正高级工程师")])).count == 2)
    }

    @Test func anIdentityNumberDecidesWhoIsWho() throws {
        // Same 证件号码 (case aside) under another name: the same person.
        let e = try #require(throws: ImportError.self) {
            try candidates(candidatesCSV([row("C01", extra: ",34010119840301001x"), row("C02", name: "许文波", extra: ",34010119840301001X")],
                                         extraHeader: ",身份证号"))
        }
        #expect(e.line == 3)
        // Same name, gender and month under different numbers: two people.
        let two = try candidates(candidatesCSV([row("C01", extra: ",340101198403010011"), row("C02", extra: ",340101198403010022")],
                                               extraHeader: ",证件号码"))
        #expect(two.map(\.idNumber) == ["340101198403010011", "340101198403010022"])
    }

    @Test func aDuplicateCandidateIdNamesBothLines() throws {
        let e = try candidateFailure(row("C01"), row("C01", name: "钱晓梅"))
        #expect((e.line, e.column) == (3, 1))
        #expect(e.english.contains("first on line 2"))
    }

    @Test(arguments: ["C 01", String(repeating: "C", count: 33), "申01"])
    func aBadCandidateIdIsPlaced(_ id: String) throws {
        let e = try candidateFailure(row(id))
        #expect((e.line, e.column) == (2, 1))
    }

    @Test func anEmptyAppliedTitleIsPlaced() throws {
        let e = try candidateFailure(row("C01", applied: " "))
        #expect((e.line, e.column) == (2, 8))
    }

    @Test func noCandidatesIsRefused() throws {
        let e = try #require(throws: ImportError.self) { try candidates(candidatesCSV([])) }
        #expect(e.english.contains("no candidates"))
    }

    // MARK: Every prefix, random damage

    /// A cut members.csv either fails or, with `size` written, fails the size check unless no row was lost.
    @Test func everyTruncatedPrefixOfTheMembersIsCaughtBySize() throws {
        let whole = Sample.members
        let full = try RosterFile.members(whole, file: "members.csv")
        for end in 0..<whole.count {
            let prefix = Array(whole[..<end])
            do throws(ImportError) {
                let list = try RosterFile.members(prefix, file: "members.csv")
                #expect(Array(list.dropLast()) == Array(full.prefix(list.count - 1)), "prefix of \(end) bytes")
                var draft = SettingsDraft(settings: Self.settings, size: (25, 9), quorum: (17, 10))
                try SessionFolder.finishSizeAndQuorum(&draft, memberCount: list.count, file: "session.toml")
                #expect(list.count == 25, "prefix of \(end) bytes")
            } catch {
                expectPlaceInside(error, error.file == "members.csv" ? prefix : Sample.settings, "prefix of \(end) bytes")
            }
        }
    }

    @Test func everyTruncatedPrefixOfTheCandidatesReadsAsAPrefixOrFails() throws {
        let whole = Sample.candidates
        let full = try RosterFile.candidates(whole, file: "candidates.csv", settings: Self.settings)
        for end in 0..<whole.count {
            let prefix = Array(whole[..<end])
            do throws(ImportError) {
                let list = try RosterFile.candidates(prefix, file: "candidates.csv", settings: Self.settings)
                #expect(Array(list.dropLast()) == Array(full.prefix(list.count - 1)), "prefix of \(end) bytes")
                #expect(list.last?.id == full[list.count - 1].id, "prefix of \(end) bytes")
            } catch {
                expectPlaceInside(error, prefix, "prefix of \(end) bytes")
            }
        }
    }

    @Test(arguments: seeds)
    func randomByteFlipsReadOrFailWithAPlace(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for trial in 0..<200 {
            let m = flipped(Sample.members, count: Int.random(in: 1...6, using: &rng), using: &rng)
            do throws(ImportError) {
                let list = try RosterFile.members(m, file: "members.csv")
                #expect(list.filter { $0.office == .chair }.count == 1, "seed \(seed), trial \(trial)")
                #expect(Set(list.map(\.id)).count == list.count, "seed \(seed), trial \(trial)")
            } catch {
                expectPlaceInside(error, m, "seed \(seed), members trial \(trial)")
            }
            let c = flipped(Sample.candidates, count: Int.random(in: 1...6, using: &rng), using: &rng)
            do throws(ImportError) {
                let list = try RosterFile.candidates(c, file: "candidates.csv", settings: Self.settings)
                #expect(list.allSatisfy { $0.series == "工程" && RosterFile.normalisedMonth($0.born) == $0.born },
                        "seed \(seed), trial \(trial)")
            } catch {
                expectPlaceInside(error, c, "seed \(seed), candidates trial \(trial)")
            }
        }
    }
}
