import Foundation
import Journal
import Records
import Testing
@testable import Inspection
import TestSupport

/// The fast reader of ballot lines must read exactly what the strict general reader reads.
@Suite("Canonical ballot lines")
struct CanonicalLinesTests {
    static func decodeFast(_ line: [UInt8]) -> Entry? {
        line.withUnsafeBufferPointer { CanonicalLine.decode($0) }
    }

    static var journals: [[UInt8]] {
        [Fixtures.main.files["journal.jsonl"]!, try! FolderReading.files(of: SessionTests.different.0.path)["journal.jsonl"]!]
    }

    @Test("every ballot.issued and round.closed line the session writes is read fast, and as the general reader reads it")
    func sessionLines() throws {
        var fast = 0
        for journal in Self.journals {
            for line in Lines.split(journal) {
                let general = try EntryCoding.decode(line)
                let quick = Self.decodeFast(line)
                if general.event.kind == "ballot.issued" || general.event.kind == "round.closed" {
                    #expect(quick != nil, "not read fast: \(String(decoding: line.prefix(80), as: UTF8.self))")
                    fast += 1
                } else {
                    #expect(quick == nil)
                }
                if let quick { #expect(quick == general) }
            }
        }
        #expect(fast > 100)
    }

    @Test("a mutated ballot line the fast reader accepts, the general reader accepts as the same entry", arguments: [1, 2, 3, 5, 8] as [UInt64])
    func mutatedLines(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let lines = Lines.split(Fixtures.main.files["journal.jsonl"]!).filter {
            let kind = (try? EntryCoding.decode($0))?.event.kind
            return kind == "ballot.issued" || kind == "round.closed"
        }
        var accepted = 0
        for _ in 0..<2000 {
            var line = lines[Int.random(in: lines.indices, using: &rng)]
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: line[Int.random(in: line.indices, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 1: line.remove(at: Int.random(in: line.indices, using: &rng))
            case 2: line.insert(Array(" \",:{}[]0-9\\ae".utf8).randomElement(using: &rng)!, at: Int.random(in: line.indices, using: &rng))
            default: line[Int.random(in: line.indices, using: &rng)] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            }
            guard let quick = Self.decodeFast(line) else { continue }
            accepted += 1
            let general = try? EntryCoding.decode(line)
            #expect(general == quick, "seed \(seed): \(String(decoding: line, as: UTF8.self).prefix(200))")
        }
        #expect(accepted > 0)
    }
}
