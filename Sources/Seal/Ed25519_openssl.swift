import COpenSSL

// Ed25519 (RFC 8032, PureEdDSA) key pairs: generation, raw keys, one-shot signing and verifying.

extension OwnedKey {
    /// A fresh Ed25519 key pair from OpenSSL's DRBG.
    static func generateEd25519() throws(SealError) -> OwnedKey {
        let operation = "生成 Ed25519 密钥 (generating an Ed25519 key)"
        let context = try checked(EVP_PKEY_CTX_new_from_name(nil, staticCString("ED25519"), nil), operation)
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_keygen_init(context), operation)
        var key: OpaquePointer?
        try check(EVP_PKEY_generate(context, &key), operation)
        return OwnedKey(takingOwnershipOf: try checked(key, operation))
    }

    /// The Ed25519 key pair whose 32-byte private key (RFC 8032 §5.1.5's `k`) is `seed`.
    static func ed25519(privateKey seed: [UInt8]) throws(SealError) -> OwnedKey {
        let operation = "读取 Ed25519 私钥 (reading an Ed25519 private key)"
        guard seed.count == Ed25519VerifyingKey.byteCount else {
            throw SealError(operation: operation + "：应为 32 字节 (must be 32 bytes)", code: .malformed)
        }
        let key = seed.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_private_key_ex(nil, "ED25519", nil, $0.baseAddress, $0.count)
        }
        return OwnedKey(takingOwnershipOf: try checked(key, operation, code: .malformed))
    }

    /// The Ed25519 public key whose RFC 8032 encoding is `raw` (32 bytes).
    static func ed25519(publicKey raw: [UInt8]) throws(SealError) -> OwnedKey {
        let operation = "读取 Ed25519 公钥 (reading an Ed25519 public key)"
        guard raw.count == Ed25519VerifyingKey.byteCount else {
            throw SealError(operation: operation + "：应为 32 字节 (must be 32 bytes)", code: .malformed)
        }
        let key = raw.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_public_key_ex(nil, "ED25519", nil, $0.baseAddress, $0.count)
        }
        return OwnedKey(takingOwnershipOf: try checked(key, operation, code: .malformed))
    }

    /// Whether this is an Ed25519 key (public or pair).
    var isEd25519: Bool { EVP_PKEY_is_a(pointer, "ED25519") == 1 }

    /// The 32-byte RFC 8032 encoding of this Ed25519 key's public half.
    func rawEd25519PublicKey() throws(SealError) -> [UInt8] {
        let operation = "导出 Ed25519 公钥 (exporting an Ed25519 public key)"
        var raw = [UInt8](repeating: 0, count: Ed25519VerifyingKey.byteCount)
        var length = raw.count
        try check(EVP_PKEY_get_raw_public_key(pointer, &raw, &length), operation)
        guard length == raw.count else { throw SealError(operation: operation, code: .malformed) }
        return raw
    }

    /// The 64-byte Ed25519 signature over `message`: one-shot `EVP_DigestSign` with no digest
    /// (PureEdDSA hashes the message itself, so it cannot be fed in pieces).
    func ed25519Signature(over message: [UInt8]) throws(SealError) -> [UInt8] {
        let operation = "Ed25519 签名 (signing with Ed25519)"
        let context = try checked(EVP_MD_CTX_new(), operation)
        defer { EVP_MD_CTX_free(context) }
        try check(EVP_DigestSignInit_ex(context, nil, nil, nil, nil, pointer, nil), operation)
        var signature = [UInt8](repeating: 0, count: Ed25519VerifyingKey.signatureByteCount)
        var length = signature.count
        try message.withUnsafeBufferPointer { (input) throws(SealError) in
            try check(EVP_DigestSign(context, &signature, &length, input.baseAddress, input.count), operation)
        }
        guard length == signature.count else { throw SealError(operation: operation, code: .openssl) }
        return signature
    }

    /// Whether `signature` is this Ed25519 key's signature over `message`; false for anything
    /// else, including signatures of the wrong length, with OpenSSL's error queue left empty.
    func isValidEd25519Signature(_ signature: [UInt8], over message: [UInt8]) -> Bool {
        guard signature.count == Ed25519VerifyingKey.signatureByteCount, let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        var valid = EVP_DigestVerifyInit_ex(context, nil, nil, nil, nil, pointer, nil) == 1
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
