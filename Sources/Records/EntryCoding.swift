import Foundation

/// The one way entries become journal bytes and back: compact JSON with sorted keys.
///
/// Sorted keys make the encoding deterministic, so the same entry always yields the same
/// line; readers still keep and hash the line as read, never a re-encoding (STYLE.md 6).
public enum EntryCoding {
    /// The UTF-8 bytes of one journal line for `entry`, without the trailing newline.
    public static func encode(_ entry: Entry) throws -> [UInt8] {
        Array(try encoder().encode(entry))
    }

    /// Decodes the lines at `ranges` of `bytes` (a whole journal file), without copying them.
    /// - Throws: the index of the first line that fails, with its error.
    public static func decodeLines(_ bytes: [UInt8], _ ranges: [Range<Int>]) throws(LineError) -> [Entry] {
        var out: [Entry] = []
        out.reserveCapacity(ranges.count)
        try bytes.withUnsafeBufferPointer { buffer throws(LineError) in
            for (i, range) in ranges.enumerated() {
                do throws(JSONError) {
                    var reader = JSONReader(UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), from: range.lowerBound)
                    out.append(try Entry(reading: &reader))
                    try reader.finish()
                } catch {
                    throw LineError(index: i, error: JSONError(offset: error.offset - range.lowerBound, problem: error.problem))
                }
            }
        }
        return out
    }

    /// A journal line that could not be decoded: its 0-based index and the problem.
    public struct LineError: Error, Sendable {
        public var index: Int
        public var error: JSONError
    }

    /// Decodes one journal line (without its newline).
    public static func decode(_ line: some Collection<UInt8>) throws(JSONError) -> Entry {
        try JSONReader.read(Entry.self, from: line)
    }

    /// Compact JSON of any record value, sorted keys, slashes unescaped.
    public static func encodeValue<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    private static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

extension EntryCoding {
    /// Decodes any record value from compact JSON.
    public static func decodeValue<T: JSONReadable>(_ type: T.Type, _ bytes: some Collection<UInt8>) throws(JSONError) -> T {
        try JSONReader.read(T.self, from: bytes)
    }
}
