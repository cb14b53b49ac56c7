/// A P-256 or SM2 public key, parsed once, that checks signatures.
///
/// Parse a key once and keep the value: verifying then costs one signature check and no
/// decoding, which matters when an inspector checks every checkpoint and form of a session.
/// Equality and hashing follow the DER `SubjectPublicKeyInfo`.
public struct VerifyingKey: Sendable, Hashable {
    let key: OwnedKey

    /// Which scheme this key verifies.
    public let algorithm: SigningAlgorithm

    /// The DER `SubjectPublicKeyInfo`, exactly as parsed (and in the canonical encoding).
    public let subjectPublicKeyInfo: [UInt8]

    /// Parses a DER `SubjectPublicKeyInfo` holding a P-256 or SM2 key.
    ///
    /// Trailing bytes, other curves and other key types are refused, and so are compressed or
    /// hybrid points and any encoding that OpenSSL would not write back byte for byte, so
    /// that one key has one ``keyID``.
    public init(subjectPublicKeyInfo der: [UInt8]) throws(SealError) {
        let key = try OwnedKey.decodingSubjectPublicKeyInfo(der)
        guard let algorithm = key.signingAlgorithm else {
            throw SealError(operation: "读取公钥：只接受 P-256 与 SM2 (reading a public key: only P-256 and SM2)", code: .unsupported)
        }
        guard key.hasUncompressedPoint, try key.subjectPublicKeyInfo() == der else {
            throw SealError(operation: "读取公钥：非规范 DER 编码 (reading a public key: non-canonical DER)", code: .malformed)
        }
        self.init(key: key, algorithm: algorithm, subjectPublicKeyInfo: der)
    }

    /// Parses a `PUBLIC KEY` PEM block holding a P-256 or SM2 key.
    public init(pem: String) throws(SealError) {
        try self.init(subjectPublicKeyInfo: PEM.decode(pem, label: "PUBLIC KEY"))
    }

    init(key: OwnedKey, algorithm: SigningAlgorithm, subjectPublicKeyInfo: [UInt8]) {
        self.key = key
        self.algorithm = algorithm
        self.subjectPublicKeyInfo = subjectPublicKeyInfo
    }

    /// The public half of a key OpenSSL already holds (from a certificate or a key pair),
    /// as an object of its own: a public key kept for verifying never keeps a private key alive.
    init(publicHalfOf key: OwnedKey) throws(SealError) {
        try self.init(subjectPublicKeyInfo: key.subjectPublicKeyInfo())
    }

    /// The key as a `PUBLIC KEY` PEM block, as `openssl pkey -pubout` writes it.
    public var pem: String {
        // Re-armouring DER that OpenSSL itself produced cannot fail short of memory exhaustion.
        try! PEM.encode(subjectPublicKeyInfo, label: "PUBLIC KEY")
    }

    /// SHA-256 of the DER `SubjectPublicKeyInfo` (32 bytes): the key's identifier in records.
    public var keyID: [UInt8] {
        Digest.hash(subjectPublicKeyInfo, using: .sha256)
    }

    /// Whether `signature` (DER `ECDSA-Sig-Value`) is valid over `message` under this key.
    ///
    /// SM2 signatures are checked with the distinguishing ID `1234567812345678`. Any failure,
    /// malformed signatures included, answers `false` and leaves OpenSSL's error queue empty.
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        key.isValidSignature(Array(signature), over: Array(message), algorithm)
    }

    public static func == (lhs: VerifyingKey, rhs: VerifyingKey) -> Bool {
        lhs.subjectPublicKeyInfo == rhs.subjectPublicKeyInfo
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subjectPublicKeyInfo)
    }
}
