import Foundation
import Journal
import Seal
import Testing
@testable import Witness
import TestSupport

/// The add-checkpoint body (c2sp.org/tlog-witness): round trip, the spec's example, and
/// malformed, truncated and hostile bodies.
struct AddCheckpointRequestTests {
    static let log: SessionLog = {
        try! SessionLog(entries: 13)
    }()

    /// A body from 5 to 13 entries: an old line, 5 proof lines, the checkpoint with one signature.
    static let body: [UInt8] = try! log.body(old: 5)

    @Test("A body round-trips: parse(format(request)) keeps every field and byte")
    func roundTrip() throws {
        let request = try AddCheckpointRequest(parsing: Self.body)
        #expect(request.oldSize == 5)
        #expect(request.proof == (try Self.log.proof(from: 5)))
        // RFC 9162 §2.1.4.1 by hand: PROOF(5, D[0:13]) = MTH(D[4:5]), MTH(D[5:6]), MTH(D[6:8]),
        // MTH(D[0:4]), MTH(D[8:13]).
        #expect(request.proof.count == 5)
        #expect(request.checkpoint.checkpoint.size == 13)
        #expect(request.checkpoint.checkpoint.text == (try Self.log.checkpoint()).checkpoint.text)
        #expect(Array(Self.body.suffix(request.checkpoint.bytes.count)) == request.checkpoint.bytes)
        #expect(request.body == Self.body)
        let fromZero = try AddCheckpointRequest(parsing: try Self.log.body(old: 0))
        #expect(fromZero.oldSize == 0 && fromZero.proof.isEmpty)
        #expect(String(decoding: fromZero.body.prefix(7), as: UTF8.self) == "old 0\n\n")
    }

    @Test("The example request of c2sp.org/tlog-witness parses")
    func specExample() throws {
        let example = """
        old 20852014
        PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
        jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
        5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
        /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

        example.com/behind-the-sofa
        20852163
        CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

        — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
        — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=

        """
        let request = try AddCheckpointRequest(parsing: Array(example.utf8))
        #expect(request.oldSize == 20_852_014)
        #expect(request.proof.count == 4)
        #expect(request.proof[3].base64 == "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=")
        #expect(request.checkpoint.checkpoint.origin == "example.com/behind-the-sofa")
        #expect(request.checkpoint.checkpoint.size == 20_852_163)
        #expect(request.checkpoint.note.signatures.count == 2)
        #expect(request.body == Array(example.utf8))
    }

    @Test("Every truncated prefix of a body fails")
    func truncatedPrefixes() {
        for length in 0..<Self.body.count {
            #expect(throws: AddCheckpointError.self, "prefix of \(length) bytes") {
                try AddCheckpointRequest(parsing: Array(Self.body.prefix(length)))
            }
        }
    }

    @Test("63 proof lines are accepted; a 64th is refused")
    func proofLineLimit() throws {
        let checkpoint = try Self.log.checkpoint()
        let hash = TreeHash.emptyTree
        func body(_ lines: Int) -> [UInt8] {
            Array("old 5\n".utf8) + Array(String(repeating: hash.base64 + "\n", count: lines).utf8) + [0x0A] + checkpoint.bytes
        }
        #expect(try AddCheckpointRequest(parsing: body(63)).proof.count == 63)
        #expect(throws: AddCheckpointError.tooManyProofLines(limit: 63)) { try AddCheckpointRequest(parsing: body(64)) }
        #expect(throws: AddCheckpointError.tooManyProofLines(limit: 63)) { try AddCheckpointRequest(parsing: body(100_000)) }
        #expect(throws: AddCheckpointError.tooManyProofLines(limit: 63)) {
            try AddCheckpointRequest(oldSize: 5, proof: [TreeHash](repeating: hash, count: 64), checkpoint: checkpoint)
        }
    }

    /// Bodies that must be refused, with the error expected.
    static let hostile: [(String, String, AddCheckpointError)] = {
        let hash = TreeHash.emptyTree.base64
        let rest = "\n" + String(decoding: try! log.checkpoint().bytes, as: UTF8.self)
        return [
            ("empty body", "", .unterminatedLine(line: 1)),
            ("no old line", "\(hash)\n" + rest, .missingOldLine),
            ("OLD in capitals", "OLD 5\n" + rest, .missingOldLine),
            ("two spaces", "old  5\n" + rest, .oldSizeNotCanonical),
            ("leading zero", "old 05\n" + rest, .oldSizeNotCanonical),
            ("sign", "old +5\n" + rest, .oldSizeNotCanonical),
            ("negative", "old -1\n" + rest, .oldSizeNotCanonical),
            ("trailing space", "old 5 \n" + rest, .oldSizeNotCanonical),
            ("2^64", "old 18446744073709551616\n" + rest, .oldSizeNotCanonical),
            ("huge", "old " + String(repeating: "9", count: 5000) + "\n" + rest, .oldSizeNotCanonical),
            ("hex", "old 0x5\n" + rest, .oldSizeNotCanonical),
            ("empty size", "old \n" + rest, .oldSizeNotCanonical),
            ("CR after old", "old 5\r\n" + rest, .controlCharacter(line: 1)),
            ("CR after a proof line", "old 5\n\(hash)\r\n" + rest, .controlCharacter(line: 2)),
            ("CRLF empty line", "old 5\n\r\n" + rest, .controlCharacter(line: 2)),
            ("NUL in old", "old 5\u{0}\n" + rest, .controlCharacter(line: 1)),
            ("tab", "old\t5\n" + rest, .controlCharacter(line: 1)),
            ("31-byte hash", "old 5\n\(Data(repeating: 1, count: 31).base64EncodedString())\n" + rest, .proofLineNotHash(line: 2)),
            ("33-byte hash", "old 5\n\(Data(repeating: 1, count: 33).base64EncodedString())\n" + rest, .proofLineNotHash(line: 2)),
            ("unpadded hash", "old 5\n\(hash.dropLast())\n" + rest, .proofLineNotHash(line: 2)),
            ("URL-safe base64", "old 5\n\(Data(repeating: 0xfb, count: 32).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))\n" + rest,
             .proofLineNotHash(line: 2)),
            ("non-canonical last bits", "old 5\n\(hash.dropLast(2))V=\n" + rest, .proofLineNotHash(line: 2)),
            ("space before a hash", "old 5\n \(hash)\n" + rest, .proofLineNotHash(line: 2)),
            ("hex hash", "old 5\n\(TreeHash.emptyTree.hex)\n" + rest, .proofLineNotHash(line: 2)),
            ("no empty line", "old 5\n\(hash)\n", .unterminatedLine(line: 3)),
            ("nothing after the empty line", "old 5\n\n", .missingCheckpoint),
        ]
    }()

    @Test("Malformed and hostile bodies are refused with the reason", arguments: hostile)
    func hostileBodies(_ label: String, _ body: String, _ expected: AddCheckpointError) {
        #expect(throws: expected, "\(label)") { try AddCheckpointRequest(parsing: Array(body.utf8)) }
    }

    @Test("A checkpoint that is not a signed note, or whose text is not a checkpoint, is refused")
    func badCheckpoint() throws {
        let head = "old 0\n\n"
        for (label, note) in [
            ("no signature", "o\n1\n\(TreeHash.emptyTree.base64)\n\n"),
            ("CR in the note", "o\r\n1\n\(TreeHash.emptyTree.base64)\n\n— o AAAAAAA=\n"),
            ("size not canonical", "o\n01\n\(TreeHash.emptyTree.base64)\n\n— o AAAAAAA=\n"),
            ("root not 32 bytes", "o\n1\nAAAA\n\n— o AAAAAAA=\n"),
            ("two lines only", "o\n1\n\n— o AAAAAAA=\n"),
        ] {
            let error = #expect(throws: AddCheckpointError.self, "\(label)") { try AddCheckpointRequest(parsing: Array((head + note).utf8)) }
            guard case .checkpoint = error else {
                Issue.record("\(label): \(String(describing: error))")
                continue
            }
        }
        // Invalid UTF-8 in a proof line, and in the checkpoint.
        #expect(throws: AddCheckpointError.proofLineNotHash(line: 2)) { try AddCheckpointRequest(parsing: Array("old 1\n".utf8) + [0xff, 0xfe, 0x0A, 0x0A]) }
        #expect(throws: AddCheckpointError.self) { try AddCheckpointRequest(parsing: Array(head.utf8) + [0xff, 0x0A, 0x0A]) }
    }

    @Test("Seeded random mutations of a good body never crash: each parses or is refused")
    func randomMutations() throws {
        var random = SeededRandom(seed: 0x7769746e657373)  // "witness"
        var parsed = 0
        for round in 0..<3000 {
            var bytes = Self.body
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                }
            }
            if let request = try? AddCheckpointRequest(parsing: bytes) {
                parsed += 1
                #expect(request.body == bytes, "seed 0x7769746e657373, round \(round): a parsed body re-encodes to its own bytes")
            }
        }
        #expect(parsed < 3000)
    }
}
