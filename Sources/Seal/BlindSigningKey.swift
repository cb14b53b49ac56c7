/// A round's RSA private key for RFC 9474 blind signatures: the signer's BlindSign.
///
/// One key per voting round, created when the round opens and destroyed when it closes; the
/// only export is `transientPEM()`, for the 0600 file that holds it between commands while the
/// round is open. The signer sees only blinded messages, so
/// it cannot link a credential it issued to the ballot that later carries it.
public struct BlindSigningKey: Sendable {
    let key: OwnedKey

    /// The public half, following the same variant.
    public let publicKey: BlindVerifyingKey

    /// A fresh key pair (public exponent 65537). 2048 bits takes OpenSSL a fraction of a
    /// second to a few seconds.
    public static func generate(
        bits: Int = 2048, variant: BlindSignatureVariant = .sha384PSSRandomized
    ) throws(SealError) -> BlindSigningKey {
        guard bits >= 2048 else {
            throw SealError(operation: "RSA 模数少于 2048 位 (RSA modulus below 2048 bits)", code: .unsupported)
        }
        return try BlindSigningKey(key: .generateRSA(bits: bits), variant: variant)
    }

    /// A key pair from its big-endian components (as published test vectors give them);
    /// the CRT values are derived, and the pair is checked for consistency.
    public init(
        modulus: [UInt8], publicExponent: [UInt8], privateExponent: [UInt8], prime1: [UInt8], prime2: [UInt8],
        variant: BlindSignatureVariant = .sha384PSSRandomized
    ) throws(SealError) {
        let secrets = try [privateExponent, prime1, prime2].map { (bytes) throws(SealError) -> OwnedBignum in
            let value = try OwnedBignum(bytes: bytes)
            value.markSecret()
            return value
        }
        let key = try OwnedKey.rsa(
            n: OwnedBignum(bytes: modulus), e: OwnedBignum(bytes: publicExponent),
            d: secrets[0], p: secrets[1], q: secrets[2])
        try self.init(key: key, variant: variant)
    }

    init(key: OwnedKey, variant: BlindSignatureVariant) throws(SealError) {
        self.key = key
        // The public key gets an object of its own, so dropping this struct destroys the private key
        // even while ballots are still being verified.
        publicKey = try BlindVerifyingKey(subjectPublicKeyInfo: key.subjectPublicKeyInfo(), variant: variant)
    }

    /// BlindSign (RFC 9474 §4.3): `m^d mod n` for a modulus-length blinded message below n,
    /// re-checked by raising the result to e before it is returned.
    public func blindSign(_ blindedMessage: [UInt8]) throws(SealError) -> [UInt8] {
        guard blindedMessage.count == publicKey.modulusLength else {
            throw SealError(operation: "盲化消息长度不符 (blinded message of the wrong length)", code: .malformed)
        }
        guard try OwnedBignum(bytes: blindedMessage).isLess(than: publicKey.arithmetic.modulus) else {
            throw SealError(operation: "盲化消息不小于模数 (blinded message not below the modulus)", code: .malformed)
        }
        return try key.rawSignChecked(blindedMessage)
    }
}
