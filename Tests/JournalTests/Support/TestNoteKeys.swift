import Journal
import Seal

/// A note key for tests: HMAC-SHA256 (RFC 2104) under a secret, standing in for the P-256 and
/// SM2 keys that live in `Seal`. Signs and verifies; its key ID follows C2SP's recommendation
/// with an unassigned (0xff) type and SHA-256 of the secret as the "public key".
struct HMACNoteKey: NoteSigner, NoteVerifier {
    static let type = NoteSignatureType.unassigned("pingshen-test.hmac-sha256")

    let name: String
    let secret: [UInt8]

    init(name: String, secret: String) {
        self.name = name
        self.secret = Array(secret.utf8)
    }

    var keyID: UInt32 { NoteKeyID.derive(name: name, type: Self.type, publicKey: Digest.hash(secret)) }

    func sign(_ message: [UInt8]) -> [UInt8] { Self.hmac(secret, message) }

    func verify(_ signature: [UInt8], for message: [UInt8]) -> Bool { signature == Self.hmac(secret, message) }

    static func hmac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? Digest.hash(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = Digest.hash(k.map { $0 ^ 0x36 } + message)
        return Digest.hash(k.map { $0 ^ 0x5c } + inner)
    }
}

/// A verifier that accepts anything from its key and records the messages it was given.
final class RecordingVerifier: NoteVerifier, @unchecked Sendable {
    let name: String
    let keyID: UInt32
    private(set) var messages: [[UInt8]] = []

    init(name: String, keyID: UInt32) {
        self.name = name
        self.keyID = keyID
    }

    func verify(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        messages.append(message)
        return true
    }
}

/// A signer whose key is unavailable.
struct FailingSigner: NoteSigner {
    struct Locked: Error, CustomStringConvertible { var description: String { "key is locked" } }
    let name = "pingshen.example/locked"
    let keyID: UInt32 = 0x0102_0304
    func sign(_ message: [UInt8]) throws -> [UInt8] { throw Locked() }
}

/// A signer that returns a fixed signature, to build notes with many keys cheaply.
struct FixedSigner: NoteSigner {
    let name: String
    let keyID: UInt32
    func sign(_ message: [UInt8]) -> [UInt8] { [0xAA] }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
