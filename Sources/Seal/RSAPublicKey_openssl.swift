import COpenSSL

// An RSA public key straight from its SubjectPublicKeyInfo: the modulus and exponent are read
// here, skipping OpenSSL 3's decoder lookup (which costs more than the verification a round key
// is then used for), for `RSAPublicOperation`.

extension RSAPublicOperation {
    static let rsaEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]

    /// The public operation of the key in an rsaEncryption `SubjectPublicKeyInfo` of at least
    /// 2048 bits, odd, with an odd exponent ≥ 3; only the canonical DER encoding is accepted.
    convenience init(subjectPublicKeyInfo der: [UInt8]) throws(SealError) {
        let malformed = SealError(operation: "读取 RSA 公钥：不是规范 DER 编码的 rsaEncryption 公钥 (reading an RSA key: not a canonical rsaEncryption SubjectPublicKeyInfo)",
                                  code: .malformed)
        guard let outer = DERElement.elements(of: der[...]), outer.count == 1, outer[0].tag == DERElement.sequence,
              let parts = outer[0].children, parts.count == 2,
              let algorithm = parts[0].children, algorithm.count == 2, parts[0].tag == DERElement.sequence,
              algorithm[0].isObject(Self.rsaEncryption), algorithm[1].tag == 0x05, algorithm[1].content.isEmpty,
              parts[1].tag == 0x03, parts[1].content.first == 0,
              let inner = DERElement.elements(of: parts[1].content.dropFirst()), inner.count == 1, inner[0].tag == DERElement.sequence,
              let numbers = inner[0].children, numbers.count == 2,
              let modulus = Self.positiveInteger(numbers[0]), let exponent = Self.positiveInteger(numbers[1])
        else { throw malformed }
        // Canonical form: re-encoding what was read must give back every byte.
        guard Self.encodeSubjectPublicKeyInfo(modulus: modulus, exponent: exponent) == der else { throw malformed }
        let bits = (modulus.count - 1) * 8 + (8 - modulus[modulus.startIndex].leadingZeroBitCount)
        guard bits >= 2048 else {
            throw SealError(operation: "RSA 模数少于 2048 位 (RSA modulus below 2048 bits)", code: .unsupported)
        }
        // No RSA key has an even modulus or exponent (and Montgomery arithmetic needs an odd n).
        guard modulus.last! & 1 == 1, exponent.last! & 1 == 1, exponent.count > 1 || exponent[exponent.startIndex] >= 3 else { throw malformed }
        try self.init(modulus: OwnedBignum(bytes: Array(modulus)), exponent: OwnedBignum(bytes: Array(exponent)))
    }

    /// The magnitude of a minimally encoded, positive INTEGER.
    private static func positiveInteger(_ element: DERElement) -> ArraySlice<UInt8>? {
        guard element.tag == DERElement.integer, let first = element.content.first, first & 0x80 == 0 else { return nil }
        var magnitude = element.content
        if first == 0 {
            guard magnitude.count > 1, magnitude[magnitude.startIndex + 1] & 0x80 != 0 else { return nil }
            magnitude = magnitude.dropFirst()
        }
        guard magnitude.first != 0 else { return nil }
        return magnitude
    }

    private static func encodeSubjectPublicKeyInfo(modulus: ArraySlice<UInt8>, exponent: ArraySlice<UInt8>) -> [UInt8] {
        func integer(_ magnitude: ArraySlice<UInt8>) -> [UInt8] {
            let content = (magnitude.first! & 0x80 != 0 ? [0] : []) + Array(magnitude)
            return element(DERElement.integer, content)
        }
        let numbers = element(DERElement.sequence, integer(modulus) + integer(exponent))
        let algorithm = element(DERElement.sequence, element(DERElement.objectIdentifier, rsaEncryption) + [0x05, 0x00])
        return element(DERElement.sequence, algorithm + element(0x03, [0] + numbers))
    }

    private static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        let n = content.count
        let length: [UInt8] = n < 0x80 ? [UInt8(n)]
            : n <= 0xff ? [0x81, UInt8(n)]
            : n <= 0xffff ? [0x82, UInt8(n >> 8), UInt8(n & 0xff)]
            : [0x83, UInt8(n >> 16), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)]
        return [tag] + length + content
    }
}
