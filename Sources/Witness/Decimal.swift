/// ASCII decimal as the C2SP specifications write sizes and timestamps.
enum Decimal {
    /// The value of `digits` if it is `0` or a digit 1–9 followed by digits, within `UInt64`:
    /// no sign, no leading zero, no space.
    static func canonical(_ digits: some Collection<UInt8>) -> UInt64? {
        guard let first = digits.first, (0x30...0x39).contains(first) else { return nil }
        if first == 0x30 { return digits.count == 1 ? 0 : nil }
        var value: UInt64 = 0
        for c in digits {
            guard (0x30...0x39).contains(c) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(c - 0x30))
            guard !o1 && !o2 else { return nil }
            value = sum
        }
        return value
    }
}
