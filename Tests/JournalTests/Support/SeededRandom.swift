import Foundation

/// SplitMix64: a small, fast, reproducible generator for property tests.
///
/// Every property test takes its seed as a test argument and names it in each failure, so a
/// failure can be replayed with `PINGSHEN_TEST_SEED=<seed>`.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}

enum Seeds {
    /// Two fixed seeds, plus `PINGSHEN_TEST_SEED` if set, else one fresh seed per run.
    static let all: [UInt64] = {
        let fixed: [UInt64] = [0x5EED_0001, 20_250_611]
        if let text = ProcessInfo.processInfo.environment["PINGSHEN_TEST_SEED"], let seed = UInt64(text) {
            return fixed + [seed]
        }
        return fixed + [UInt64.random(in: 0...UInt64.max)]
    }()
}
