import Foundation
import Journal
import Seal
import Testing
@testable import Witness

/// One case of `Vectors/cosignature/cosignature-v1.json`, computed by Python from the spec.
struct CosignatureVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let timestamp: UInt64
    let checkpointText: String
    let keyID: String
    let message: String
    let line: String

    var testDescription: String { "\(name) @\(timestamp)" }

    struct File: Decodable {
        let privateKey: String
        let publicKey: String
        let cases: [CosignatureVector]
    }

    static let file: File = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/cosignature/cosignature-v1.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}

/// `cosignature/v1` (c2sp.org/tlog-cosignature) against independently computed lines, the
/// spec's own example, and the `openssl` command line.
struct CosignatureTests {
    static let key = try! Ed25519SigningKey(rawRepresentation: CosignatureVector.bytes(CosignatureVector.file.privateKey))

    @Test("The vector key is the one Python used")
    func vectorKey() {
        #expect(Self.key.publicKey.rawRepresentation == CosignatureVector.bytes(CosignatureVector.file.publicKey))
    }

    @Test("Key ID, signed message and line equal Python's, byte for byte", .tags(.vectors), arguments: CosignatureVector.file.cases)
    func matchesVector(_ vector: CosignatureVector) throws {
        let cosigner = try Cosigner(name: vector.name, key: Self.key)
        #expect(String(cosigner.keyID, radix: 16).leftPadded(8) == vector.keyID)
        #expect(Cosignature.message(timestamp: vector.timestamp, checkpointText: Array(vector.checkpointText.utf8)) == Array(vector.message.utf8))
        let cosignature = try cosigner.cosign(Array(vector.checkpointText.utf8), at: vector.timestamp)
        #expect(cosignature.line == vector.line)
        let parsed = try Cosignature(parsingLine: Array(vector.line.utf8))
        #expect(parsed == cosignature)
        #expect(cosigner.verifier.verify(parsed, checkpointText: Array(vector.checkpointText.utf8)))
    }

    @Test("The example line of c2sp.org/tlog-cosignature reads as key ID 8d66cf3f at time 1679315147")
    func specExample() throws {
        let line = "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n"
        let cosignature = try Cosignature(parsingLine: Array(line.utf8))
        #expect(cosignature.name == "witness.example.com/w1")
        #expect(cosignature.keyID == 0x8d66cf3f)
        #expect(cosignature.timestamp == 1679315147)  // the time in the spec's example message
        #expect(cosignature.signature.count == 64)
        #expect(cosignature.line == line)
    }

    @Test("A cosignature verifies only for its own text, time, name and key")
    func verifyRefuses() throws {
        let cosigner = try Cosigner(name: "pingshen.witness.aa", key: Self.key)
        let text = Array("pingshen.session/x\n3\n\(TreeHash.emptyTree.base64)\n".utf8)
        let cosignature = try cosigner.cosign(text, at: 1_764_115_200)
        let verifier = cosigner.verifier
        #expect(verifier.verify(cosignature, checkpointText: text))
        #expect(!verifier.verify(cosignature, checkpointText: text + Array("extra\n".utf8)))
        let later = try Cosignature(name: cosignature.name, keyID: cosignature.keyID, timestamp: cosignature.timestamp + 1, signature: cosignature.signature)
        #expect(!verifier.verify(later, checkpointText: text))
        #expect(!CosignatureVerifier(name: "pingshen.witness.bb", key: Self.key.publicKey).verify(cosignature, checkpointText: text))
        #expect(!CosignatureVerifier(name: cosigner.name, key: try Ed25519SigningKey.generate().publicKey).verify(cosignature, checkpointText: text))
        // As a note verifier, on a checkpoint that carries the line.
        let note = try SignedNote(parsing: text + [0x0A] + Array(cosignature.line.utf8))
        #expect(note.verify(with: [verifier]).isAccepted)
        #expect(!note.verify(with: [CosignatureVerifier(name: cosigner.name, key: try Ed25519SigningKey.generate().publicKey)]).isAccepted)
    }

    @Test("`openssl pkeyutl -verify -rawin` accepts the witness's signature over the message built here from the spec")
    func opensslVerifies() throws {
        let cosigner = try Cosigner(name: "pingshen.witness.cafe", key: try Ed25519SigningKey.generate())
        let text = "pingshen.session/2026-07\n9\n\(TreeHash.emptyTree.base64)\n"
        let cosignature = try cosigner.cosign(Array(text.utf8), at: 1_764_115_201)
        // Decode the line by hand: "— ", name, space, base64(4-byte key ID ‖ 8-byte time ‖ 64-byte signature).
        let line = cosignature.line
        let encoded = line.split(separator: " ").last!.dropLast()
        let raw = Array(Data(base64Encoded: String(encoded))!)
        #expect(raw.count == 76)
        #expect(raw[4..<12] == [0, 0, 0, 0, 0x69, 0x26, 0x43, 0x01])  // 1764115201 big-endian
        let openssl = try OpenSSL()
        let message = Array("cosignature/v1\ntime 1764115201\n\(text)".utf8)
        #expect(try openssl.verifiesEd25519(signature: Array(raw[12...]), message: message, publicKey: cosigner.key.publicKey.pem))
        #expect(try !openssl.verifiesEd25519(signature: Array(raw[12...]), message: message + [0x0A], publicKey: cosigner.key.publicKey.pem))
    }

    /// Lines that must not parse, each built from bytes so it is exactly what its label says.
    static let malformedLines: [(String, String)] = {
        func b64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
        let good = b64([UInt8](repeating: 7, count: 4 + 8 + 64))
        return [
            ("too short", "— name \(b64([1, 2, 3, 4, 5]))\n"),
            ("hyphen, not em dash", "- name \(good)\n"),
            ("77 bytes", "— name \(b64([UInt8](repeating: 7, count: 77)))\n"),
            ("75 bytes", "— name \(b64([UInt8](repeating: 7, count: 75)))\n"),
            ("space in the name", "— na me \(good)\n"),
            ("no newline", "— name \(good)"),
            ("CR before the newline", "— name \(good)\r\n"),
            ("two lines", "— name \(good)\n— name \(good)\n"),
            ("padding removed", "— name \(good.replacingOccurrences(of: "=", with: ""))\n"),
            ("timestamp 2^63", "— name \(b64([0, 0, 0, 1, 0x80, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 7, count: 64)))\n"),
            ("empty", ""),
        ]
    }()

    @Test("Malformed lines are refused", arguments: malformedLines)
    func malformed(_ label: String, _ line: String) {
        #expect(throws: CosignatureError.self, "\(label)") { try Cosignature(parsingLine: Array(line.utf8)) }
    }

    @Test("Timestamps beyond 2^63−1 and invalid names are refused when signing")
    func signingLimits() throws {
        #expect(throws: CosignatureError.self) { try Cosigner(name: "two words", key: Self.key) }
        let cosigner = try Cosigner(name: "w", key: Self.key)
        #expect(throws: CosignatureError.timestampTooLarge(1 << 63)) { try cosigner.cosign([0x0A], at: 1 << 63) }
    }
}

extension String {
    /// Left-padded with zeros to `count` characters.
    func leftPadded(_ count: Int) -> String { String(repeating: "0", count: max(0, count - self.count)) + self }
}

extension Tag {
    @Tag static var vectors: Self
}
