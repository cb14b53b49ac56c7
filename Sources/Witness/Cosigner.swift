import Journal
import Seal

/// A witness key that cosigns checkpoints (`cosignature/v1`, Ed25519) under a key name.
public struct Cosigner: Sendable {
    /// The key name on every cosignature line.
    public let name: String
    /// The key ID derived from the name and the public key.
    public let keyID: UInt32
    /// The private key.
    public let key: Ed25519SigningKey

    /// A cosigner named `name` (a valid note key name) with `key`.
    public init(name: String, key: Ed25519SigningKey) throws(CosignatureError) {
        guard SignedNote.isValidKeyName(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.key = key
        keyID = CosignatureVerifier.keyID(name: name, publicKey: key.publicKey)
    }

    /// The verifier for this cosigner's signatures, for clients that trust it.
    public var verifier: CosignatureVerifier {
        CosignatureVerifier(name: name, key: key.publicKey)
    }

    /// Cosigns a checkpoint's note text at `timestamp` (seconds since the Epoch).
    public func cosign(_ checkpointText: some Collection<UInt8>, at timestamp: UInt64) throws(CosignatureError) -> Cosignature {
        guard timestamp <= Cosignature.maximumTimestamp else { throw .timestampTooLarge(timestamp) }
        let signature: [UInt8]
        do {
            signature = try key.signature(for: Cosignature.message(timestamp: timestamp, checkpointText: checkpointText))
        } catch {
            throw .signingFailed(error.description)
        }
        return try Cosignature(name: name, keyID: keyID, timestamp: timestamp, signature: signature)
    }
}

/// Checks `cosignature/v1` signatures by one trusted witness: a note verifier, so a checkpoint
/// carrying the witness's line can be checked with `SignedNote.verify(with:)` like any other.
public struct CosignatureVerifier: NoteVerifier {
    public let name: String
    public let keyID: UInt32
    /// The witness's Ed25519 public key.
    public let key: Ed25519VerifyingKey

    public init(name: String, key: Ed25519VerifyingKey) {
        self.name = name
        self.key = key
        keyID = Self.keyID(name: name, publicKey: key)
    }

    /// The tlog-cosignature key ID: `SHA-256(name ‖ "\n" ‖ 0x04 ‖ 32-byte public key)[:4]`.
    public static func keyID(name: String, publicKey: Ed25519VerifyingKey) -> UInt32 {
        NoteKeyID.derive(name: name, type: .cosignatureV1, publicKey: publicKey.rawRepresentation)
    }

    /// Whether `signature` — the bytes after the key ID: timestamp ‖ Ed25519 signature — is
    /// this witness's cosignature over the checkpoint note text `message`.
    public func verify(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 8 + 64 else { return false }
        let timestamp = signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard timestamp <= Cosignature.maximumTimestamp else { return false }
        return key.isValidSignature(signature.dropFirst(8), for: Cosignature.message(timestamp: timestamp, checkpointText: message))
    }

    /// Whether `cosignature` is this witness's, over `checkpointText`: name and key ID match and
    /// the signature verifies.
    public func verify(_ cosignature: Cosignature, checkpointText: some Collection<UInt8>) -> Bool {
        cosignature.name == name && cosignature.keyID == keyID
            && key.isValidSignature(cosignature.signature, for: Cosignature.message(timestamp: cosignature.timestamp, checkpointText: checkpointText))
    }
}
