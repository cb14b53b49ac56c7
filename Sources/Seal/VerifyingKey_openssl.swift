import COpenSSL

// Public keys: SubjectPublicKeyInfo in and out, the algorithm a key is for, and verification.

extension OwnedKey {
    /// Parses a DER `SubjectPublicKeyInfo`, rejecting trailing bytes.
    static func decodingSubjectPublicKeyInfo(_ der: [UInt8]) throws(SealError) -> OwnedKey {
        let key = try decodeDER(der, "SubjectPublicKeyInfo", decode: { d2i_PUBKEY(nil, $0, $1) }, free: EVP_PKEY_free)
        return OwnedKey(takingOwnershipOf: key)
    }

    /// The DER `SubjectPublicKeyInfo` of this key's public half.
    func subjectPublicKeyInfo() throws(SealError) -> [UInt8] {
        try encodeDER("SubjectPublicKeyInfo") { i2d_PUBKEY(pointer, $0) }
    }

    /// Which of pingshen's signing algorithms this key is for, or nil (RSA, P-384, …).
    var signingAlgorithm: SigningAlgorithm? {
        if EVP_PKEY_is_a(pointer, "SM2") == 1 { return .sm2 }
        guard EVP_PKEY_is_a(pointer, "EC") == 1 else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_group_name(pointer, &name, name.count, &length) == 1 else {
            SealError.discardQueue()
            return nil
        }
        let group = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return group == "prime256v1" || group == "P-256" ? .p256 : nil
    }

    /// Whether the public point is encoded uncompressed (`04 ‖ x ‖ y`), the one encoding
    /// pingshen accepts so that a key has a single SubjectPublicKeyInfo and key ID.
    var hasUncompressedPoint: Bool {
        var format = [CChar](repeating: 0, count: 32)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(pointer, "point-format", &format, format.count, &length) == 1 else {
            SealError.discardQueue()
            return false
        }
        return String(decoding: format.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) == "uncompressed"
    }

    /// Whether `signature` is a valid `algorithm` signature by this key over `message`.
    func isValidSignature(_ signature: [UInt8], over message: [UInt8], _ algorithm: SigningAlgorithm) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        var valid = EVP_DigestVerifyInit_ex(context, &keyContext, algorithm.digest.rawValue, nil, nil, pointer, nil) == 1
        if valid, algorithm == .sm2 {
            valid = (try? setDistinguishingID(keyContext, "SM2 验证 (SM2 verification)")) != nil
        }
        if valid {
            valid = signature.withUnsafeBufferPointer { sig in
                message.withUnsafeBufferPointer { msg in
                    EVP_DigestVerify(context, sig.baseAddress, sig.count, msg.baseAddress, msg.count) == 1
                }
            }
        }
        if !valid { SealError.discardQueue() }
        return valid
    }
}
