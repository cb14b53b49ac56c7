import Journal
import Seal

/// Signs checkpoint notes with a key, as the session key does.
struct BenchSigner: NoteSigner {
    let name: String
    let keyID: UInt32
    let key: SigningKey

    init(name: String, key: SigningKey) {
        self.name = name
        self.key = key
        keyID = NoteKeyID.derive(name: name, type: .ecdsaP256, publicKey: key.publicKey.subjectPublicKeyInfo)
    }

    func sign(_ message: [UInt8]) throws -> [UInt8] { try key.signature(for: message) }
}
