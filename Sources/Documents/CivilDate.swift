import Printer
import Records

/// A day of the Gregorian calendar, without time or zone: a meeting date, a publicity day.
///
/// Dates are compared and stepped as day numbers (days since 1970-01-01), in integers.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date `year-month-day`, or nil when no such day exists (2026-02-29, 2026-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDays.isDate(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` (the ISO form the settings and the command line use).
    public init?(_ text: String) {
        guard let date = CivilDays.date(iso: text) else { return nil }
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// The date with day number `n` (days since 1970-01-01).
    public init(dayNumber n: Int) {
        (year, month, day) = CivilDays.date(dayNumber: n)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { CivilDays.dayNumber(year: year, month: month, day: day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// `星期一` … `星期日`.
    public var weekdayName: String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][weekday - 1]
    }

    /// The date `n` days later (earlier when negative).
    public func adding(days n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + n) }

    /// `2026-11-26`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `2026年11月26日`.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
