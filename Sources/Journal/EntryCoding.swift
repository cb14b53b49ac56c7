import Foundation
import Records
import StrictJSON

/// The one way entries become journal lines and back: compact JSON with sorted keys, read
/// with `StrictDecoder`.
///
/// Sorted keys make the encoding deterministic, so the same entry always yields the same
/// line; readers still keep and hash the line as read, never a re-encoding (STYLE.md 6).
public enum EntryCoding {
    /// The UTF-8 bytes of one journal line for `entry`, without the trailing newline.
    public static func encode(_ entry: Entry) throws -> [UInt8] {
        Array(try encoder().encode(entry))
    }

    /// Decodes one journal line (without its newline).
    public static func decode(_ line: some Collection<UInt8>) throws(JSONError) -> Entry {
        try StrictDecoder().decode(Entry.self, from: line)
    }

    /// Decodes the lines at `ranges` of `bytes` (a whole journal file), without copying them.
    /// A long journal is decoded in chunks on all cores.
    /// With `omittingBallots`, closed rounds' ballot blocks are checked for syntax only and not
    /// decoded (`RoundClosed.ballotsOmitted`).
    /// - Throws: the index of the first line that fails, with its error.
    public static func decodeLines(_ bytes: [UInt8], _ ranges: [Range<Int>], omittingBallots: Bool = false) throws(LineError) -> [Entry] {
        let cores = decodingCores
        guard cores > 1, ranges.count >= 2048 else { return try decodeChunk(bytes, ranges[...], base: 0, omittingBallots: omittingBallots) }
        let chunk = (ranges.count + cores - 1) / cores
        let results = ChunkResults(count: cores)
        DispatchQueue.concurrentPerform(iterations: cores) { i in
            let lower = min(i * chunk, ranges.count), upper = min(lower + chunk, ranges.count)
            results.store(i, Result { () throws(LineError) in
                try decodeChunk(bytes, ranges[lower..<upper], base: lower, omittingBallots: omittingBallots)
            })
        }
        var out: [Entry] = []
        out.reserveCapacity(ranges.count)
        for i in 0..<cores {
            switch results.take(i) {
            case .success(let entries): out += entries
            case .failure(let error): throw error
            }
        }
        return out
    }

    /// Cores a long journal is decoded on, asked once: `activeProcessorCount` reads the cgroup
    /// files on every call, which costs more than decoding a short journal.
    private static let decodingCores = min(4, ProcessInfo.processInfo.activeProcessorCount)

    /// Where a closed round's ballot block sits in a journal line.
    static let ballotBlock = ["payload", "ballots"]

    /// A decoder for journal lines (`Entry`), to be reused line after line on one thread.
    /// With `omittingBallots`, closed rounds' ballot blocks are checked for syntax only.
    public static func lineDecoder(omittingBallots: Bool = false) -> StrictDecoder {
        omittingBallots
            ? StrictDecoder(userInfo: [RoundClosed.omittingBallots: true], skimming: [ballotBlock])
            : StrictDecoder()
    }

    static func decodeChunk(_ bytes: [UInt8], _ ranges: ArraySlice<Range<Int>>, base: Int, omittingBallots: Bool) throws(LineError) -> [Entry] {
        var out: [Entry] = []
        out.reserveCapacity(ranges.count)
        let decoder = lineDecoder(omittingBallots: omittingBallots)
        try bytes.withUnsafeBufferPointer { buffer throws(LineError) in
            for (offset, range) in ranges.enumerated() {
                do throws(JSONError) {
                    out.append(try decoder.decode(Entry.self, from: UnsafeBufferPointer(rebasing: buffer[range])))
                } catch {
                    throw LineError(index: base + offset, error: error)
                }
            }
        }
        return out
    }

    /// Per-chunk results written by concurrent workers, each to its own slot.
    private final class ChunkResults: @unchecked Sendable {
        private var slots: [Result<[Entry], LineError>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func store(_ i: Int, _ r: Result<[Entry], LineError>) { lock.withLock { slots[i] = r } }
        func take(_ i: Int) -> Result<[Entry], LineError> { lock.withLock { slots[i]! } }
    }

    /// A journal line that could not be decoded: its 0-based index and the problem.
    public struct LineError: Error, Sendable {
        public var index: Int
        public var error: JSONError
    }

    /// Compact JSON of any record value, sorted keys, slashes unescaped.
    public static func encodeValue<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// Decodes any record value from compact JSON, strictly.
    public static func decodeValue<T: Decodable>(_ type: T.Type, _ bytes: some Collection<UInt8>) throws(JSONError) -> T {
        try StrictDecoder().decode(T.self, from: bytes)
    }

    private static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
