import COpenSSL

// RSA keys and the raw RSA operations RFC 9474 needs, all through EVP (no deprecated RSA_* calls).

extension OwnedKey {
    /// A fresh RSA key pair of `bits` bits, public exponent 65537.
    static func generateRSA(bits: Int) throws(SealError) -> OwnedKey {
        let operation = "生成 RSA-\(bits) 密钥 (generating an RSA-\(bits) key)"
        let context = try checked(EVP_PKEY_CTX_new_from_name(nil, staticCString("RSA"), nil), operation)
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_keygen_init(context), operation)
        try check(EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)), operation)
        var key: OpaquePointer?
        try check(EVP_PKEY_generate(context, &key), operation)
        return OwnedKey(takingOwnershipOf: try checked(key, operation))
    }

    /// An RSA key pair from its components (CRT values derived here), checked for consistency.
    static func rsa(n: OwnedBignum, e: OwnedBignum, d: OwnedBignum, p: OwnedBignum, q: OwnedBignum) throws(SealError) -> OwnedKey {
        let operation = "载入 RSA 密钥 (loading an RSA key)"
        let one = try OwnedBignum(bytes: [1])
        let pMinusOne = try OwnedBignum(), qMinusOne = try OwnedBignum()
        try check(BN_sub(pMinusOne.pointer, p.pointer, one.pointer), operation)
        try check(BN_sub(qMinusOne.pointer, q.pointer, one.pointer), operation)
        let dP = try remainder(d, pMinusOne, operation), dQ = try remainder(d, qMinusOne, operation)
        let qInverse = try ModularArithmetic(modulus: p).inverse(q)

        let builder = try checked(OSSL_PARAM_BLD_new(), operation)
        defer { OSSL_PARAM_BLD_free(builder) }
        // The builder keeps the name pointers until OSSL_PARAM_BLD_to_param.
        let components: [(StaticString, OwnedBignum)] = [
            ("n", n), ("e", e), ("d", d), ("rsa-factor1", p), ("rsa-factor2", q),
            ("rsa-exponent1", dP), ("rsa-exponent2", dQ), ("rsa-coefficient1", qInverse),
        ]
        for (name, value) in components {
            try check(OSSL_PARAM_BLD_push_BN(builder, staticCString(name), value.pointer), operation)
        }
        let parameters = try checked(OSSL_PARAM_BLD_to_param(builder), operation)
        defer { OSSL_PARAM_free(parameters) }  // 3.0 has no OSSL_PARAM_clear_free; used for published vectors
        let context = try checked(EVP_PKEY_CTX_new_from_name(nil, staticCString("RSA"), nil), operation)
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_fromdata_init(context), operation)
        var key: OpaquePointer?
        try check(EVP_PKEY_fromdata(context, &key, pingshen_EVP_PKEY_KEYPAIR(), parameters), operation)
        let owned = OwnedKey(takingOwnershipOf: try checked(key, operation))
        let checker = try checked(EVP_PKEY_CTX_new_from_pkey(nil, owned.pointer, nil), operation)
        defer { EVP_PKEY_CTX_free(checker) }
        try check(EVP_PKEY_pairwise_check(checker), operation + "：密钥各分量不一致 (inconsistent components)", code: .malformed)
        return owned
    }

    /// Whether this is a plain RSA key (not RSA-PSS-restricted, not EC).
    var isRSA: Bool { EVP_PKEY_is_a(pointer, "RSA") == 1 }

    /// An integer parameter of the key ("n", "e").
    func bignumParameter(_ name: String) throws(SealError) -> OwnedBignum {
        var value: OpaquePointer?
        try check(EVP_PKEY_get_bn_param(pointer, name, &value), "读取 RSA 参数 \(name) (reading RSA parameter \(name))")
        return OwnedBignum(takingOwnershipOf: try checked(value, "读取 RSA 参数 \(name)"))
    }

    /// RSASP1 (`m^d mod n`) on a modulus-length input, then RSAVP1 on the result, which must
    /// give the input back (RFC 9474 §4.3: guards against faults revealing the key).
    func rawSignChecked(_ input: [UInt8]) throws(SealError) -> [UInt8] {
        let signature = try rawRSA(input, "RSA 盲签名 (RSA blind signing)", initialise: EVP_PKEY_sign_init) {
            EVP_PKEY_sign($0, $1, $2, $3, $4)
        }
        let recovered = try rawRSA(signature, "RSA 盲签名复核 (re-checking an RSA blind signature)",
                                   initialise: EVP_PKEY_verify_recover_init) {
            EVP_PKEY_verify_recover($0, $1, $2, $3, $4)
        }
        guard recovered == input else {
            throw SealError(operation: "RSA 盲签名复核不符 (the blind signature does not recover the input)", code: .invalidSignature)
        }
        return signature
    }

    /// Whether `signature` is an RSASSA-PSS signature (SHA-384, MGF1-SHA-384, salt of `saltLength`) over `message`.
    func isValidPSSSignature(_ signature: [UInt8], over message: [UInt8], saltLength: Int) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        let valid = EVP_DigestVerifyInit_ex(context, &keyContext, "SHA384", nil, nil, pointer, nil) == 1
            && EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, Int32(saltLength)) == 1
            && signature.withUnsafeBufferPointer { sig in
                message.withUnsafeBufferPointer { msg in
                    EVP_DigestVerify(context, sig.baseAddress, sig.count, msg.baseAddress, msg.count) == 1
                }
            }
        if !valid { SealError.discardQueue() }
        return valid
    }

    /// One unpadded RSA operation through an `EVP_PKEY_CTX` set to `RSA_NO_PADDING`.
    private func rawRSA(
        _ input: [UInt8], _ operation: String,
        initialise: (OpaquePointer?) -> Int32,
        run: (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>, UnsafePointer<UInt8>?, Int) -> Int32
    ) throws(SealError) -> [UInt8] {
        let context = try checked(EVP_PKEY_CTX_new_from_pkey(nil, pointer, nil), operation)
        defer { EVP_PKEY_CTX_free(context) }
        try check(initialise(context), operation)
        try check(EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING), operation)
        var output = [UInt8](repeating: 0, count: input.count)
        var length = output.count
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { run(context, $0.baseAddress, &length, source.baseAddress, source.count) }
        }
        try check(status, operation)
        guard length == input.count else { throw SealError(operation: operation + "：输出长度不符 (unexpected output length)") }
        return output
    }

    private static func remainder(_ a: OwnedBignum, _ m: OwnedBignum, _ operation: String) throws(SealError) -> OwnedBignum {
        let result = try OwnedBignum()
        let context = try checked(BN_CTX_new(), operation)
        defer { BN_CTX_free(context) }
        try check(BN_div(nil, result.pointer, a.pointer, m.pointer, context), operation)
        return result
    }
}
