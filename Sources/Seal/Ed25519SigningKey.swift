/// An Ed25519 private key (RFC 8032) that signs a witness's cosignatures.
///
/// On disk it is, like every pingshen key, only a passphrase-encrypted PKCS#8 PEM (PBES2,
/// PBKDF2-HMAC-SHA256, AES-256-CBC) that `openssl pkey -passin` opens. Ed25519 signatures are
/// deterministic: the same key and message always give the same 64 bytes. The key never
/// appears in errors or descriptions.
public struct Ed25519SigningKey: Sendable, CustomStringConvertible {
    let key: OwnedKey

    /// The public half, ready to verify.
    public let publicKey: Ed25519VerifyingKey

    init(key: OwnedKey) throws(SealError) {
        guard key.isEd25519 else {
            throw SealError(operation: "读取私钥：不是 Ed25519 密钥 (reading a private key: not an Ed25519 key)", code: .unsupported)
        }
        self.key = key
        publicKey = try Ed25519VerifyingKey(key: key)
    }

    /// A fresh key pair from OpenSSL's DRBG.
    public static func generate() throws(SealError) -> Ed25519SigningKey {
        try Ed25519SigningKey(key: .generateEd25519())
    }

    /// The key pair whose 32-byte RFC 8032 private key is `rawRepresentation` — for test
    /// vectors; real keys are generated and kept encrypted.
    public init(rawRepresentation: some Collection<UInt8>) throws(SealError) {
        try self.init(key: .ed25519(privateKey: Array(rawRepresentation)))
    }

    /// Opens a PKCS#8 `ENCRYPTED PRIVATE KEY` PEM holding an Ed25519 key with `passphrase`.
    ///
    /// Unencrypted keys are refused (`.malformed`); a wrong passphrase fails with
    /// `.wrongPassphrase`; other key types with `.unsupported`.
    public init(encryptedPEM: String, passphrase: String) throws(SealError) {
        try self.init(key: .decryptingPKCS8PEM(encryptedPEM, passphrase: Array(passphrase.utf8)))
    }

    /// The 64-byte Ed25519 signature over `message` (PureEdDSA: the whole message, unhashed).
    public func signature(for message: some Collection<UInt8>) throws(SealError) -> [UInt8] {
        try key.ed25519Signature(over: Array(message))
    }

    /// The key as a PKCS#8 `ENCRYPTED PRIVATE KEY` PEM block under `passphrase`, written as
    /// ``KeyEncryption`` says; an empty passphrase or one under 12 characters is refused.
    public func encryptedPEM(passphrase: String) throws(SealError) -> String {
        try KeyEncryption.checkNew(passphrase)
        return try key.encryptedPKCS8PEM(passphrase: Array(passphrase.utf8), iterations: KeyEncryption.effectiveIterations)
    }

    /// Describes the key by its public key only.
    public var description: String {
        "Ed25519SigningKey(public \(Digest.hex(publicKey.rawRepresentation.prefix(8))))"
    }
}
