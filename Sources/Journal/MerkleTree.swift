/// A Merkle tree (RFC 9162 §2.1) over a sequence of leaf hashes that keeps the hash of every
/// complete subtree, so that the root of any earlier size and any proof cost O(log *n*) hashes.
///
/// Level 0 holds the leaf hashes; level *j* holds, for each *i* with (*i*+1)·2^*j* ≤ `size`,
/// the hash of leaves *i*·2^*j* ..< (*i*+1)·2^*j*. Every subtree that RFC 9162's recursive
/// definitions visit is either one of these or a right-border subtree made of O(log *n*) of
/// them, so nothing is ever recomputed from the leaves. Storage is about 2·`size` hashes
/// (64 bytes per leaf), in one contiguous array per level.
///
/// Sizes and indices are `UInt64`, as in RFC 9162 (`tree_size`, `leaf_index`).
public struct MerkleTree: Sendable {
    private var levels: [[TreeHash]] = [[]]
    private var hasher = MerkleHasher()

    /// An empty tree.
    public init() {}

    /// The tree over `leafHashes`, in order.
    ///
    /// - Complexity: O(*n*) node hashes, computed level by level.
    public init(leafHashes: [TreeHash]) {
        levels = [leafHashes]
        var level = 0
        while levels[level].count > 1 {
            let below = levels[level]
            var above = [TreeHash]()
            above.reserveCapacity(below.count / 2)
            below.withUnsafeBufferPointer { b in
                var i = 0
                while i + 1 < b.count {
                    above.append(hasher.nodeHash(b[i], b[i + 1]))
                    i += 2
                }
            }
            levels.append(above)
            level += 1
        }
    }

    /// Number of leaves.
    ///
    /// - Complexity: O(1)
    public var size: UInt64 { UInt64(levels[0].count) }

    /// All leaf hashes, in order.
    ///
    /// - Complexity: O(1)
    public var leafHashes: [TreeHash] { levels[0] }

    /// Appends one leaf.
    ///
    /// - Complexity: O(1) amortised node hashes, O(log *n*) in the worst case.
    public mutating func append(leafHash: TreeHash) {
        levels[0].append(leafHash)
        var level = 0
        var index = levels[0].count - 1
        // A node at an odd index completes a pair: its parent is now complete too.
        while index & 1 == 1 {
            let parent = hasher.nodeHash(levels[level][index - 1], levels[level][index])
            if levels.count == level + 1 { levels.append([]) }
            levels[level + 1].append(parent)
            level += 1
            index >>= 1
        }
    }

    /// The root of the tree formed by the first `size` leaves (`TreeHash.emptyTree` for 0).
    ///
    /// - Throws: `MerkleTreeError.sizeBeyondTree` if `size > self.size`.
    /// - Complexity: O(log *n*) node hashes.
    public func root(ofSize size: UInt64) throws(MerkleTreeError) -> TreeHash {
        guard size <= self.size else { throw .sizeBeyondTree(requested: size, available: self.size) }
        if size == 0 { return .emptyTree }
        var hasher = MerkleHasher()
        return subtreeHash(0, size, &hasher)
    }

    /// The root of the whole tree.
    ///
    /// - Complexity: O(log *n*) node hashes.
    public var root: TreeHash {
        // Cannot throw: the whole tree is never beyond itself.
        (try? root(ofSize: size)) ?? .emptyTree
    }

    /// The inclusion proof (RFC 9162 §2.1.3.1, `PATH`) for leaf `index` in the tree of the first
    /// `size` leaves: the sibling hashes from the leaf up to the root.
    ///
    /// - Throws: `MerkleTreeError` unless `index < size <= self.size`.
    /// - Complexity: O(log *n*) hashes for a proof of O(log *n*) entries.
    public func inclusionProof(leafIndex index: UInt64, treeSize size: UInt64) throws(MerkleTreeError) -> InclusionProof {
        guard size <= self.size else { throw .sizeBeyondTree(requested: size, available: self.size) }
        guard index < size else { throw .indexNotBelowSize(index: index, size: size) }
        var hasher = MerkleHasher()
        var path: [TreeHash] = []
        // PATH(m, D[begin:end]), unrolled from the root down; entries are collected top-down
        // and reversed at the end so that the proof lists the leaf's sibling first.
        var begin: UInt64 = 0, end = size, m = index
        while end - begin > 1 {
            let k = Self.largestPowerOfTwo(below: end - begin)
            if m < k {
                path.append(subtreeHash(begin + k, end, &hasher))
                end = begin + k
            } else {
                path.append(subtreeHash(begin, begin + k, &hasher))
                begin += k
                m -= k
            }
        }
        return InclusionProof(leafIndex: index, treeSize: size, path: path.reversed())
    }

    /// The consistency proof (RFC 9162 §2.1.4.1, `PROOF`) that the tree of the first `oldSize`
    /// leaves is a prefix of the tree of the first `newSize` leaves.
    ///
    /// The proof is empty when the sizes are equal. A proof from the empty tree does not exist
    /// (every tree extends it; there is nothing to prove).
    ///
    /// - Throws: `MerkleTreeError` unless `0 < oldSize <= newSize <= self.size`.
    /// - Complexity: O(log *n*) hashes for a proof of O(log *n*) entries.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws(MerkleTreeError) -> ConsistencyProof {
        guard newSize <= self.size else { throw .sizeBeyondTree(requested: newSize, available: self.size) }
        guard oldSize <= newSize else { throw .sizesReversed(old: oldSize, new: newSize) }
        guard oldSize > 0 else { throw .emptyOldTree }
        var hasher = MerkleHasher()
        var path: [TreeHash] = []
        // SUBPROOF(m, D[begin:end], b), unrolled; collected top-down, reversed at the end.
        var begin: UInt64 = 0, end = newSize, m = oldSize
        var startsAtOldRoot = true
        while m != end - begin {
            let k = Self.largestPowerOfTwo(below: end - begin)
            if m <= k {
                path.append(subtreeHash(begin + k, end, &hasher))
                end = begin + k
            } else {
                path.append(subtreeHash(begin, begin + k, &hasher))
                begin += k
                m -= k
                startsAtOldRoot = false
            }
        }
        if !startsAtOldRoot {
            path.append(subtreeHash(begin, end, &hasher))
        }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, path: path.reversed())
    }

    /// MTH(D[begin:end]) for a range RFC 9162's recursion produces: `begin` is a multiple of a
    /// power of two at least `end - begin`, so its left part is a stored complete subtree.
    private func subtreeHash(_ begin: UInt64, _ end: UInt64, _ hasher: inout MerkleHasher) -> TreeHash {
        let count = end - begin
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            return levels[level][Int(begin >> UInt64(level))]
        }
        let k = Self.largestPowerOfTwo(below: count)
        let left = subtreeHash(begin, begin + k, &hasher)
        let right = subtreeHash(begin + k, end, &hasher)
        return hasher.nodeHash(left, right)
    }

    /// The largest power of two strictly less than `n` (RFC 9162's *k*), for `n > 1`.
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        1 << UInt64(UInt64.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }
}

/// A request a `MerkleTree` cannot answer, because of the sizes or index asked for.
public enum MerkleTreeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A size larger than the tree.
    case sizeBeyondTree(requested: UInt64, available: UInt64)
    /// An inclusion proof for a leaf that is not in the tree of that size.
    case indexNotBelowSize(index: UInt64, size: UInt64)
    /// A consistency proof to a smaller tree.
    case sizesReversed(old: UInt64, new: UInt64)
    /// A consistency proof from the empty tree, which proves nothing.
    case emptyOldTree

    public var description: String {
        switch self {
        case let .sizeBeyondTree(requested, available):
            "树大小 \(requested) 超出日志现有的 \(available) 条 (tree size \(requested) is beyond the \(available) entries present)"
        case let .indexNotBelowSize(index, size):
            "条目 \(index) 不在大小为 \(size) 的树中 (leaf \(index) is not in a tree of size \(size))"
        case let .sizesReversed(old, new):
            "一致性证明的旧树 \(old) 大于新树 \(new) (consistency proof from size \(old) to smaller size \(new))"
        case .emptyOldTree:
            "不能从空树出发证明一致性 (no consistency proof exists from the empty tree)"
        }
    }
}
