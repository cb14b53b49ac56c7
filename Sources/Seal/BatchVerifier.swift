/// Checks many signatures under one public key in a row, with one OpenSSL context made once.
///
/// `VerifyingKey.isValidSignature` and `BlindVerifyingKey.isValidSignature` build a fresh
/// digest-verify context (and fetch the digest) on every call: right for one signature, a
/// tax when an inspector checks a year of ballots and checkpoints. A batch verifier keeps a
/// verify context initialised once for its key, hashes with a reusable digest context and
/// hands OpenSSL the digest, so each check costs the hash and the public-key operation only.
///
/// A verifier belongs to one thread at a time: make one per key per task. The answers are
/// exactly those of the keys' own `isValidSignature` (same padding, salt length, digest and
/// DER strictness); `BatchVerifierTests` holds the two side by side.
public struct SignatureBatchVerifier {
    private let context: BatchVerifyContext
    /// The key every signature is checked against.
    public let key: VerifyingKey

    /// A verifier for `key`. SM2 keys fall back to `key.isValidSignature` (the SM2 digest
    /// depends on the key and the distinguishing ID, so there is no digest to hand over).
    public init(_ key: VerifyingKey) throws(SealError) {
        self.key = key
        context = try BatchVerifyContext(ecdsa: key.key, digest: key.algorithm.digest, sm2: key.algorithm == .sm2)
    }

    /// Whether `signature` (DER `ECDSA-Sig-Value`) is valid over `message` under `key`.
    public func isValidSignature(_ signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
        if key.algorithm == .sm2 {
            return key.isValidSignature(Array(signature), for: Array(message))
        }
        return context.verify(signature, parts: message, UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// Whether `signature` is valid over `message` under `key`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        signature.withUnsafeBytes { s in message.withUnsafeBytes { m in isValidSignature(s, for: m) } }
    }
}

/// Checks many RFC 9474 credentials (RSASSA-PSS with SHA-384) under one round key in a row:
/// the RSA public operation with the key's Montgomery form kept (`RSAPublicOperation`), then
/// EMSA-PSS-VERIFY here (`PSSEncoding.verify`) with one reused SHA-384 context. This answers
/// what OpenSSL's own RSASSA-PSS verification answers (`BatchVerifierTests` holds the two side
/// by side on valid, altered and hand-built encodings), at the cost of the bare public operation.
///
/// The prepared message is passed in two parts, the random prefix and the message, so that a
/// caller never concatenates them: `isValidSignature(s, prefix: p, message: m)` answers what
/// `BlindVerifyingKey.isValidSignature(s, for: p + m)` answers.
public struct BlindSignatureBatchVerifier {
    private let context: PSSVerifyContext
    /// The length in bytes of every valid signature: the modulus length.
    public var modulusLength: Int { context.operation.modulusLength }
    /// The DER `SubjectPublicKeyInfo` of the key, exactly as parsed.
    public let subjectPublicKeyInfo: [UInt8]

    /// Parses an rsaEncryption `SubjectPublicKeyInfo` of at least 2048 bits, canonical DER
    /// only (as `BlindVerifyingKey` requires), for `variant`'s salt length.
    ///
    /// Parsing goes straight from the DER to the modulus and exponent (no OpenSSL decoder
    /// lookup), which is several times cheaper than `BlindVerifyingKey(subjectPublicKeyInfo:)`
    /// when every round of a year brings its own key.
    public init(subjectPublicKeyInfo der: [UInt8], variant: BlindSignatureVariant = .sha384PSSRandomized) throws(SealError) {
        subjectPublicKeyInfo = der
        context = PSSVerifyContext(try RSAPublicOperation(subjectPublicKeyInfo: der), saltLength: variant.saltLength)
    }

    /// A verifier for an already parsed round key.
    public init(_ key: BlindVerifyingKey) throws(SealError) {
        subjectPublicKeyInfo = key.subjectPublicKeyInfo
        context = PSSVerifyContext(try RSAPublicOperation(modulus: key.arithmetic.modulus, exponent: key.publicExponent),
                                   saltLength: key.variant.saltLength)
    }

    /// Whether `signature` is a valid credential over `prefix ‖ message`.
    public func isValidSignature(
        _ signature: UnsafeRawBufferPointer, prefix: UnsafeRawBufferPointer, message: UnsafeRawBufferPointer
    ) -> Bool {
        context.verify(signature, parts: prefix, message)
    }
}
