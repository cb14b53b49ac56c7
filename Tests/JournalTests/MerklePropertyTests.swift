import Journal
import Testing
import TestSupport

/// Properties of the tree and its proofs over random trees; each case's seed is its argument
/// and appears in every failure (replay with `PINGSHEN_TEST_SEED=<seed>`).
@Suite("Merkle properties")
struct MerklePropertyTests {
    @Test("incremental, stored and recursive roots agree at every size", arguments: Seeds.all)
    func rootsAgree(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        for _ in 0..<3 {
            let n = Int.random(in: 0...260, using: &rng)
            let entries = (0..<n).map { _ in rng.bytes(Int.random(in: 0...90, using: &rng)) }
            let leafHashes = entries.map(ReferenceMerkle.leafHash)
            var hasher = MerkleHasher()
            var range = CompactRange()
            var grown = MerkleTree()
            #expect(range.root == .emptyTree && grown.root == .emptyTree, "seed \(seed)")
            for (i, entry) in entries.enumerated() {
                range.append(entry: entry)
                grown.append(leafHash: hasher.leafHash(entry))
                let want = ReferenceMerkle.root(leafHashes[...i])
                #expect(range.root == want, "seed \(seed): CompactRange at size \(i + 1) of \(n)")
                #expect(grown.root == want, "seed \(seed): appended MerkleTree at size \(i + 1) of \(n)")
            }
            #expect(range.peaks.count == n.nonzeroBitCount, "seed \(seed)")
            #expect(CompactRange(size: range.size, peaks: range.peaks) == range, "seed \(seed)")
            let built = MerkleTree(leafHashes: leafHashes)
            #expect(built.leafHashes == leafHashes, "seed \(seed)")
            for m in 0...n {
                let want = ReferenceMerkle.root(leafHashes[..<m])
                #expect(try built.root(ofSize: UInt64(m)) == want, "seed \(seed): built MerkleTree, size \(m) of \(n)")
                #expect(try grown.root(ofSize: UInt64(m)) == want, "seed \(seed): grown MerkleTree, size \(m) of \(n)")
            }
        }
    }

    @Test("generated proofs are RFC 9162's PATH and PROOF, for every index and size up to 40")
    func proofsMatchDefinition() throws {
        var hasher = MerkleHasher()
        let leaves = (0..<40).map { hasher.leafHash([UInt8(truncatingIfNeeded: $0)]) }
        let tree = MerkleTree(leafHashes: leaves)
        for n in 1...leaves.count {
            for m in 0..<n {
                let proof = try tree.inclusionProof(leafIndex: UInt64(m), treeSize: UInt64(n))
                #expect(proof.path == ReferenceMerkle.path(m, leaves[..<n]), "PATH(\(m), D[\(n)])")
                #expect(proof.verify(leafHash: leaves[m], root: try tree.root(ofSize: UInt64(n))).isVerified)
            }
            for m in 1...n {
                let proof = try tree.consistencyProof(from: UInt64(m), to: UInt64(n))
                #expect(proof.path == ReferenceMerkle.proof(m, leaves[..<n]), "PROOF(\(m), D[\(n)])")
                let verdict = proof.verify(oldRoot: try tree.root(ofSize: UInt64(m)), newRoot: try tree.root(ofSize: UInt64(n)))
                #expect(verdict.isVerified, "PROOF(\(m), D[\(n)]): \(verdict)")
            }
        }
    }

    @Test("an inclusion proof verifies; a flipped bit in proof, leaf, root or index never does", arguments: Seeds.all)
    func inclusionTampering(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let n = UInt64.random(in: 1...3000, using: &rng)
        let tree = MerkleTree(leafHashes: (0..<n).map { _ in TreeHash(rng.bytes(32))! })
        for _ in 0..<5 {
            let size = UInt64.random(in: 1...n, using: &rng)
            let index = UInt64.random(in: 0..<size, using: &rng)
            let root = try tree.root(ofSize: size)
            let leaf = tree.leafHashes[Int(index)]
            let proof = try tree.inclusionProof(leafIndex: index, treeSize: size)
            let context = "seed \(seed): leaf \(index) of \(size)"
            #expect(proof.verify(leafHash: leaf, root: root).isVerified, "\(context)")

            for i in proof.path.indices {
                for bit in 0..<256 {
                    var bad = proof
                    bad.path[i] = flip(bad.path[i], bit)
                    #expect(!bad.verify(leafHash: leaf, root: root).isVerified, "\(context): path[\(i)] bit \(bit)")
                }
            }
            for bit in 0..<256 {
                #expect(!proof.verify(leafHash: flip(leaf, bit), root: root).isVerified, "\(context): leaf bit \(bit)")
                #expect(!proof.verify(leafHash: leaf, root: flip(root, bit)).isVerified, "\(context): root bit \(bit)")
            }
            for bit in 0..<64 {
                var bad = proof
                bad.leafIndex ^= 1 << UInt64(bit)
                #expect(!bad.verify(leafHash: leaf, root: root).isVerified, "\(context): index bit \(bit)")
            }
            var shorter = proof, longer = proof
            if !shorter.path.isEmpty { shorter.path.removeLast() } else { shorter.path.append(root) }
            longer.path.append(leaf)
            #expect(!shorter.verify(leafHash: leaf, root: root).isVerified, "\(context): shortened")
            #expect(!longer.verify(leafHash: leaf, root: root).isVerified, "\(context): lengthened")

            // The tree size is bound by the root only through the path's shape: a changed size
            // verifies exactly when its path has the same sides (see `sizeIsNotBound()`).
            let sides = ReferenceMerkle.pathSides(index, size)
            for bit in 0..<64 {
                var bad = proof
                bad.treeSize ^= 1 << UInt64(bit)
                let sameShape = ReferenceMerkle.pathSides(index, bad.treeSize) == sides
                #expect(bad.verify(leafHash: leaf, root: root).isVerified == sameShape,
                        "\(context): size bit \(bit) → \(bad.treeSize), same shape: \(sameShape)")
            }
        }
    }

    @Test("a consistency proof verifies; a flipped bit in proof or either root never does", arguments: Seeds.all)
    func consistencyTampering(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let n = UInt64.random(in: 2...3000, using: &rng)
        let tree = MerkleTree(leafHashes: (0..<n).map { _ in TreeHash(rng.bytes(32))! })
        for _ in 0..<5 {
            let newSize = UInt64.random(in: 2...n, using: &rng)
            let oldSize = UInt64.random(in: 1..<newSize, using: &rng)
            let oldRoot = try tree.root(ofSize: oldSize), newRoot = try tree.root(ofSize: newSize)
            let proof = try tree.consistencyProof(from: oldSize, to: newSize)
            let context = "seed \(seed): \(oldSize) → \(newSize)"
            #expect(proof.verify(oldRoot: oldRoot, newRoot: newRoot).isVerified, "\(context)")

            for i in proof.path.indices {
                for bit in 0..<256 {
                    var bad = proof
                    bad.path[i] = flip(bad.path[i], bit)
                    #expect(!bad.verify(oldRoot: oldRoot, newRoot: newRoot).isVerified, "\(context): path[\(i)] bit \(bit)")
                }
            }
            for bit in 0..<256 {
                #expect(!proof.verify(oldRoot: flip(oldRoot, bit), newRoot: newRoot).isVerified, "\(context): old root bit \(bit)")
                #expect(!proof.verify(oldRoot: oldRoot, newRoot: flip(newRoot, bit)).isVerified, "\(context): new root bit \(bit)")
            }
            #expect(!proof.verify(oldRoot: newRoot, newRoot: oldRoot).isVerified, "\(context): swapped roots")
            var shorter = proof, longer = proof
            shorter.path.removeLast()
            longer.path.append(newRoot)
            #expect(!shorter.verify(oldRoot: oldRoot, newRoot: newRoot).isVerified, "\(context): shortened")
            #expect(!longer.verify(oldRoot: oldRoot, newRoot: newRoot).isVerified, "\(context): lengthened")

            let shape = ReferenceMerkle.proofShape(oldSize, newSize)
            for bit in 0..<64 {
                for changeOld in [true, false] {
                    var bad = proof
                    if changeOld { bad.oldSize ^= 1 << UInt64(bit) } else { bad.newSize ^= 1 << UInt64(bit) }
                    let sameShape = bad.oldSize != bad.newSize && ReferenceMerkle.proofShape(bad.oldSize, bad.newSize) == shape
                    #expect(bad.verify(oldRoot: oldRoot, newRoot: newRoot).isVerified == sameShape,
                            "\(context): \(changeOld ? "old" : "new") size bit \(bit) → \(bad.oldSize) → \(bad.newSize)")
                }
            }
        }
    }

    /// A proof checks a (size, root) pair only as far as the path's shape goes: sizes whose
    /// paths have the same sides share proofs. A verifier must therefore take the size and the
    /// root from the same signed checkpoint, never a size from one place and a root from another.
    @Test("proofs alone do not bind the tree size: 7 and 6 share a shape for leaf 0")
    func sizeIsNotBound() throws {
        var hasher = MerkleHasher()
        let tree = MerkleTree(leafHashes: (0..<7).map { hasher.leafHash([UInt8($0)]) })
        let root7 = try tree.root(ofSize: 7)
        var inclusion = try tree.inclusionProof(leafIndex: 0, treeSize: 7)
        inclusion.treeSize = 6
        #expect(inclusion.verify(leafHash: tree.leafHashes[0], root: root7).isVerified)
        var consistency = try tree.consistencyProof(from: 1, to: 7)
        consistency.newSize = 6
        #expect(consistency.verify(oldRoot: tree.leafHashes[0], newRoot: root7).isVerified)
    }

    @Test("proofs for sizes beyond the tree, or meaningless ones, are refused")
    func refusedRequests() throws {
        var hasher = MerkleHasher()
        let tree = MerkleTree(leafHashes: (0..<5).map { hasher.leafHash([UInt8($0)]) })
        #expect(throws: MerkleTreeError.sizeBeyondTree(requested: 6, available: 5)) { try tree.root(ofSize: 6) }
        #expect(throws: MerkleTreeError.indexNotBelowSize(index: 3, size: 3)) { try tree.inclusionProof(leafIndex: 3, treeSize: 3) }
        #expect(throws: MerkleTreeError.emptyOldTree) { try tree.consistencyProof(from: 0, to: 3) }
        #expect(throws: MerkleTreeError.sizesReversed(old: 4, new: 3)) { try tree.consistencyProof(from: 4, to: 3) }
        #expect(try tree.root(ofSize: 0) == .emptyTree)
    }

    private func flip(_ hash: TreeHash, _ bit: Int) -> TreeHash {
        var bytes = hash.bytes
        bytes[bit / 8] ^= 1 << UInt8(bit % 8)
        return TreeHash(bytes)!
    }
}
