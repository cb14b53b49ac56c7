import Foundation
import Journal
import Seal
import Testing
import TestSupport

/// Leaf and node hashing rates over a million journal entries; run only on request, in a
/// release build:
///
///     PINGSHEN_BENCH=1 swift test -c release --scratch-path .build-merkle --filter HashingRate
///
/// Compare with `openssl speed -evp sha256 -bytes 64` (64-byte inputs, like a leaf of a
/// 63-byte entry and close to a 65-byte node).
@Suite("Hashing rate", .serialized, .enabled(if: ProcessInfo.processInfo.environment["PINGSHEN_BENCH"] != nil, "a benchmark: runs with PINGSHEN_BENCH=1"))
struct HashingRateBenchmark {
    static let entries = 1_000_000

    @Test("1M entries: leaf hashes, node hashes, whole JournalTree", arguments: [63, 300])
    func rate(entryLength: Int) throws {
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.entries * (entryLength + 1))
        var rng = SeededRandom(seed: 1)
        let filler = rng.bytes(entryLength).map { 0x20 + $0 % 0x5f }  // printable, no newline
        for i in 0..<Self.entries {
            var line = filler
            var n = i
            for j in 0..<8 { line[j] = UInt8(ascii: "0") + UInt8(n % 10); n /= 10 }
            bytes += line
            bytes.append(0x0A)
        }
        let text = JournalText(bytes: bytes)
        #expect(text.lines.count == Self.entries)

        // Best of three runs: the machine is shared, the fastest run is the least disturbed.
        let clock = ContinuousClock()
        func best(_ body: () -> Void) -> Duration { (0..<3).map { _ in clock.measure(body) }.min()! }
        var leaves: [TreeHash] = []
        let leafTime = best { leaves = JournalTree.leafHashes(of: text) }
        var tree = MerkleTree()
        let nodeTime = best { tree = MerkleTree(leafHashes: leaves) }
        var whole: JournalTree?
        let wholeTime = best { whole = JournalTree(text) }
        #expect(whole?.merkle.root == tree.root)

        // The old path, for comparison: Digest.hash per leaf (fresh context, arrays).
        let sample = 100_000
        let oneShotTime = best {
            for i in 0..<sample { _ = Digest.hash([0x00] + text.line(i), using: .sha256) }
        }

        // The same entry over and over: the per-call cost without memory traffic.
        var hasher = MerkleHasher()
        var sink = TreeHash.emptyTree
        let hot = Array(text.line(0))
        let hotTime = best {
            for _ in 0..<Self.entries { sink = hasher.leafHash(hot) }
        }
        #expect(sink == hasher.leafHash(hot))

        func rate(_ count: Int, _ d: Duration) -> String {
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            return String(format: "%.2f M hashes/s (%.3f s)", Double(count) / seconds / 1e6, seconds)
        }
        let nodes = Self.entries - 1
        print("""
            HashingRate entry=\(entryLength) bytes (leaf input \(entryLength + 1) bytes), \(Self.entries) entries
              leaves (ReusableDigest):   \(rate(Self.entries, leafTime))
              nodes  (65-byte inputs):   \(rate(nodes, nodeTime))
              JournalTree, leaf+node:    \(rate(Self.entries + nodes, wholeTime))
              one entry, hashed again:   \(rate(Self.entries, hotTime))
              leaves via Digest.hash:    \(rate(sample, oneShotTime))
            """)
    }
}
