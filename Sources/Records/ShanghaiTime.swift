/// The journal's timestamps: `YYYY-MM-DDTHH:MM:SS+08:00`, China Standard Time, which has no
/// daylight saving — so every timestamp carries the fixed `+08:00` offset.
///
/// Reading is as strict as the inspector's verifier: exactly that shape in ASCII digits, a real
/// calendar day (leap years included), hours 00–23, minutes and seconds 00–59, the offset
/// `+08:00` and nothing else, and a year from 1970 on. The session writes no time the verifier
/// would refuse.
public enum ShanghaiTime {
    /// The timestamp of the moment `epochSeconds` seconds after 1970-01-01T00:00:00Z.
    public static func format(epochSeconds: Int64) -> String {
        let local = epochSeconds + 8 * 3600
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let seconds = Int(local - days * 86400)
        let (y, m, d) = CivilDays.date(dayNumber: Int(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))+08:00"
    }

    /// Seconds since 1970-01-01T00:00:00Z of the timestamp `text`, or nil if it is not one.
    public static func parse(_ text: String) -> Int64? {
        let c = Array(text.utf8)
        guard c.count == 25, c[10] == UInt8(ascii: "T"), c[13] == UInt8(ascii: ":"), c[16] == UInt8(ascii: ":"),
              c[19...].elementsEqual("+08:00".utf8),
              let date = CivilDays.date(iso: c[..<10]), date.year >= 1970,
              let hour = CivilDays.digits(c[11..<13]), let minute = CivilDays.digits(c[14..<16]), let second = CivilDays.digits(c[17..<19]),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = Int64(CivilDays.dayNumber(year: date.year, month: date.month, day: date.day))
        return days * 86400 + Int64(hour * 3600 + minute * 60 + second) - 8 * 3600
    }
}
