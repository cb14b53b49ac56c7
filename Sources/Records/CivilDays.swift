/// Day numbers of the proleptic Gregorian calendar — days since 1970-01-01 — and back, by
/// Howard Hinnant's `days_from_civil` / `civil_from_days`: exact for any year, no tables.
///
/// The one place the journal's dates become arithmetic: the session's clock, the papers'
/// working-day calendar and the inspector's timestamps all count days with it.
public enum CivilDays {
    /// Days since 1970-01-01 of `year`-`month`-`day` (month 1…12; the day is not range-checked).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date whose day number is `n`.
    public static func date(dayNumber n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
