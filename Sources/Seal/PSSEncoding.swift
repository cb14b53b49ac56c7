/// EMSA-PSS encoding (RFC 8017 §9.1.1) with SHA-384 and MGF1-SHA-384, as RFC 9474 uses it.
///
/// Done here rather than inside OpenSSL because blinding needs the encoded message itself,
/// and the test vectors need the salt chosen from outside.
enum PSSEncoding {
    static let hashLength = DigestAlgorithm.sha384.byteCount

    /// The encoded message EM for `message` under a modulus of `modulusBits` bits, with `salt`.
    ///
    /// EM is ⌈(modulusBits − 1) / 8⌉ bytes long, with the top `8·emLen − emBits` bits clear.
    static func encode(_ message: [UInt8], salt: [UInt8], modulusBits: Int) throws(SealError) -> [UInt8] {
        let emBits = modulusBits - 1
        let emLength = (emBits + 7) / 8
        guard emLength >= hashLength + salt.count + 2 else {
            throw SealError(operation: "PSS 编码：模数太短 (PSS encoding: modulus too short)", code: .unsupported)
        }
        let messageHash = Digest.hash(message, using: .sha384)
        let h = Digest.hash([UInt8](repeating: 0, count: 8) + messageHash + salt, using: .sha384)
        let padding = [UInt8](repeating: 0, count: emLength - salt.count - hashLength - 2)
        let dataBlock = padding + [0x01] + salt
        var maskedDataBlock = zip(dataBlock, mask(seed: h, length: emLength - hashLength - 1)).map { $0 ^ $1 }
        maskedDataBlock[0] &= 0xff >> (8 * emLength - emBits)
        return maskedDataBlock + h + [0xbc]
    }

    /// MGF1 with SHA-384: `length` bytes of Hash(seed ‖ counter) blocks.
    static func mask(seed: [UInt8], length: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(length + hashLength)
        var counter: UInt32 = 0
        while output.count < length {
            output += Digest.hash(seed + withUnsafeBytes(of: counter.bigEndian, Array.init), using: .sha384)
            counter += 1
        }
        return Array(output.prefix(length))
    }
}
