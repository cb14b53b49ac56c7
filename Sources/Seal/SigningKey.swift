/// A P-256 or SM2 private key that signs records; also the key that opens envelopes
/// addressed to its certificate.
///
/// On disk a signing key is only ever a passphrase-encrypted PKCS#8 PEM (PBES2 with
/// PBKDF2-HMAC-SHA256 and AES-256-CBC), as `openssl pkey -passin` reads it. The key never
/// appears in errors or descriptions.
public struct SigningKey: Sendable, CustomStringConvertible {
    let key: OwnedKey

    /// Which scheme this key signs with.
    public let algorithm: SigningAlgorithm

    /// The public half, ready to verify.
    public let publicKey: VerifyingKey

    init(key: OwnedKey) throws(SealError) {
        self.key = key
        self.publicKey = try VerifyingKey(publicHalfOf: key)
        self.algorithm = publicKey.algorithm
    }

    /// A fresh key pair from OpenSSL's DRBG.
    public static func generate(_ algorithm: SigningAlgorithm = .p256) throws(SealError) -> SigningKey {
        try SigningKey(key: .generate(algorithm))
    }

    /// Opens a PKCS#8 `ENCRYPTED PRIVATE KEY` PEM with `passphrase`.
    ///
    /// Unencrypted keys are refused (`.malformed`); a wrong passphrase fails with
    /// `.wrongPassphrase`; keys other than P-256 and SM2 with `.unsupported`.
    public init(encryptedPEM: String, passphrase: String) throws(SealError) {
        try self.init(key: .decryptingPKCS8PEM(encryptedPEM, passphrase: Array(passphrase.utf8)))
    }

    /// The DER `ECDSA-Sig-Value` over `message` (SHA-256, or SM3 with the SM2 distinguishing ID).
    ///
    /// ECDSA and SM2 signatures are randomised: signing the same message twice gives two
    /// different, equally valid signatures.
    public func signature(for message: some Collection<UInt8>) throws(SealError) -> [UInt8] {
        try key.signature(over: Array(message), algorithm)
    }

    /// The key as a PKCS#8 `ENCRYPTED PRIVATE KEY` PEM block under `passphrase`.
    ///
    /// Written as ``KeyEncryption`` says (PBKDF2-HMAC-SHA256, 600,000 iterations, AES-256-CBC);
    /// an empty passphrase is refused (`.wrongPassphrase`), one under 12 characters too (`.weakPassphrase`).
    public func encryptedPEM(passphrase: String) throws(SealError) -> String {
        try KeyEncryption.checkNew(passphrase)
        return try key.encryptedPKCS8PEM(passphrase: Array(passphrase.utf8), iterations: KeyEncryption.effectiveIterations)
    }

    /// Describes the key by algorithm and public key ID only.
    public var description: String {
        "SigningKey(\(algorithm), keyID \(Digest.hex(publicKey.keyID.prefix(8))))"
    }
}
