// The deterministic cores of Prepare and Blind, with the randomness passed in: the public
// entry points draw it, the RFC 9474 vector tests inject it.

extension BlindVerifyingKey {
    /// Prepare with a chosen prefix (ignored for deterministic variants).
    func prepare(_ message: [UInt8], prefix: [UInt8]) -> [UInt8] {
        variant.isRandomized ? prefix + message : message
    }

    /// Blind with a chosen salt and the inverse of the blinding factor (as the vectors give it).
    func blind(_ preparedMessage: [UInt8], salt: [UInt8], inverse: [UInt8]) throws(SealError) -> BlindingResult {
        let inverseValue = try OwnedBignum(bytes: inverse)
        return try blind(preparedMessage, salt: salt, r: arithmetic.inverse(inverseValue), inverse: inverseValue)
    }

    /// RFC 9474 §4.2: EMSA-PSS-encode, check m is a unit, and return `m · r^e mod n` with `r⁻¹`.
    func blind(
        _ preparedMessage: [UInt8], salt: [UInt8], r: OwnedBignum, inverse: OwnedBignum
    ) throws(SealError) -> BlindingResult {
        precondition(salt.count == variant.saltLength)
        let encoded = try PSSEncoding.encode(preparedMessage, salt: salt, modulusBits: arithmetic.modulus.bitCount)
        let m = try OwnedBignum(bytes: encoded)
        guard try arithmetic.isCoprime(m) else {
            throw SealError(operation: "盲化：消息与模数不互素 (blinding: message not coprime to the modulus)", code: .invalidSignature)
        }
        r.markSecret()
        inverse.markSecret()
        let blinded = try arithmetic.product(m, arithmetic.power(r, publicExponent))
        return BlindingResult(blindedMessage: try blinded.bytes(count: modulusLength),
                              inverse: try inverse.bytes(count: modulusLength))
    }
}
