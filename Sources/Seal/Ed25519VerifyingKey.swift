/// An Ed25519 public key (RFC 8032), parsed once, that checks signatures: a witness's
/// cosigning key.
///
/// Ed25519 stands apart from ``SigningAlgorithm`` on purpose: it never signs a record or a
/// session checkpoint, only the witness's cosignatures (c2sp.org/tlog-cosignature), so no
/// code that switches over the record algorithms has to consider it. Equality and hashing
/// follow the 32-byte encoding.
public struct Ed25519VerifyingKey: Sendable, Hashable {
    let key: OwnedKey

    /// Length of a public key's encoding, in bytes.
    public static let byteCount = 32
    /// Length of a signature, in bytes.
    public static let signatureByteCount = 64

    /// The 32-byte RFC 8032 encoding of the public key: what a C2SP key ID hashes.
    public let rawRepresentation: [UInt8]

    /// The key from its 32-byte RFC 8032 encoding.
    public init(rawRepresentation raw: some Collection<UInt8>) throws(SealError) {
        let bytes = Array(raw)
        try self.init(key: .ed25519(publicKey: bytes))
    }

    /// Parses a DER `SubjectPublicKeyInfo` (RFC 8410) holding an Ed25519 key; anything else,
    /// trailing bytes included, is refused.
    public init(subjectPublicKeyInfo der: [UInt8]) throws(SealError) {
        let key = try OwnedKey.decodingSubjectPublicKeyInfo(der)
        guard key.isEd25519 else {
            throw SealError(operation: "读取公钥：不是 Ed25519 密钥 (reading a public key: not an Ed25519 key)", code: .unsupported)
        }
        guard try key.subjectPublicKeyInfo() == der else {
            throw SealError(operation: "读取公钥：非规范 DER 编码 (reading a public key: non-canonical DER)", code: .malformed)
        }
        try self.init(key: key)
    }

    /// Parses a `PUBLIC KEY` PEM block holding an Ed25519 key (as `openssl pkey -pubout` writes it).
    public init(pem: String) throws(SealError) {
        try self.init(subjectPublicKeyInfo: PEM.decode(pem, label: "PUBLIC KEY"))
    }

    /// The public half of an Ed25519 key OpenSSL already holds, as an object of its own: a
    /// public key kept for verifying never keeps a private key alive.
    init(key: OwnedKey) throws(SealError) {
        let raw = try key.rawEd25519PublicKey()
        self.key = try .ed25519(publicKey: raw)
        rawRepresentation = raw
    }

    /// The DER `SubjectPublicKeyInfo` (RFC 8410), 44 bytes.
    public var subjectPublicKeyInfo: [UInt8] {
        // Encoding a key OpenSSL holds cannot fail short of memory exhaustion.
        try! key.subjectPublicKeyInfo()
    }

    /// The key as a `PUBLIC KEY` PEM block, which `openssl pkeyutl -verify -pubin` reads.
    public var pem: String {
        try! PEM.encode(subjectPublicKeyInfo, label: "PUBLIC KEY")
    }

    /// Whether `signature` (64 bytes) is valid over `message` under this key.
    ///
    /// Any failure, a signature of the wrong length included, answers `false` and leaves
    /// OpenSSL's error queue empty.
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        key.isValidEd25519Signature(Array(signature), over: Array(message))
    }

    public static func == (lhs: Ed25519VerifyingKey, rhs: Ed25519VerifyingKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawRepresentation)
    }
}
