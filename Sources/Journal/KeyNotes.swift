import Seal

/// A signing key that signs notes (checkpoints) under a C2SP key name: the session key, a
/// recorder's cosignature.
public struct KeyNoteSigner: NoteSigner {
    public let name: String
    public let keyID: UInt32
    public let key: SigningKey

    public init(name: String, key: SigningKey) {
        self.name = name
        self.key = key
        keyID = NoteKeyID.derive(name: name, type: NoteSignatureType(key.algorithm), publicKey: key.publicKey.subjectPublicKeyInfo)
    }

    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        try key.signature(for: message)
    }
}

/// A verifying key checking note signatures under a C2SP key name.
public struct KeyNoteVerifier: NoteVerifier {
    public let name: String
    public let keyID: UInt32
    public let key: VerifyingKey

    public init(name: String, key: VerifyingKey) {
        self.name = name
        self.key = key
        keyID = NoteKeyID.derive(name: name, type: NoteSignatureType(key.algorithm), publicKey: key.subjectPublicKeyInfo)
    }

    public func verify(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        key.isValidSignature(signature, for: message)
    }
}

extension NoteSignatureType {
    /// The note signature type of a key of `algorithm`.
    public init(_ algorithm: SigningAlgorithm) {
        self = algorithm == .p256 ? .ecdsaP256 : .sm2
    }
}
