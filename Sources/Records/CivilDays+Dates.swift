/// Which dates exist, and reading them as written `YYYY-MM-DD`.
extension CivilDays {
    /// The number of days in `month` (1…12) of `year`: February has 29 in a Gregorian leap
    /// year (every fourth year, but not centuries unless divisible by 400).
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `year`-`month`-`day` is a day of the calendar (not 2026-02-29, not 2026-13-01).
    public static func isDate(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= days(inMonth: month, year: year)
    }

    /// The day written `YYYY-MM-DD` (ASCII digits, exactly that shape), or nil when the text is
    /// not one or names no real day.
    public static func date(iso text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
        date(iso: Array(text.utf8)[...])
    }

    /// The day the ASCII bytes `c` write as `YYYY-MM-DD`, or nil.
    static func date(iso c: ArraySlice<UInt8>) -> (year: Int, month: Int, day: Int)? {
        let c0 = c.startIndex
        guard c.count == 10, c[c0 + 4] == UInt8(ascii: "-"), c[c0 + 7] == UInt8(ascii: "-"),
              let year = digits(c[c0..<c0 + 4]), let month = digits(c[c0 + 5..<c0 + 7]), let day = digits(c[c0 + 8..<c0 + 10]),
              isDate(year: year, month: month, day: day) else { return nil }
        return (year, month, day)
    }

    /// The number written by ASCII digits `field`, or nil if any byte is not a digit.
    static func digits(_ field: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for b in field {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }
}
