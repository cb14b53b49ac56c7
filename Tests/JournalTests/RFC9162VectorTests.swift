import Journal
import Testing

/// One test case per vector file of transparency-dev/merkle (see `Vectors/rfc9162/README.md`).
@Suite("RFC 9162 vectors (transparency-dev/merkle)")
struct RFC9162VectorTests {
    /// Vectors whose expectation pingshen deliberately does not share, with the reason.
    ///
    /// This one says two *12-byte* roots (`"don't care 2"`) are consistent because they are
    /// equal. A tree hash is 32 bytes; pingshen rejects anything else when decoding, before any
    /// proof logic runs, so the vector is rejected. The rule it tests — equal sizes, empty
    /// proof, equal roots is consistent — is checked with real roots in `equalSizes()`.
    static let stricterThanUpstream: Set<String> = [
        "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
    ]

    @Test("roots.json: the root of every size 0…8")
    func roots() throws {
        let vector = try Vectors.load(RootsVector.self, "roots.json")
        let leaves = vector.leaf_inputs_hex.map(hexBytes)
        var range = CompactRange()
        var tree = MerkleTree()
        var hasher = MerkleHasher()
        for (size, hex) in vector.root_by_tree_size_hex.enumerated() {
            let want = try #require(TreeHash(hex: hex))
            #expect(range.root == want, "CompactRange, size \(size)")
            #expect(try tree.root(ofSize: UInt64(size)) == want, "MerkleTree, size \(size)")
            #expect(ReferenceMerkle.root(leaves.prefix(size).map(ReferenceMerkle.leafHash)[...]) == want, "reference, size \(size)")
            if size < leaves.count {
                range.append(entry: leaves[size])
                tree.append(leafHash: hasher.leafHash(leaves[size]))
            }
        }
        // Every earlier size from the full tree, too.
        for (size, hex) in vector.root_by_tree_size_hex.enumerated() {
            #expect(try tree.root(ofSize: UInt64(size)) == TreeHash(hex: hex))
        }
    }

    @Test("inclusion", arguments: Vectors.files("inclusion"))
    func inclusion(file: String) throws {
        let v = try Vectors.load(InclusionVector.self, file)
        let expectAccepted = !v.wantErr && !Self.stricterThanUpstream.contains(file)
        // Values that are not 32-byte hashes cannot be TreeHashes: rejected at decoding.
        guard let root = TreeHash(base64: v.root), let leaf = TreeHash(base64: v.leafHash) else {
            #expect(!expectAccepted, "\(file): \(v.desc) — a hash does not decode to 32 bytes")
            return
        }
        let path = (v.proof ?? []).map { TreeHash(base64: $0) }
        guard !path.contains(nil) else {
            #expect(!expectAccepted, "\(file): \(v.desc) — a proof entry does not decode to 32 bytes")
            return
        }
        let proof = InclusionProof(leafIndex: v.leafIdx, treeSize: v.treeSize, path: path.map { $0! })
        let verdict = proof.verify(leafHash: leaf, root: root)
        #expect(verdict.isVerified == expectAccepted, "\(file): \(v.desc) — \(verdict)")

        // A good proof over the standard leaves is also exactly what we generate.
        let tree = try Self.standardTree()
        if expectAccepted, v.treeSize <= tree.size, try tree.root(ofSize: v.treeSize) == root {
            let generated = try tree.inclusionProof(leafIndex: v.leafIdx, treeSize: v.treeSize)
            #expect(generated == proof, "\(file): generated proof differs")
        } else {
            #expect(!file.hasSuffix("happy-path.json"), "\(file): happy path not over the standard leaves")
        }
    }

    @Test("consistency", arguments: Vectors.files("consistency"))
    func consistency(file: String) throws {
        let v = try Vectors.load(ConsistencyVector.self, file)
        let expectAccepted = !v.wantErr && !Self.stricterThanUpstream.contains(file)
        guard let root1 = TreeHash(base64: v.root1), let root2 = TreeHash(base64: v.root2) else {
            #expect(!expectAccepted, "\(file): \(v.desc) — a root does not decode to 32 bytes")
            return
        }
        let path = (v.proof ?? []).map { TreeHash(base64: $0) }
        guard !path.contains(nil) else {
            #expect(!expectAccepted, "\(file): \(v.desc) — a proof entry does not decode to 32 bytes")
            return
        }
        let proof = ConsistencyProof(oldSize: v.size1, newSize: v.size2, path: path.map { $0! })
        let verdict = proof.verify(oldRoot: root1, newRoot: root2)
        #expect(verdict.isVerified == expectAccepted, "\(file): \(v.desc) — \(verdict)")

        let tree = try Self.standardTree()
        if expectAccepted, v.size2 <= tree.size, try tree.root(ofSize: v.size2) == root2 {
            let generated = try tree.consistencyProof(from: v.size1, to: v.size2)
            #expect(generated == proof, "\(file): generated proof differs")
        } else {
            #expect(!file.hasSuffix("happy-path.json"), "\(file): happy path not over the standard leaves")
        }
    }

    @Test("equal sizes: consistent iff the proof is empty and the roots are equal")
    func equalSizes() throws {
        let tree = try Self.standardTree()
        for size in UInt64(1)...8 {
            let root = try tree.root(ofSize: size)
            let other = try tree.root(ofSize: size == 1 ? 2 : size - 1)
            #expect(ConsistencyProof(oldSize: size, newSize: size, path: []).verify(oldRoot: root, newRoot: root).isVerified)
            #expect(ConsistencyProof(oldSize: size, newSize: size, path: []).verify(oldRoot: root, newRoot: other) == .rejected(.rootMismatch))
            #expect(ConsistencyProof(oldSize: size, newSize: size, path: [root]).verify(oldRoot: root, newRoot: root) == .rejected(.pathTooLong))
            #expect(try tree.consistencyProof(from: size, to: size).path.isEmpty)
        }
    }

    @Test("the vectors are all there")
    func inventory() {
        #expect(Vectors.files("inclusion").count == 98)
        #expect(Vectors.files("consistency").count == 98)
    }

    /// The tree over the eight standard leaves of `roots.json`.
    static func standardTree() throws -> MerkleTree {
        let vector = try Vectors.load(RootsVector.self, "roots.json")
        var hasher = MerkleHasher()
        return MerkleTree(leafHashes: vector.leaf_inputs_hex.map { hasher.leafHash(hexBytes($0)) })
    }
}
