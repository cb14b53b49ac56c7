import TextFormats

/// A node of the journal's Merkle tree: one SHA-256 value, exactly 32 bytes.
///
/// Leaf hashes, interior node hashes and roots are all `TreeHash`es. The bytes live inline
/// (no heap storage), so arrays of millions of them are one contiguous block and hashing a
/// pair of them allocates nothing. A value of any other length cannot be a `TreeHash`:
/// parsing a proof or a checkpoint rejects it before any comparison is made.
public struct TreeHash: Hashable, Sendable, CustomStringConvertible {
    /// The length of every tree hash, in bytes.
    public static let byteCount = 32

    // The 32 bytes in memory order; never interpreted as integers except to compare them.
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    /// The hash with these bytes, or nil unless there are exactly 32 of them.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        Swift.withUnsafeMutableBytes(of: &words) { out in
            for (i, byte) in bytes.enumerated() { out[i] = byte }
        }
    }

    /// The hash whose standard base64 (RFC 4648 §4, padded, canonical) is `text`, or nil if
    /// `text` is not canonical base64 or does not decode to exactly 32 bytes.
    public init?(base64 text: some StringProtocol) {
        guard let bytes = Base64.decode(text) else { return nil }
        self.init(bytes)
    }

    /// The hash whose lowercase or uppercase hex is `text`, or nil.
    public init?(hex text: some StringProtocol) {
        let digits = Array(text.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.byteCount)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[i]), let low = Self.nibble(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes)
    }

    /// SHA-256 of the empty string: the root of the empty tree (RFC 9162 §2.1.1).
    public static let emptyTree = TreeHash(hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")!

    /// The 32 bytes, as a new array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Standard padded base64, as written on a checkpoint's root line.
    public var base64: String { Base64.encode(bytes) }

    /// Lowercase hex.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(2 * Self.byteCount)
        withUnsafeBytes { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// Calls `body` with the 32 bytes; the pointer is valid only inside `body`.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw) }
    }

    public static func == (a: TreeHash, b: TreeHash) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
