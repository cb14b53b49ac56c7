import Foundation
import Records

/// The journal's timestamps: `YYYY-MM-DDTHH:MM:SS+08:00`, Beijing time, nothing else.
enum ShanghaiTime {
    /// Seconds since 1970 for a well-formed timestamp of a real calendar day, or nil.
    static func seconds(_ text: String) -> Int64? {
        var t = text
        return t.withUTF8 { c -> Int64? in
            guard c.count == 25, c[4] == 0x2D, c[7] == 0x2D, c[10] == 0x54, c[13] == 0x3A, c[16] == 0x3A,
                  c[19] == 0x2B, c[20] == 0x30, c[21] == 0x38, c[22] == 0x3A, c[23] == 0x30, c[24] == 0x30 else { return nil }
            func number(_ r: Range<Int>) -> Int? {
                var n = 0
                for i in r {
                    guard c[i] >= 0x30, c[i] <= 0x39 else { return nil }
                    n = n * 10 + Int(c[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
                  let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
                  y >= 1970, (1...12).contains(mo), d >= 1, d <= CivilDays.days(inMonth: mo, year: y), h < 24, mi < 60, s < 60
            else { return nil }
            return Int64(CivilDays.dayNumber(year: y, month: mo, day: d)) * 86400 + Int64(h * 3600 + mi * 60 + s) - 8 * 3600
        }
    }

    /// The moment of a well-formed timestamp.
    static func date(_ text: String) -> Date? {
        seconds(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// A moment as `YYYY-MM-DD HH:MM:SS` Beijing time, for messages.
    static func format(_ date: Date) -> String {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let s = Int(local - days * 86400)
        let (y, m, d) = CivilDays.date(dayNumber: Int(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d)) \(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// `HH:MM` of a timestamp, for messages.
    static func clock(_ text: String) -> String {
        text.count >= 16 ? String(text.dropFirst(11).prefix(5)) : text
    }
}
