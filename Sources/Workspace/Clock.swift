import Records

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a session gets the time of each entry. Asia/Shanghai has no daylight saving, so
/// every timestamp is written with the fixed `+08:00` offset.
public protocol SessionClock: Sendable {
    /// The current time as `YYYY-MM-DDTHH:MM:SS+08:00`.
    func now() -> String
}

/// The computer's clock, shown in China Standard Time.
public struct SystemClock: SessionClock {
    public init() {}

    public func now() -> String {
        ShanghaiTime.format(epochSeconds: Int64(time(nil)))
    }
}

/// A clock that always answers the same time (tests, drills, replaying a paper record).
public struct FixedClock: SessionClock {
    public let time: String
    public init(_ time: String) { self.time = time }
    public func now() -> String { time }
}

/// Conversions between seconds since 1970 and `+08:00` timestamps.
public enum ShanghaiTime {
    public static func format(epochSeconds: Int64) -> String {
        let local = epochSeconds + 8 * 3600
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let seconds = Int(local - days * 86400)
        let (y, m, d) = CivilDays.date(dayNumber: Int(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))+08:00"
    }

    /// Seconds since 1970 for a `YYYY-MM-DDTHH:MM:SS+08:00` timestamp, or nil if it is not one.
    public static func parse(_ s: String) -> Int64? {
        let c = Array(s.utf8)
        guard c.count == 25, c[4] == 45, c[7] == 45, c[10] == 84, c[13] == 58, c[16] == 58,
              String(decoding: c[19...], as: UTF8.self) == "+08:00" else { return nil }
        func number(_ r: Range<Int>) -> Int? { Int(String(decoding: c[r], as: UTF8.self)) }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let se = number(17..<19),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, se < 60 else { return nil }
        let days = Int64(CivilDays.dayNumber(year: y, month: mo, day: d))
        return days * 86400 + Int64(h * 3600 + mi * 60 + se) - 8 * 3600
    }
}
