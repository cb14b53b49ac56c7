@testable import StrictJSON

/// Reads one value through `JSONReader.skipValue`, the validator the journal reader uses for `data`.
struct Skipped: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONError) { _ = try r.skipValue() }
}

/// SplitMix64: a small, fully determined generator, so a failing random case names its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 0xC0FFEE, 20_261_126]

/// The error the tape builder (the first pass of `StrictDecoder`) gives for `bytes`, or nil
/// when it reads them.
func tapeError(_ bytes: [UInt8], skimming paths: [[String]] = []) -> JSONError? {
    bytes.withUnsafeBufferPointer { buffer in
        var builder = TapeBuilder(buffer, storage: NodeStorage(capacity: 1), skims: paths.map { $0.map { Array($0.utf8) } })
        do throws(JSONError) {
            _ = try builder.build()
            return nil
        } catch {
            return error
        }
    }
}
