import Foundation
import Testing
import Records

/// `CivilDays` against Foundation's Gregorian calendar in UTC, every tenth day from 1600 to 2400
/// (leap centuries 1600, 2000, 2400 and the common 1700, 1800, 1900, 2100 included), both ways.
@Suite struct CivilDaysTests {
    @Test("day numbers and dates agree with Foundation's Gregorian calendar, both ways")
    func againstFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = CivilDays.dayNumber(year: 1600, month: 1, day: 1)
        let last = CivilDays.dayNumber(year: 2400, month: 12, day: 31)
        for n in stride(from: first, through: last, by: 10) {
            let date = Date(timeIntervalSince1970: TimeInterval(n) * 86400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let (y, m, d) = CivilDays.date(dayNumber: n)
            #expect(y == parts.year && m == parts.month && d == parts.day, "day \(n)")
            #expect(CivilDays.dayNumber(year: y, month: m, day: d) == n)
        }
    }

    @Test("fixed points: the epoch, leap days, the day before the epoch")
    func fixedPoints() {
        #expect(CivilDays.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDays.dayNumber(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilDays.dayNumber(year: 2000, month: 3, day: 1) - CivilDays.dayNumber(year: 2000, month: 2, day: 28) == 2)
        #expect(CivilDays.dayNumber(year: 2100, month: 3, day: 1) - CivilDays.dayNumber(year: 2100, month: 2, day: 28) == 1)
        let meeting = CivilDays.date(dayNumber: 20_783)  // Python: (date(2026,11,26) - date(1970,1,1)).days
        #expect(meeting.year == 2026 && meeting.month == 11 && meeting.day == 26)
    }
}
