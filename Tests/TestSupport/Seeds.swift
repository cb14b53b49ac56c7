import Foundation

/// The seeds randomised tests run with.
///
/// Every randomised test takes its seed as a test argument (Swift Testing prints the argument
/// of a failing case), so a failure replays with `PINGSHEN_TEST_SEED=<seed>`.
public enum Seeds {
    /// This run's own seed: `PINGSHEN_TEST_SEED` (decimal, or hexadecimal after `0x`) if set,
    /// else a fresh random one. Printed once per run, so even a crash names it.
    public static let run: UInt64 = {
        let seed = fromEnvironment ?? UInt64.random(in: 0...UInt64.max)
        print("PINGSHEN_TEST_SEED=\(seed) (set it to replay this run's random cases)")
        return seed
    }()

    /// `PINGSHEN_TEST_SEED`, if it is set to a number.
    public static var fromEnvironment: UInt64? {
        guard let text = ProcessInfo.processInfo.environment["PINGSHEN_TEST_SEED"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.lowercased().hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }

    /// Two fixed seeds and this run's.
    public static let all: [UInt64] = [0x5EED_0001, 20_250_611, run]
}
