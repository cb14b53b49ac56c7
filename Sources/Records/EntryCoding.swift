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

    /// Decodes one journal line (without its newline).
    public static func decode(_ line: some Collection<UInt8>) throws -> Entry {
        try JSONDecoder().decode(Entry.self, from: Data(line))
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
    public static func decodeValue<T: Decodable>(_ type: T.Type, _ bytes: some Collection<UInt8>) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(bytes))
    }
}
