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
