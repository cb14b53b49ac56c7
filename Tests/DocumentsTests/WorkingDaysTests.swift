import Documents
import Foundation
import Testing

/// The working-day calendar against REFERENCE.md: every worked example, both years' holidays and
/// 调休 days, 248 working days a year, and an error outside the known years.
@Suite("Working-day calendar")
struct WorkingDaysTests {
    static let calendar = try! WorkingDays.shipped()

    static func day(_ s: String) -> CivilDate { CivilDate(s)! }

    /// REFERENCE.md: "Five working days counting the first day".
    @Test("REFERENCE.md worked examples: the fifth working day", arguments: [
        ("2026-09-28", "2026-10-09"),
        ("2026-09-30", "2026-10-12"),
        ("2026-02-12", "2026-02-25"),
    ])
    func workedExamples(start: String, end: String) throws {
        #expect(try Self.calendar.lastDay(ofWorkingDays: 5, from: Self.day(start)) == Self.day(end))
        let period = try PublicityPeriod(start: Self.day(start), calendar: Self.calendar)
        #expect(period.first == Self.day(start) && period.last == Self.day(end) && period.workingDays == 5)
    }

    @Test("each known year has exactly 248 working days", arguments: [2025, 2026])
    func yearTotals(year: Int) throws {
        #expect(try Self.calendar.workingDays(in: year) == 248)
    }

    /// REFERENCE.md's tables, as rest ranges and make-up days, checked day by day.
    static let rest: [Int: [(String, String)]] = [
        2025: [("01-01", "01-01"), ("01-28", "02-04"), ("04-04", "04-06"), ("05-01", "05-05"), ("05-31", "06-02"), ("10-01", "10-08")],
        2026: [("01-01", "01-03"), ("02-15", "02-23"), ("04-04", "04-06"), ("05-01", "05-05"), ("06-19", "06-21"), ("09-25", "09-27"), ("10-01", "10-07")],
    ]
    static let work: [Int: [String]] = [
        2025: ["01-26", "02-08", "04-27", "09-28", "10-11"],
        2026: ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
    ]

    @Test("every holiday is a rest day and every 调休 day a working day; all else follows the weekday", arguments: [2025, 2026])
    func everyDay(year: Int) throws {
        var holidays = Set<CivilDate>()
        for (a, b) in Self.rest[year]! {
            for n in Self.day("\(year)-\(a)").dayNumber...Self.day("\(year)-\(b)").dayNumber { holidays.insert(CivilDate(dayNumber: n)) }
        }
        let makeUp = Set(Self.work[year]!.map { Self.day("\(year)-\($0)") })
        for d in makeUp { #expect(d.isWeekend, "\(d) should be a weekend day") }
        for n in Self.day("\(year)-01-01").dayNumber...Self.day("\(year)-12-31").dayNumber {
            let d = CivilDate(dayNumber: n)
            let expected = holidays.contains(d) ? false : makeUp.contains(d) ? true : !d.isWeekend
            #expect(try Self.calendar.isWorkingDay(d) == expected, "\(d) \(d.weekdayName)")
        }
    }

    @Test("a period that starts on a rest day counts from the next working day")
    func startOnHoliday() throws {
        // 2026-10-01 is National Day: working days are 10-08, 10-09, 10-10 (Sat, 调休), 10-12, 10-13.
        #expect(try Self.calendar.lastDay(ofWorkingDays: 5, from: Self.day("2026-10-01")) == Self.day("2026-10-13"))
        // Spring Festival 2025: 01-27, then 02-05, 02-06, 02-07 and the make-up Saturday 02-08.
        #expect(try Self.calendar.lastDay(ofWorkingDays: 5, from: Self.day("2025-01-27")) == Self.day("2025-02-08"))
    }

    @Test("a date outside the known years is an error, also when a period runs into one")
    func outsideYears() throws {
        #expect(throws: DocumentsError.self) { try Self.calendar.isWorkingDay(Self.day("2027-01-04")) }
        #expect(throws: DocumentsError.self) { try Self.calendar.isWorkingDay(Self.day("2024-12-31")) }
        do {
            _ = try Self.calendar.lastDay(ofWorkingDays: 5, from: Self.day("2026-12-28"))
            Issue.record("a period reaching 2027 must not be guessed")
        } catch {
            guard case .outsideCalendar(let date, let known) = error else { Issue.record("\(error)"); return }
            #expect(date == Self.day("2027-01-01") && known == [2025, 2026])
            #expect(error.description.contains("2027") && error.description.contains("--calendar"))
        }
    }

    @Test("a user's file adds a year; a year in a later file replaces the shipped one whole")
    func userExtension() throws {
        let text = """
        # 2027 (an example a user would copy from the State Council's notice)
        [2027]
        source = "示例"
        rest = ["01-01", "02-06..02-12"]   # 元旦, 春节
        work = ["02-20"]
        """
        let extra = try CalendarFile.parse(text, file: "mine.toml")
        let calendar = Self.calendar.extended(with: extra)
        #expect(calendar.knownYears == [2025, 2026, 2027])
        #expect(try calendar.isWorkingDay(Self.day("2027-01-04")))
        #expect(try !calendar.isWorkingDay(Self.day("2027-01-01")))
        #expect(try calendar.isWorkingDay(Self.day("2027-02-20")))
        // 2026-12-28 (Mon) … 12-31 (Thu) are 4 working days; 2027-01-01 rests; 01-04 is the 5th.
        #expect(try calendar.lastDay(ofWorkingDays: 5, from: Self.day("2026-12-28")) == Self.day("2027-01-04"))
        // Replacing 2026 whole: a file that lists no holidays makes 10-01 an ordinary Thursday.
        let replaced = calendar.extended(with: try CalendarFile.parse("[2026]\nrest = []\nwork = []\n", file: "x.toml"))
        #expect(try replaced.isWorkingDay(Self.day("2026-10-01")))
    }

    @Test("a user's file dropped in the templates folder's calendar/ and one given with --calendar are both read")
    func filesOnDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-cal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/calendar", withIntermediateDirectories: true)
        try "[2027]\nrest = [\"01-01\"]\n".write(toFile: dir + "/calendar/2027.toml", atomically: true, encoding: .utf8)
        try "[2028]\nrest = []\n".write(toFile: dir + "/2028.toml", atomically: true, encoding: .utf8)
        let calendar = try WorkingDays.load(templatesDirectory: dir, file: dir + "/2028.toml")
        #expect(calendar.knownYears == [2025, 2026, 2027, 2028])
    }

    @Test("a malformed calendar names its file and line", arguments: [
        ("[2027]\nrest = [\"13-01\"]\n", 2),
        ("[2027]\nwork = [\"01-05\"]\n", 2),               // a Tuesday cannot be a make-up workday
        ("rest = [\"01-01\"]\n", 1),                          // before any year
        ("[2027]\nrest = [\"01-01\"]\nwork = [\"01-01\"]\n", 3), // both rest and work (not a weekend either)
        ("[2027]\nrest = [\n\"01-01\",\n", 2),               // never closed
        ("[2027]\nholidays = []\n", 2),                       // unknown key
        ("[2027]\n[2027]\n", 2),                              // year twice
        ("[27]\n", 1),
    ])
    func malformed(text: String, line: Int) {
        do {
            _ = try CalendarFile.parse(text, file: "bad.toml")
            Issue.record("accepted: \(text)")
        } catch {
            guard case .calendar(let file, let l, _, _, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "bad.toml" && l == line, "\(error.description)")
        }
    }

    @Test("civil dates: weekdays, day numbers round trip, bad dates refused")
    func civilDates() {
        #expect(Self.day("1970-01-01").weekday == 4)
        #expect(Self.day("2026-11-26").weekdayName == "星期四")
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-00-10", "２０２６-01-01"] {
            #expect(CivilDate(bad) == nil, "\(bad)")
        }
        #expect(CivilDate("2024-02-29") != nil)
    }
}
