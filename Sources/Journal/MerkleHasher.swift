import Seal

/// RFC 9162 §2.1.1 hashing with SHA-256: a leaf is `SHA-256(0x00 ‖ entry)`, an interior node
/// `SHA-256(0x01 ‖ left ‖ right)`.
///
/// The two prefixes keep a leaf from ever being mistaken for a node (second-preimage
/// resistance). A hasher keeps one OpenSSL context and reuses it, so hashing allocates
/// nothing; keep one per loop or per task rather than making one per hash.
public struct MerkleHasher: Sendable {
    private var sha256 = ReusableDigest(.sha256)

    private static let leafPrefix: UInt8 = 0x00
    private static let nodePrefix: UInt8 = 0x01

    /// A hasher with its own OpenSSL context.
    public init() {}

    /// The leaf hash of one journal entry, given as the bytes stored on its line (no newline).
    ///
    /// - Complexity: O(*n*) in the entry length; no allocation.
    public mutating func leafHash(_ entry: UnsafeRawBufferPointer) -> TreeHash {
        var out = TreeHash()
        withUnsafeBytes(of: Self.leafPrefix) { prefix in
            withUnsafeMutableBytes(of: &out.words) { sha256.hash(prefix, entry, into: $0) }
        }
        return out
    }

    /// The leaf hash of `entry`.
    ///
    /// - Complexity: O(*n*); copies `entry` only if it has no contiguous storage.
    public mutating func leafHash(_ entry: some Collection<UInt8>) -> TreeHash {
        if let hash = entry.withContiguousStorageIfAvailable({ leafHash(UnsafeRawBufferPointer($0)) }) {
            return hash
        }
        return Array(entry).withUnsafeBytes { leafHash($0) }
    }

    /// The hash of the interior node whose children are `left` and `right`.
    ///
    /// - Complexity: O(1); no allocation.
    public mutating func nodeHash(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        var out = TreeHash()
        var l = left.words, r = right.words
        withUnsafeBytes(of: Self.nodePrefix) { prefix in
            withUnsafeBytes(of: &l) { lb in
                withUnsafeBytes(of: &r) { rb in
                    withUnsafeMutableBytes(of: &out.words) { sha256.hash(prefix, lb, rb, into: $0) }
                }
            }
        }
        return out
    }
}
