import Printer
import Bundled

/// The Chinese working-day calendar: weekends rest, statutory holidays rest, and the 调休
/// weekend days worked instead — for the years the data knows, and no others.
///
/// The data is a file (`Templates/calendar/workdays-cn.toml`, see `CalendarFile`), because the
/// State Council publishes each next year's schedule every November; a user extends it with a
/// file of their own. A date in a year the data does not cover is an error, never a guess.
public struct WorkingDays: Sendable, Equatable {
    /// One year's schedule.
    public struct Year: Sendable, Equatable {
        /// Days off besides ordinary weekends (holidays, including those on weekdays).
        public var rest: Set<CivilDate>
        /// Weekend days that are working days (调休上班).
        public var work: Set<CivilDate>
        /// Where the schedule comes from, e.g. `国办发明电〔2024〕12号`.
        public var source: String
        /// The file the year was read from.
        public var file: String

        public init(rest: Set<CivilDate>, work: Set<CivilDate>, source: String, file: String) {
            self.rest = rest
            self.work = work
            self.source = source
            self.file = file
        }
    }

    public private(set) var years: [Int: Year]

    public init(years: [Int: Year] = [:]) { self.years = years }

    /// The path of the shipped calendar among the embedded files.
    public static let shippedPath = "Templates/calendar/workdays-cn.toml"

    /// The calendar shipped with pingshen (2025 and 2026 at release).
    public static func shipped() throws(DocumentsError) -> WorkingDays {
        guard let text = Bundled.text(shippedPath) else {
            throw .file(path: shippedPath, chinese: "内置工作日历缺失", english: "the shipped working-day calendar is missing")
        }
        return try CalendarFile.parse(text, file: shippedPath)
    }

    /// The years the calendar knows, ascending.
    public var knownYears: [Int] { years.keys.sorted() }

    /// `self` with every year of `other` added; a year both know is taken whole from `other`.
    public func extended(with other: WorkingDays) -> WorkingDays {
        WorkingDays(years: years.merging(other.years) { _, new in new })
    }

    /// Whether `date` is a working day.
    /// - Throws: `DocumentsError.outsideCalendar` when the calendar has no data for its year.
    public func isWorkingDay(_ date: CivilDate) throws(DocumentsError) -> Bool {
        guard let year = years[date.year] else { throw .outsideCalendar(date: date, known: knownYears) }
        if year.rest.contains(date) { return false }
        if year.work.contains(date) { return true }
        return !date.isWeekend
    }

    /// The `n`th working day of a period starting on `start`, counting `start` itself when it
    /// is a working day: the last day of a period of `n` working days (公示期 ≥ 5 个工作日).
    public func lastDay(ofWorkingDays n: Int, from start: CivilDate) throws(DocumentsError) -> CivilDate {
        precondition(n >= 1, "a period has at least one working day")
        var day = start
        var counted = 0
        while true {
            if try isWorkingDay(day) {
                counted += 1
                if counted == n { return day }
            }
            day = day.adding(days: 1)
        }
    }

    /// The number of working days in `year`.
    public func workingDays(in year: Int) throws(DocumentsError) -> Int {
        guard let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) else { return 0 }
        var count = 0
        for n in first.dayNumber...last.dayNumber where try isWorkingDay(CivilDate(dayNumber: n)) { count += 1 }
        return count
    }
}
