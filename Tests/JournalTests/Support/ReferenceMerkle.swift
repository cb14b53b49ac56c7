import Journal
import Seal

/// RFC 9162 §2.1 written as literally as possible, for checking the real implementation:
/// plain recursion over arrays, hashing through `Digest.hash` (not `ReusableDigest`).
enum ReferenceMerkle {
    static func leafHash(_ entry: [UInt8]) -> TreeHash {
        TreeHash(Digest.hash([0x00] + entry, using: .sha256))!
    }

    static func node(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        TreeHash(Digest.hash([0x01] + left.bytes + right.bytes, using: .sha256))!
    }

    /// k: the largest power of two smaller than n.
    static func split(_ n: Int) -> Int { Int(split(UInt64(n))) }

    static func split(_ n: UInt64) -> UInt64 {
        var k: UInt64 = 1
        while k < n - k { k <<= 1 }  // 2k < n, without overflow
        return k
    }

    /// MTH(D[n]) over leaf hashes.
    static func root(_ leaves: ArraySlice<TreeHash>) -> TreeHash {
        switch leaves.count {
        case 0: return TreeHash(Digest.hash([UInt8](), using: .sha256))!
        case 1: return leaves.first!
        default:
            let k = split(leaves.count)
            let mid = leaves.startIndex + k
            return node(root(leaves[..<mid]), root(leaves[mid...]))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<TreeHash>) -> [TreeHash] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let mid = leaves.startIndex + k
        return m < k
            ? path(m, leaves[..<mid]) + [root(leaves[mid...])]
            : path(m - k, leaves[mid...]) + [root(leaves[..<mid])]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    static func proof(_ m: Int, _ leaves: ArraySlice<TreeHash>) -> [TreeHash] {
        subproof(m, leaves, true)
    }

    static func subproof(_ m: Int, _ leaves: ArraySlice<TreeHash>, _ b: Bool) -> [TreeHash] {
        if m == leaves.count { return b ? [] : [root(leaves)] }
        let k = split(leaves.count)
        let mid = leaves.startIndex + k
        return m <= k
            ? subproof(m, leaves[..<mid], b) + [root(leaves[mid...])]
            : subproof(m - k, leaves[mid...], false) + [root(leaves[..<mid])]
    }
}

extension ReferenceMerkle {
    /// Which side each entry of PATH(m, D[n]) lies on, bottom-up (true: left of the path).
    /// Derived from the recursive definition, not from the verifier's bit arithmetic.
    static func pathSides(_ m: UInt64, _ n: UInt64) -> [Bool]? {
        guard m < n else { return nil }
        if n == 1 { return [] }
        let k = split(n)
        return m < k ? pathSides(m, k)! + [false] : pathSides(m - k, n - k)! + [true]
    }

    /// The shape of PROOF(m, D[n]): whether it starts from the old root itself (m a power of
    /// two), then the side of each entry (true: left, inside the old tree).
    static func proofShape(_ m: UInt64, _ n: UInt64) -> [Bool]? {
        guard m > 0, m <= n else { return nil }
        var sides: [Bool] = []
        func sub(_ m: UInt64, _ n: UInt64, _ b: Bool) -> Bool {
            if m == n { return b }
            let k = split(n)
            if m <= k {
                let start = sub(m, k, b)
                sides.append(false)
                return start
            } else {
                let start = sub(m - k, n - k, false)
                sides.append(true)
                return start
            }
        }
        let startsAtOldRoot = sub(m, n, true)
        return [startsAtOldRoot] + sides
    }
}
