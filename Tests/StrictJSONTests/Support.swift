@testable import StrictJSON
import TestSupport

/// Reads one value through `JSONReader.skipValue`, the validator the journal reader uses for `data`.
struct Skipped: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONError) { _ = try r.skipValue() }
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
