import COpenSSL

/// RSAVP1 (RFC 8017 §5.2.2) for one public key, many times in a row: `s^e mod n` with the
/// Montgomery form of n computed once, and the scratch numbers reused.
///
/// This is the public-key operation `openssl speed rsa2048` times, without the provider
/// dispatch, padding buffers and digest contexts `EVP_PKEY_verify` builds around it on every
/// call; the PSS check after it is `PSSEncoding.verify`. One thread at a time.
final class RSAPublicOperation {
    private let modulus: OwnedBignum
    private let exponent: OwnedBignum
    private let montgomery: OpaquePointer
    private let context: OpaquePointer
    private let input: OwnedBignum
    private let output: OwnedBignum
    /// The modulus length in bytes.
    let modulusLength: Int
    /// The modulus length in bits.
    let modulusBits: Int

    init(modulus: OwnedBignum, exponent: OwnedBignum) throws(SealError) {
        let operation = "准备 RSA 公钥运算 (preparing the RSA public operation)"
        self.modulus = modulus
        self.exponent = exponent
        modulusBits = modulus.bitCount
        modulusLength = (modulusBits + 7) / 8
        input = try OwnedBignum()
        output = try OwnedBignum()
        context = try checked(BN_CTX_new(), operation)
        guard let montgomery = BN_MONT_CTX_new() else {
            BN_CTX_free(context)
            throw SealError.drainingQueue(operation)
        }
        guard BN_MONT_CTX_set(montgomery, modulus.pointer, context) == 1 else {
            BN_MONT_CTX_free(montgomery)
            BN_CTX_free(context)
            throw SealError.drainingQueue(operation)
        }
        self.montgomery = montgomery
    }

    deinit {
        BN_MONT_CTX_free(montgomery)
        BN_CTX_free(context)
    }

    /// Writes `signature^e mod n` as `modulusLength` big-endian bytes into `result`; false when
    /// the signature is not `modulusLength` bytes or not below n (RSAVP1's "out of range").
    func apply(_ signature: UnsafeRawBufferPointer, into result: UnsafeMutableRawBufferPointer) -> Bool {
        guard signature.count == modulusLength, result.count == modulusLength,
              BN_bin2bn(signature.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(signature.count), input.pointer) != nil,
              BN_ucmp(input.pointer, modulus.pointer) < 0,
              BN_mod_exp_mont(output.pointer, input.pointer, exponent.pointer, modulus.pointer, context, montgomery) == 1,
              BN_bn2binpad(output.pointer, result.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(modulusLength)) == Int32(modulusLength)
        else {
            SealError.discardQueue()
            return false
        }
        return true
    }
}
