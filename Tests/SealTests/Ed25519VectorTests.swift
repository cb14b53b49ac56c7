import Foundation
import Testing
@testable import Seal

/// One RFC 8032 §7.1 vector, as stored in `Vectors/rfc8032/ed25519.json`.
struct Ed25519Vector: Decodable, Sendable, CustomTestStringConvertible {
    let name, secretKey, publicKey, message, signature: String

    var testDescription: String { name }

    /// Every vector in the file, read once via `#filePath`.
    static let all: [Ed25519Vector] = {
        struct File: Decodable { let vectors: [Ed25519Vector] }
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let data = try! Data(contentsOf: folder.appendingPathComponent("Vectors/rfc8032/ed25519.json"))
        return try! JSONDecoder().decode(File.self, from: data).vectors
    }()

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}

/// Ed25519 against the published RFC 8032 vectors: key derivation, signing, verifying.
struct Ed25519VectorTests {
    @Test("The vector file holds the five Ed25519 vectors of RFC 8032 §7.1", .tags(.vectors))
    func allVectorsPresent() {
        #expect(Ed25519Vector.all.map(\.name) == ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"])
        #expect(Ed25519Vector.bytes(Ed25519Vector.all[3].message).count == 1023)
    }

    @Test("Secret key → public key and signature, byte for byte", .tags(.vectors), arguments: Ed25519Vector.all)
    func signsAsPublished(_ vector: Ed25519Vector) throws {
        let key = try Ed25519SigningKey(rawRepresentation: Ed25519Vector.bytes(vector.secretKey))
        #expect(key.publicKey.rawRepresentation == Ed25519Vector.bytes(vector.publicKey))
        #expect(try key.signature(for: Ed25519Vector.bytes(vector.message)) == Ed25519Vector.bytes(vector.signature))
    }

    @Test("The published signature verifies; one flipped bit of signature or message does not", .tags(.vectors), arguments: Ed25519Vector.all)
    func verifiesAsPublished(_ vector: Ed25519Vector) throws {
        let key = try Ed25519VerifyingKey(rawRepresentation: Ed25519Vector.bytes(vector.publicKey))
        let message = Ed25519Vector.bytes(vector.message)
        let signature = Ed25519Vector.bytes(vector.signature)
        #expect(key.isValidSignature(signature, for: message))
        for bit in [0, 255, 256, 511] {
            var flipped = signature
            flipped[bit / 8] ^= 1 << (bit % 8)
            #expect(!key.isValidSignature(flipped, for: message), "bit \(bit)")
        }
        #expect(!key.isValidSignature(signature, for: message + [0]))
        #expect(!key.isValidSignature(signature.dropLast(), for: message))
        #expect(!key.isValidSignature(signature + [0], for: message))
    }
}
