/// A proof that one leaf is in a tree of a given size (RFC 9162 §2.1.3).
///
/// `path` lists sibling hashes from the leaf's level up to the root's children, as `PATH` in
/// RFC 9162 §2.1.3.1 produces them; its length is fully determined by `leafIndex` and
/// `treeSize`, and verification rejects any other length.
///
/// The proof binds the tree size only through the shape of its path: two sizes whose paths
/// turn the same way at every level accept the same proof against the same root (leaf 0 of a
/// 7-leaf tree and of a 6-leaf tree, for one). What ties a size to a root is the checkpoint
/// signature, so always take `treeSize` and `root` from the same verified checkpoint.
public struct InclusionProof: Sendable, Hashable {
    /// 0-based index of the leaf.
    public var leafIndex: UInt64
    /// Size of the tree the proof is for.
    public var treeSize: UInt64
    /// Sibling hashes, bottom-up.
    public var path: [TreeHash]

    public init(leafIndex: UInt64, treeSize: UInt64, path: [TreeHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.path = path
    }

    /// Checks that a leaf with hash `leafHash` sits at `leafIndex` in the tree of `treeSize`
    /// leaves whose root is `root`, following RFC 9162 §2.1.3.2 step by step.
    ///
    /// - Complexity: O(`path.count`) node hashes, at most 64.
    public func verify(leafHash: TreeHash, root: TreeHash) -> ProofVerdict {
        // Step 1.
        guard leafIndex < treeSize else { return .rejected(.indexNotBelowSize(index: leafIndex, size: treeSize)) }
        var hasher = MerkleHasher()
        // Steps 2-3.
        var fn = leafIndex, sn = treeSize - 1
        var r = leafHash
        // Step 4.
        for p in path {
            guard sn != 0 else { return .rejected(.pathTooLong) }
            if fn & 1 == 1 || fn == sn {
                r = hasher.nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = hasher.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        // Step 5.
        guard sn == 0 else { return .rejected(.pathTooShort) }
        return r == root ? .verified : .rejected(.rootMismatch)
    }
}

/// A proof that a tree of `oldSize` leaves is a prefix of a tree of `newSize` leaves
/// (RFC 9162 §2.1.4): the log only appended.
///
/// `path` is `PROOF(oldSize, D[newSize])` of RFC 9162 §2.1.4.1; it is empty exactly when the
/// sizes are equal.
///
/// As with `InclusionProof`, the sizes are bound only through the path's shape (a proof from
/// 1 to 7 leaves also verifies as 1 to 6 against the same roots): take each size together
/// with its root from one verified checkpoint.
public struct ConsistencyProof: Sendable, Hashable {
    /// Size of the earlier tree.
    public var oldSize: UInt64
    /// Size of the later tree.
    public var newSize: UInt64
    /// Subtree hashes, bottom-up.
    public var path: [TreeHash]

    public init(oldSize: UInt64, newSize: UInt64, path: [TreeHash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.path = path
    }

    /// Checks that `oldRoot` (of `oldSize` leaves) and `newRoot` (of `newSize` leaves) are
    /// roots of the same log, the second an extension of the first, following RFC 9162
    /// §2.1.4.2 step by step.
    ///
    /// Before the RFC's algorithm (which assumes 0 < `oldSize` < `newSize`): a proof from the
    /// empty tree is rejected as meaningless (compare with `TreeHash.emptyTree` instead);
    /// sizes in the wrong order are rejected; equal sizes need an empty path and equal roots.
    ///
    /// - Complexity: O(`path.count`) node hashes, at most 2 × 64.
    public func verify(oldRoot: TreeHash, newRoot: TreeHash) -> ProofVerdict {
        guard oldSize <= newSize else { return .rejected(.sizesReversed(old: oldSize, new: newSize)) }
        guard oldSize > 0 else { return .rejected(.emptyOldTree) }
        if oldSize == newSize {
            guard path.isEmpty else { return .rejected(.pathTooLong) }
            return oldRoot == newRoot ? .verified : .rejected(.rootMismatch)
        }
        // Step 1.
        guard !path.isEmpty else { return .rejected(.emptyPath) }
        // Step 2: a power-of-two old tree is itself a node of the new tree.
        var hashes = path[...]
        let seed: TreeHash
        if oldSize & (oldSize - 1) == 0 {
            seed = oldRoot
        } else {
            seed = hashes.removeFirst()
        }
        var hasher = MerkleHasher()
        // Step 3.
        var fn = oldSize - 1, sn = newSize - 1
        // Step 4.
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // Step 5.
        var fr = seed, sr = seed
        // Step 6.
        for c in hashes {
            guard sn != 0 else { return .rejected(.pathTooLong) }
            if fn & 1 == 1 || fn == sn {
                fr = hasher.nodeHash(c, fr)
                sr = hasher.nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = hasher.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        // Step 7.
        guard sn == 0 else { return .rejected(.pathTooShort) }
        guard fr == oldRoot else { return .rejected(.oldRootMismatch) }
        guard sr == newRoot else { return .rejected(.rootMismatch) }
        return .verified
    }
}

/// The answer of a proof check: verified, or rejected with the reason.
///
/// A verifier collects verdicts and reports every rejection (STYLE 5); nothing here throws.
public enum ProofVerdict: Sendable, Hashable, CustomStringConvertible {
    case verified
    case rejected(ProofRejection)

    /// Whether the proof verified.
    public var isVerified: Bool { self == .verified }

    public var description: String {
        switch self {
        case .verified: "证明成立 (proof verified)"
        case .rejected(let reason): "证明不成立 (proof rejected): \(reason)"
        }
    }
}

/// Why a Merkle proof was rejected.
public enum ProofRejection: Sendable, Hashable, CustomStringConvertible {
    /// Inclusion: the leaf index is not below the tree size (RFC 9162 §2.1.3.2 step 1).
    case indexNotBelowSize(index: UInt64, size: UInt64)
    /// Consistency: the old size is larger than the new one.
    case sizesReversed(old: UInt64, new: UInt64)
    /// Consistency: the old tree is empty, which every tree extends; such a proof proves nothing.
    case emptyOldTree
    /// Consistency between different sizes with no hashes (RFC 9162 §2.1.4.2 step 1).
    case emptyPath
    /// More hashes than the tree's shape allows (the RFC's "sn is 0" before the path ends).
    case pathTooLong
    /// Fewer hashes than the tree's shape needs (the RFC's "sn is not 0" at the end).
    case pathTooShort
    /// Consistency: the path does not rebuild the old root.
    case oldRootMismatch
    /// The path does not rebuild the (new) root.
    case rootMismatch

    public var description: String {
        switch self {
        case let .indexNotBelowSize(index, size):
            "条目序号 \(index) 不小于树大小 \(size) (leaf index \(index) is not below tree size \(size))"
        case let .sizesReversed(old, new):
            "旧树大小 \(old) 大于新树大小 \(new) (old size \(old) exceeds new size \(new))"
        case .emptyOldTree:
            "旧树为空，一致性证明无意义 (the old tree is empty; a consistency proof from it proves nothing)"
        case .emptyPath:
            "大小不同但证明为空 (sizes differ but the proof is empty)"
        case .pathTooLong:
            "证明哈希多于树形所需 (the proof has more hashes than the tree's shape allows)"
        case .pathTooShort:
            "证明哈希少于树形所需 (the proof has fewer hashes than the tree's shape needs)"
        case .oldRootMismatch:
            "证明推出的旧根与给定旧根不符 (the proof does not rebuild the old root)"
        case .rootMismatch:
            "证明推出的根与给定根不符 (the proof does not rebuild the root)"
        }
    }
}
