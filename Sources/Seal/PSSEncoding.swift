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

extension PSSEncoding {
    /// EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with SHA-384 and MGF1-SHA-384: whether `encoded`
    /// (RSAVP1's output as modulus-length bytes) is a PSS encoding of the message whose
    /// SHA-384 is `messageHash`, with a salt of exactly `saltLength` bytes.
    ///
    /// `digest` is a SHA-384 context to reuse; nothing is allocated.
    static func verify(
        encoded: UnsafeRawBufferPointer, messageHash: UnsafeRawBufferPointer, saltLength: Int, modulusBits: Int,
        digest: ReusableDigestContext
    ) -> Bool {
        let emBits = modulusBits - 1
        let emLength = (emBits + 7) / 8
        // I2OSP(m, emLen): when emLen is one byte shorter than the modulus, that byte is zero.
        guard encoded.count >= emLength, encoded.prefix(encoded.count - emLength).allSatisfy({ $0 == 0 }) else { return false }
        let em = UnsafeRawBufferPointer(rebasing: encoded[(encoded.count - emLength)...])
        let h = hashLength
        guard messageHash.count == h, emLength >= h + saltLength + 2, em[emLength - 1] == 0xbc else { return false }
        let dbLength = emLength - h - 1
        let topBits = 8 * emLength - emBits
        guard em[0] & ~(0xff >> topBits) == 0 else { return false }
        let hashed = UnsafeRawBufferPointer(rebasing: em[dbLength..<(dbLength + h)])
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: dbLength + 2 * h + 8) { scratch in
            let db = UnsafeMutableRawBufferPointer(start: scratch.baseAddress, count: dbLength)
            let block = UnsafeMutableRawBufferPointer(start: scratch.baseAddress! + dbLength, count: h)
            // DB = maskedDB ⊕ MGF1(H, dbLen), one hash block at a time.
            var counter: UInt32 = 0
            var offset = 0
            while offset < dbLength {
                withUnsafeBytes(of: counter.bigEndian) { c in digest.hash(hashed, c, UnsafeRawBufferPointer(start: nil, count: 0), into: block.baseAddress!) }
                for i in 0..<min(h, dbLength - offset) { db[offset + i] = em[offset + i] ^ block[i] }
                offset += h
                counter += 1
            }
            db[0] &= 0xff >> topBits
            let padding = dbLength - saltLength - 1
            guard db[..<padding].allSatisfy({ $0 == 0 }), db[padding] == 0x01 else { return false }
            // H' = Hash(0x00 × 8 ‖ mHash ‖ salt).
            let zeros = UnsafeMutableRawBufferPointer(start: scratch.baseAddress! + dbLength + h, count: 8)
            zeros.initializeMemory(as: UInt8.self, repeating: 0)
            digest.hash(UnsafeRawBufferPointer(zeros), messageHash, UnsafeRawBufferPointer(rebasing: db[(dbLength - saltLength)...]),
                        into: block.baseAddress!)
            var difference: UInt8 = 0
            for i in 0..<h { difference |= block[i] ^ hashed[i] }
            return difference == 0
        }
    }
}
