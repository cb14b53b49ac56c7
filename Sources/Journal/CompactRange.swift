/// The right edge of a Merkle tree over leaves `0..<size`: everything needed to append a leaf
/// and to compute the root, without keeping the leaves.
///
/// The leaves `0..<size` split uniquely into perfect subtrees, one per set bit of `size`,
/// largest first; the range keeps only their roots (`peaks`). Appending a leaf merges equal
/// subtrees like a binary counter carrying, and the tree's root is the peaks folded from the
/// right (RFC 9162 §2.1.1). This is what the session writer keeps between appends; the
/// inspector, who needs proofs, uses `MerkleTree`.
///
///     var range = CompactRange()
///     for line in journal.lines { range.append(entry: journal.bytes[line]) }
///     let root = range.root   // equals MerkleTree(...).root(ofSize: range.size)
///
/// See transparency-dev/merkle `docs/compact_ranges.md` for the general form `[begin, end)`;
/// here `begin` is always 0.
public struct CompactRange: Sendable {
    /// Number of leaves covered.
    public private(set) var size: UInt64 = 0
    /// Roots of the perfect subtrees that tile `0..<size`, leftmost (largest) first;
    /// `peaks.count == size.nonzeroBitCount`.
    public private(set) var peaks: [TreeHash] = []
    private var hasher = MerkleHasher()

    /// An empty range (size 0).
    public init() {
        peaks.reserveCapacity(UInt64.bitWidth)
    }

    /// A range restored from a saved `size` and `peaks`, or nil if their counts disagree.
    ///
    /// Nothing here can check that the peaks belong to the journal: compare the restored
    /// `root` with a signed checkpoint before trusting it.
    public init?(size: UInt64, peaks: [TreeHash]) {
        guard peaks.count == size.nonzeroBitCount else { return nil }
        self.size = size
        self.peaks = peaks
    }

    /// Appends the leaf with hash `leafHash`.
    ///
    /// - Complexity: O(1) amortised node hashes (O(log *n*) in the worst case, when `size`
    ///   ends in many 1 bits); the range never holds more than 64 hashes.
    public mutating func append(leafHash: TreeHash) {
        precondition(size < UInt64.max, "Merkle tree size overflow")
        var carry = leafHash
        // Each trailing 1 bit of `size` is a subtree of the new leaf's height: merge with it.
        var bits = size
        while bits & 1 == 1 {
            carry = hasher.nodeHash(peaks.removeLast(), carry)
            bits >>= 1
        }
        peaks.append(carry)
        size += 1
    }

    /// Hashes `entry` as a leaf and appends it.
    ///
    /// - Complexity: O(*n*) in the entry length, plus what `append(leafHash:)` costs.
    public mutating func append(entry: some Collection<UInt8>) {
        append(leafHash: hasher.leafHash(entry))
    }

    /// The Merkle tree hash of leaves `0..<size`; `TreeHash.emptyTree` when `size` is 0.
    ///
    /// - Complexity: O(log *n*) node hashes (one fewer than the number of peaks).
    public var root: TreeHash {
        guard var result = peaks.last else { return .emptyTree }
        var hasher = MerkleHasher()
        for peak in peaks.dropLast().reversed() {
            result = hasher.nodeHash(peak, result)
        }
        return result
    }
}

extension CompactRange: Equatable {
    public static func == (a: CompactRange, b: CompactRange) -> Bool {
        a.size == b.size && a.peaks == b.peaks
    }
}
