/// The Merkle tree over a journal as read from disk: leaf *i* is line *i*'s bytes exactly as
/// stored, without the newline (STYLE 6: never a re-encoding).
///
/// Only complete lines are leaves: a torn tail (an append that never finished and was never
/// acknowledged) is not part of any tree. This is the inspector's view: it answers the root at
/// every size a checkpoint names, and inclusion and consistency proofs between them.
///
///     let tree = JournalTree(try JournalFile(path: p).read())
///     let root = try tree.root(ofSize: checkpoint.size)
public struct JournalTree: Sendable {
    /// The journal the tree was computed from.
    public let text: JournalText
    /// The tree over its complete lines.
    public let merkle: MerkleTree

    /// Hashes every complete line of `text` and builds the tree.
    ///
    /// - Complexity: O(total bytes) for the leaves plus O(*n*) node hashes; one allocation per
    ///   tree level, none per line.
    public init(_ text: JournalText) {
        self.text = text
        merkle = MerkleTree(leafHashes: Self.leafHashes(of: text))
    }

    /// The leaf hash of every complete line of `text`, in order.
    ///
    /// - Complexity: O(total bytes); one allocation for the result, none per line.
    public static func leafHashes(of text: JournalText) -> [TreeHash] {
        var hasher = MerkleHasher()
        var out = [TreeHash]()
        out.reserveCapacity(text.lines.count)
        text.bytes.withUnsafeBytes { file in
            for line in text.lines {
                out.append(hasher.leafHash(UnsafeRawBufferPointer(rebasing: file[line])))
            }
        }
        return out
    }

    /// Number of leaves: the journal's complete lines.
    public var size: UInt64 { merkle.size }

    /// The root of the first `size` lines.
    ///
    /// - Throws: `MerkleTreeError.sizeBeyondTree` if the journal has fewer lines.
    /// - Complexity: O(log *n*) node hashes.
    public func root(ofSize size: UInt64) throws(MerkleTreeError) -> TreeHash {
        try merkle.root(ofSize: size)
    }

    /// The inclusion proof of line `line` (0-based) in the tree of the first `size` lines.
    ///
    /// - Complexity: O(log *n*) hashes.
    public func inclusionProof(line: UInt64, treeSize size: UInt64) throws(MerkleTreeError) -> InclusionProof {
        try merkle.inclusionProof(leafIndex: line, treeSize: size)
    }

    /// The consistency proof from the first `oldSize` lines to the first `newSize` lines.
    ///
    /// - Complexity: O(log *n*) hashes.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws(MerkleTreeError) -> ConsistencyProof {
        try merkle.consistencyProof(from: oldSize, to: newSize)
    }
}
