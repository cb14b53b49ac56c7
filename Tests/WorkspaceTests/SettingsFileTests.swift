import Records
import Testing
import TextFormats
@testable import Workspace
import TestSupport

/// `SettingsFile`: `session.toml` into `Settings`, every value checked.
@Suite struct SettingsFileTests {
    static let sampleSettings = Settings(
        name: "安徽省工程系列电子信息专业高级职称评审委员会", series: "工程", specialty: "电子信息", level: "高级",
        organizer: "安徽省人力资源和社会保障厅", date: "2026-11-26", venue: "合肥市 省人社厅第三会议室",
        size: 0, quorum: 0, denominator: .present, recusedLeaveDenominator: true, yesCap: 0, sameEmployerRecusal: false,
        year: 2026, observerUnits: ["安徽省人力资源和社会保障厅", "合肥市人力资源和社会保障局"])

    func read(_ text: String) throws(ImportError) -> SettingsDraft {
        try SettingsFile.read(utf8(text), file: "session.toml")
    }

    func failure(_ text: String) throws -> ImportError {
        try #require(throws: ImportError.self) { try read(text) }
    }

    // MARK: Valid

    @Test func theSampleReadsToItsSettings() throws {
        let draft = try SettingsFile.read(Sample.settings, file: "session.toml")
        #expect(draft.settings == Self.sampleSettings)
        #expect(draft.size?.value == 25 && draft.size?.line == 9)
        #expect(draft.quorum?.value == 17 && draft.quorum?.line == 10)
        #expect(draft.registry == nil)
    }

    @Test func theSampleSavedByNotepadReadsTheSame() throws {
        // Windows Notepad: a byte-order mark and CRLF line ends.
        let bytes = [0xEF, 0xBB, 0xBF] + utf8(Sample.text("session.toml").replacingCRLF())
        let draft = try SettingsFile.read(bytes, file: "session.toml")
        #expect(draft.settings == Self.sampleSettings)
        #expect(draft.size?.line == 9)
    }

    @Test func optionalKeysTakeTheirDefaults() throws {
        let draft = try read("""
            name = ' 评委会 '
            series = '工程'
            level = "高级"
            organizer = "人社厅"
            date = 2024-02-29
            """)
        // N counts the members present (第二十三条第五项: 出席会议评委总数); the year is the date's;
        // only the organizer's own staff may observe.
        #expect(draft.settings == Settings(name: "评委会", series: "工程", specialty: "", level: "高级", organizer: "人社厅",
                                           date: "2024-02-29", venue: "", size: 0, quorum: 0, denominator: .present,
                                           year: 2024, observerUnits: ["人社厅"]))
        #expect(draft.size == nil && draft.quorum == nil && draft.registry == nil)
    }

    @Test func everyKeyCanBeSet() throws {
        let draft = try read(settingsTOML(
            without: ["denominator", "recused_leave_denominator", "yes_cap", "same_employer_recusal", "date"],
            extra: """

                date = "2000-02-29"
                denominator = 'present'
                recused_leave_denominator = false
                yes_cap = 3
                same_employer_recusal = true
                registry = "registry.jsonl"
                """))
        #expect(draft.settings.date == "2000-02-29")
        #expect(draft.settings.denominator == .present)
        #expect(draft.settings.recusedLeaveDenominator == false)
        #expect(draft.settings.yesCap == 3)
        #expect(draft.settings.sameEmployerRecusal == true)
        #expect(draft.registry == "registry.jsonl")
    }

    @Test func theYearAndTheObserverUnitsCanBeSet() throws {
        let draft = try read(settingsTOML(without: ["year", "observer_units"], extra: """

            year = 2025
            observer_units = ["合肥市人力资源和社会保障局", "安徽省人力资源和社会保障厅", "芜湖市人力资源和社会保障局"]
            """))
        #expect(draft.settings.year == 2025 && draft.settings.reviewYear == 2025)
        // The organizer comes first, listed or not, and once.
        #expect(draft.settings.observerUnits == ["安徽省人力资源和社会保障厅", "合肥市人力资源和社会保障局", "芜湖市人力资源和社会保障局"])
    }

    @Test(arguments: [
        ("year = 26", "year = 26 is not a valid year"), ("year = \"2026\"", "'year' must be an integer"),
        ("year = 0", "is not a valid year"), ("observer_units = \"合肥市人社局\"", "'observer_units' must be an array of strings"),
        ("observer_units = [\" \"]", "observer_units holds an empty unit name"),
        ("observer_units = [\"\u{200B}\"]", "observer_units holds an empty unit name"),
    ])
    func aBadYearOrUnitListIsRefusedAtItsLine(_ line: String, _ message: String) throws {
        let e = try failure(settingsTOML(without: ["year", "observer_units"], extra: line + "\n"))
        #expect(e.line == 15)
        #expect(e.english.contains(message), "\(e.english)")
    }

    // MARK: Refused

    @Test func anUnknownKeyIsNamedWithItsLineAndTheKnownKeys() throws {
        let e = try failure(settingsTOML(extra: "nmae = \"x\"\n"))
        #expect(e.line == 17)
        #expect(e.english.contains("unknown setting 'nmae'"))
        #expect(e.english.contains("name, observer_units, organizer, quorum"))
    }

    @Test(arguments: [
        ("a = 1\n[committee]\n", 2, 1),
        ("name = \"x\"\n  [ 'committee' ] # 注释\nsize = 1\n", 2, 3),
    ])
    func aTableIsRefusedWhereItsHeaderStarts(_ text: String, _ line: Int, _ column: Int) throws {
        let e = try failure(text)
        #expect((e.line, e.column) == (line, column))
        #expect(e.english.contains("TOML tables ([...]) are not supported"))
    }

    @Test func aDuplicateKeyNamesTheFirstLine() throws {
        let e = try failure(settingsTOML(extra: "size = 27\n"))
        #expect((e.line, e.column) == (17, 1))
        #expect(e.english.contains("'size' is defined twice (first on line 9)"))
    }

    @Test(arguments: [
        // (replaced key, new line, column of the value, part of the message)
        ("size", "size = \"25\"", 8, "'size' must be an integer, not 字符串 string"),
        ("quorum", "quorum = true", 10, "'quorum' must be an integer"),
        ("name", "name = 1", 8, "'name' must be a quoted string, not 整数 integer"),
        ("series", "series = [\"工程\"]", 10, "'series' must be a quoted string"),
        ("venue", "venue = 2026-11-26", 9, "'venue' must be a quoted string, not 日期 date"),
        ("recused_leave_denominator", "recused_leave_denominator = \"yes\"", 29, "must be true or false"),
        ("same_employer_recusal", "same_employer_recusal = 0", 25, "must be true or false"),
        ("yes_cap", "yes_cap = \"0\"", 11, "'yes_cap' must be an integer"),
        ("date", "date = 20261126", 8, "'date' must be a YYYY-MM-DD date"),
        ("date", "date = false", 8, "'date' must be a YYYY-MM-DD date"),
        ("denominator", "denominator = \"all\"", 15, "denominator must be \"present\" (the default) or \"eligible\""),
        ("denominator", "denominator = \"Eligible\"", 15, "denominator must be"),
        ("denominator", "denominator = 1", 15, "denominator must be"),
        ("registry", "registry = \"  \"", 12, "'registry' must not be empty"),
        ("name", "name = \"  \"", 8, "'name' must not be empty"),
    ])
    func aValueOfTheWrongKind(_ key: String, _ line: String, _ column: Int, _ message: String) throws {
        let e = try failure(settingsTOML(without: [key], extra: line + "\n"))
        #expect(e.line == (key == "registry" ? 17 : 16))
        #expect(e.column == column)
        #expect(e.english.contains(message), "\(e.english)")
    }

    @Test(arguments: [
        "2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-11-00",
        "\"2026-02-30\"", "\"2026-11-26 \"", "\"2026/11/26\"", "\"2026-11-6\"", "\"26-11-26\"", "\"2026-+1-01\"",
        "\"+202-11-26\"", "\"2026-11-+1\"", "\"2026-１1-26\"", "\"\"",
    ])
    func anInvalidDateIsRefusedWhereItIsWritten(_ value: String) throws {
        let e = try failure(settingsTOML(without: ["date"], extra: "date = \(value)\n"))
        #expect((e.line, e.column) == (16, 8))
        #expect(e.english.contains("is not a valid YYYY-MM-DD date"))
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "\"2026-01-01\"", "'2026-11-26'"])
    func validDates(_ value: String) throws {
        let draft = try read(settingsTOML(without: ["date"], extra: "date = \(value)\n"))
        #expect(draft.settings.date == value.filter { $0 != "\"" && $0 != "'" })
    }

    @Test func aNegativeYesCapIsRefused() throws {
        let e = try failure(settingsTOML(without: ["yes_cap"], extra: "yes_cap = -1\n"))
        #expect(e.line == 16)
        #expect(e.english.contains("yes_cap must not be negative"))
    }

    @Test(arguments: ["name", "series", "level", "organizer", "date"])
    func aMissingRequiredKeyIsNamed(_ key: String) throws {
        let e = try failure(settingsTOML(without: [key]))
        #expect(e.line == nil)
        #expect(e.english.contains("missing required setting '\(key)'"))
    }

    @Test func anEmptyFileLacksTheName() throws {
        let e = try failure("")
        #expect(e.english.contains("missing required setting"))
    }

    // MARK: Every prefix, random damage

    /// A cut `session.toml` may still read (a missing key takes its default), but with the
    /// roster it either fails or means what the whole file means, bar a wholly missing optional line.
    @Test func everyTruncatedPrefixFailsOrMeansTheSame() throws {
        let whole = Sample.settings
        var whole25 = try SettingsFile.read(whole, file: "session.toml")
        try SessionFolder.finishSizeAndQuorum(&whole25, memberCount: 25, file: "session.toml")
        var accepted = 0
        for end in 0..<whole.count {
            let prefix = Array(whole[..<end])
            do throws(ImportError) {
                var draft = try SettingsFile.read(prefix, file: "session.toml")
                try SessionFolder.finishSizeAndQuorum(&draft, memberCount: 25, file: "session.toml")
                // Only an optional line cut off entirely goes unnoticed: the venue, the year (it
                // defaults to the date's), the observer units (only the organizer's own name).
                var expected = whole25.settings
                let text = String(decoding: prefix, as: UTF8.self)
                if !text.contains("\nvenue = ") { expected.venue = "" }
                if !text.contains("\nobserver_units = [\"合肥市人力资源和社会保障局\"]") { expected.observerUnits = ["安徽省人力资源和社会保障厅"] }
                #expect(draft.settings == expected, "prefix of \(end) bytes")
                accepted += 1
            } catch {
                expectPlaceInside(error, prefix, "prefix of \(end) bytes")
            }
        }
        #expect(accepted > 0)
    }

    @Test(arguments: seeds)
    func randomByteFlipsReadOrFailWithAPlace(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let whole = Sample.settings
        for trial in 0..<300 {
            let bytes = flipped(whole, count: Int.random(in: 1...4, using: &rng), using: &rng)
            do throws(ImportError) {
                let draft = try SettingsFile.read(bytes, file: "session.toml")
                #expect(CivilDays.date(iso: draft.settings.date) != nil, "seed \(seed), trial \(trial)")
                #expect(draft.settings.yesCap >= 0, "seed \(seed), trial \(trial)")
            } catch {
                expectPlaceInside(error, bytes, "seed \(seed), trial \(trial)")
            }
        }
    }
}
