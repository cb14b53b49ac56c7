import Foundation
import Records
import Testing

/// `ShanghaiTime` against Foundation's calendar in Asia/Shanghai, and its refusal of every
/// timestamp the inspector's verifier would refuse.
@Suite struct ShanghaiTimeTests {
    static let valid = "2026-11-26T09:30:05+08:00"

    @Test("format and parse agree with Foundation's formatter in Asia/Shanghai, both ways, 1970 to 2106")
    func againstFoundation() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        for seconds in stride(from: Int64(0), through: 4_294_967_295, by: 7_777_777) {
            let text = ShanghaiTime.format(epochSeconds: seconds)
            // Shanghai kept daylight saving in 1986–1991; the journal's fixed +08:00 is the standard time.
            if !(1986...1991).contains(Int(text.prefix(4))!) {
                #expect(text == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))), "\(seconds)")
            }
            #expect(ShanghaiTime.parse(text) == seconds, "\(text)")
        }
    }

    @Test("fixed points: the epoch in Beijing, leap days, the last second of a day")
    func fixedPoints() {
        #expect(ShanghaiTime.parse("1970-01-01T08:00:00+08:00") == 0)
        #expect(ShanghaiTime.parse("1970-01-01T00:00:00+08:00") == -28_800)
        #expect(ShanghaiTime.parse("2024-02-29T12:00:00+08:00") == 1_709_179_200)
        #expect(ShanghaiTime.parse("2000-02-29T23:59:59+08:00") == 951_839_999)
        #expect(ShanghaiTime.parse(Self.valid) == 1_795_656_605)
        #expect(ShanghaiTime.format(epochSeconds: 1_795_656_605) == Self.valid)
    }

    @Test("days that do not exist, times past the day's end, offsets other than +08:00, other shapes", arguments: [
        "2026-02-31T09:00:00+08:00", "2026-02-29T09:00:00+08:00", "2100-02-29T09:00:00+08:00", "1900-02-29T09:00:00+08:00",
        "2026-04-31T09:00:00+08:00", "2026-13-01T09:00:00+08:00", "2026-00-10T09:00:00+08:00", "2026-11-00T09:00:00+08:00",
        "2026-11-26T24:00:00+08:00", "2026-11-26T23:60:00+08:00", "2026-11-26T23:59:60+08:00",
        "2026-11-26T09:00:00+09:00", "2026-11-26T09:00:00-08:00", "2026-11-26T09:00:00Z", "2026-11-26T09:00:00+0800",
        "2026-11-26T09:00:00+08", "2026-11-26T09:00:00+08:00 ", " 2026-11-26T09:00:00+08:00", "2026-11-26 09:00:00+08:00",
        "2026-11-26t09:00:00+08:00", "2026-+1-26T09:00:00+08:00", "2026-11-26T+9:00:00+08:00", "２０２６-11-26T09:00:00+08:00",
        "2026-11-26T09:00:00.5+08:00", "1969-12-31T23:59:59+08:00", "",
    ])
    func refused(_ text: String) {
        #expect(ShanghaiTime.parse(text) == nil)
    }

    @Test("2024-02-29 exists; 2026-02-29 does not")
    func leapYears() {
        #expect(ShanghaiTime.parse("2024-02-29T00:00:00+08:00") != nil)
        #expect(ShanghaiTime.parse("2026-02-29T00:00:00+08:00") == nil)
    }

    @Test("every truncated prefix is refused, and so is the timestamp with anything after it")
    func truncation() {
        for end in 0..<Self.valid.count {
            #expect(ShanghaiTime.parse(String(Self.valid.prefix(end))) == nil, "\(Self.valid.prefix(end))")
        }
        #expect(ShanghaiTime.parse(Self.valid + "0") == nil)
        #expect(ShanghaiTime.parse(Self.valid + "\n") == nil)
    }

    @Test("YYYY-MM-DD: real days only, ASCII digits only, exactly that shape")
    func isoDates() {
        #expect(CivilDays.date(iso: "2024-02-29").map { [$0.year, $0.month, $0.day] } == [2024, 2, 29])
        for bad in ["2026-02-29", "2026-1-01", "20260101", "2026/01/01", "2026-01-01 ", "+202-01-01", "２０２６-01-01", "2026-0a-01"] {
            #expect(CivilDays.date(iso: bad) == nil, "\(bad)")
        }
        #expect((1...12).map { CivilDays.days(inMonth: $0, year: 2026) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(CivilDays.days(inMonth: 2, year: 2000) == 29 && CivilDays.days(inMonth: 2, year: 2100) == 28)
    }
}
