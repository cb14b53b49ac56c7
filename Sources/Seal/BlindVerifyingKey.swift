/// A round's RSA public key for RFC 9474 blind signatures: the client's Prepare, Blind and
/// Finalize, and anyone's Verify. Parsed once; verifying costs one RSA public operation.
///
/// A finalized signature is an ordinary RSASSA-PSS signature (SHA-384, MGF1-SHA-384, salt of
/// the variant's length) over the *prepared* message, so the stock CLI checks it:
/// `openssl dgst -sha384 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:48 -verify pub.pem -signature sig prepared`.
public struct BlindVerifyingKey: Sendable, Hashable {
    let key: OwnedKey
    let arithmetic: ModularArithmetic
    let publicExponent: OwnedBignum

    /// The variant every operation with this key follows (the SPKI does not record it).
    public let variant: BlindSignatureVariant
    /// The DER `SubjectPublicKeyInfo` (rsaEncryption).
    public let subjectPublicKeyInfo: [UInt8]
    /// The modulus length in bytes; blinded messages and signatures have exactly this length.
    public let modulusLength: Int

    /// Parses an rsaEncryption SubjectPublicKeyInfo of at least 2048 bits (canonical DER only).
    public init(subjectPublicKeyInfo der: [UInt8], variant: BlindSignatureVariant = .sha384PSSRandomized) throws(SealError) {
        let key = try OwnedKey.decodingSubjectPublicKeyInfo(der)
        guard try key.subjectPublicKeyInfo() == der else {
            throw SealError(operation: "读取 RSA 公钥：非规范 DER 编码 (reading an RSA key: non-canonical DER)", code: .malformed)
        }
        try self.init(key: key, variant: variant)
    }

    /// Parses a `PUBLIC KEY` PEM block holding an RSA key.
    public init(pem: String, variant: BlindSignatureVariant = .sha384PSSRandomized) throws(SealError) {
        try self.init(subjectPublicKeyInfo: PEM.decode(pem, label: "PUBLIC KEY"), variant: variant)
    }

    init(key: OwnedKey, variant: BlindSignatureVariant) throws(SealError) {
        guard key.isRSA else {
            throw SealError(operation: "盲签名公钥必须是 RSA (a blind-signature key must be RSA)", code: .unsupported)
        }
        let modulus = try key.bignumParameter("n")
        guard modulus.bitCount >= 2048 else {
            throw SealError(operation: "RSA 模数少于 2048 位 (RSA modulus below 2048 bits)", code: .unsupported)
        }
        self.key = key
        arithmetic = ModularArithmetic(modulus: modulus)
        publicExponent = try key.bignumParameter("e")
        self.variant = variant
        subjectPublicKeyInfo = try key.subjectPublicKeyInfo()
        modulusLength = (modulus.bitCount + 7) / 8
    }

    /// The key as a `PUBLIC KEY` PEM block, as `openssl dgst -verify` reads it.
    public var pem: String { try! PEM.encode(subjectPublicKeyInfo, label: "PUBLIC KEY") }

    /// SHA-256 of the DER SubjectPublicKeyInfo: the round key's identifier in records.
    public var keyID: [UInt8] { Digest.hash(subjectPublicKeyInfo, using: .sha256) }

    /// Prepare (RFC 9474 §4.1): a 32-byte random prefix and the message for randomized
    /// variants, the message unchanged otherwise. Sign, finalize and verify the result.
    public func prepare(_ message: some Collection<UInt8>) -> [UInt8] {
        prepare(Array(message), prefix: SecureRandom.bytes(BlindSignatureVariant.prefixLength))
    }

    /// Blind (RFC 9474 §4.2) with a fresh PSS salt and blinding factor.
    public func blind(_ preparedMessage: some Collection<UInt8>) throws(SealError) -> BlindingResult {
        let r = try arithmetic.randomUnit()
        return try blind(Array(preparedMessage), salt: SecureRandom.bytes(variant.saltLength), r: r, inverse: arithmetic.inverse(r))
    }

    /// Finalize (RFC 9474 §4.4): unblinds the signer's answer with the inverse from Blind and
    /// returns the signature after checking it; throws `.invalidSignature` if it does not verify.
    public func finalize(
        _ blindSignature: [UInt8], for preparedMessage: some Collection<UInt8>, inverse: [UInt8]
    ) throws(SealError) -> [UInt8] {
        guard blindSignature.count == modulusLength, inverse.count == modulusLength else {
            throw SealError(operation: "盲签名长度不符 (blind signature of the wrong length)", code: .malformed)
        }
        let inverseValue = try OwnedBignum(bytes: inverse)
        inverseValue.markSecret()
        let z = try OwnedBignum(bytes: blindSignature)
        let signature = try arithmetic.product(z, inverseValue).bytes(count: modulusLength)
        guard isValidSignature(signature, for: preparedMessage) else {
            throw SealError(operation: "去盲后的签名无效 (the unblinded signature does not verify)", code: .invalidSignature)
        }
        return signature
    }

    /// Verify (RFC 9474 §4.5): whether `signature` is valid over `preparedMessage`.
    public func isValidSignature(_ signature: some Collection<UInt8>, for preparedMessage: some Collection<UInt8>) -> Bool {
        let signature = Array(signature)
        return signature.count == modulusLength
            && key.isValidPSSSignature(signature, over: Array(preparedMessage), saltLength: variant.saltLength)
    }

    public static func == (lhs: BlindVerifyingKey, rhs: BlindVerifyingKey) -> Bool {
        lhs.subjectPublicKeyInfo == rhs.subjectPublicKeyInfo && lhs.variant == rhs.variant
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subjectPublicKeyInfo)
        hasher.combine(variant)
    }
}
