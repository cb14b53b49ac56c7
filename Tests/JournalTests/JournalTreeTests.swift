import Foundation
import Journal
import Testing

@Suite("JournalTree")
struct JournalTreeTests {
    /// A journal of `count` JSON-ish lines, optionally with a torn tail.
    static func journal(_ count: Int, tornTail: String? = nil) -> JournalText {
        var bytes: [UInt8] = []
        for i in 0..<count {
            bytes += Array(#"{"n":\#(i),"at":"2025-06-11T10:\#(i % 60)+08:00","event":"委员到会"}"#.utf8) + [0x0A]
        }
        if let tornTail { bytes += Array(tornTail.utf8) }
        return JournalText(bytes: bytes)
    }

    @Test("leaves are the stored line bytes, without newline; a torn tail is no leaf")
    func leaves() throws {
        let text = Self.journal(37, tornTail: #"{"n":37,"at""#)
        let tree = JournalTree(text)
        #expect(tree.size == 37)
        let want = (0..<37).map { ReferenceMerkle.leafHash(Array(text.line($0))) }
        #expect(tree.merkle.leafHashes == want)
        #expect(try tree.root(ofSize: 37) == ReferenceMerkle.root(want[...]))
        #expect(throws: MerkleTreeError.sizeBeyondTree(requested: 38, available: 37)) { try tree.root(ofSize: 38) }
    }

    @Test("the root at every size equals the writer's CompactRange; proofs between them verify")
    func everySize() throws {
        let text = Self.journal(100)
        let tree = JournalTree(text)
        var range = CompactRange()
        var roots = [TreeHash.emptyTree]
        for i in 0..<text.lines.count {
            range.append(entry: text.line(i))
            roots.append(range.root)
            #expect(try tree.root(ofSize: UInt64(i + 1)) == range.root, "size \(i + 1)")
        }
        for size in UInt64(1)...100 {
            for line in stride(from: UInt64(0), to: size, by: 7) {
                let proof = try tree.inclusionProof(line: line, treeSize: size)
                #expect(proof.verify(leafHash: tree.merkle.leafHashes[Int(line)], root: roots[Int(size)]).isVerified)
            }
            for old in stride(from: UInt64(1), through: size, by: 5) {
                let proof = try tree.consistencyProof(from: old, to: size)
                #expect(proof.verify(oldRoot: roots[Int(old)], newRoot: roots[Int(size)]).isVerified, "\(old) → \(size)")
            }
        }
    }

    @Test("a journal file on disk: appended, reread, same root")
    func onDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journaltree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = JournalFile(path: folder.appendingPathComponent("journal.jsonl").path)
        var range = CompactRange()
        for i in 0..<20 {
            let line = Array(#"{"n":\#(i)}"#.utf8)
            try file.append(line: line)
            range.append(entry: line)
        }
        let tree = JournalTree(try file.read())
        #expect(tree.size == 20)
        #expect(tree.merkle.root == range.root)
    }
}
