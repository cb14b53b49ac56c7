import COpenSSL

// EC key pairs (P-256 and SM2): generation, signing and passphrase-encrypted PKCS#8.

extension OwnedKey {
    /// A fresh key pair for `algorithm` (no variadic `EVP_PKEY_Q_keygen`: Swift cannot call it).
    static func generate(_ algorithm: SigningAlgorithm) throws(SealError) -> OwnedKey {
        let operation = "生成 \(algorithm) 密钥 (generating a \(algorithm) key)"
        let context = try checked(
            EVP_PKEY_CTX_new_from_name(nil, staticCString(algorithm == .p256 ? "EC" : "SM2"), nil), operation)
        defer { EVP_PKEY_CTX_free(context) }
        try check(EVP_PKEY_keygen_init(context), operation)
        if algorithm == .p256 {
            try check(EVP_PKEY_CTX_set_group_name(context, "P-256"), operation)
        }
        var key: OpaquePointer?
        try check(EVP_PKEY_generate(context, &key), operation)
        return OwnedKey(takingOwnershipOf: try checked(key, operation))
    }

    /// Runs `body` with a digest-sign context for this key, the SM2 ID already set.
    func withSigningContext<Result>(
        _ algorithm: SigningAlgorithm,
        _ body: (OpaquePointer) throws(SealError) -> Result
    ) throws(SealError) -> Result {
        let operation = "准备 \(algorithm) 签名 (preparing to sign with \(algorithm))"
        let context = try checked(EVP_MD_CTX_new(), operation)
        defer { EVP_MD_CTX_free(context) }
        var keyContext: OpaquePointer?
        try check(EVP_DigestSignInit_ex(context, &keyContext, algorithm.digest.rawValue, nil, nil, pointer, nil), operation)
        if algorithm == .sm2 { try setDistinguishingID(keyContext, operation) }
        return try body(context)
    }

    /// The DER `ECDSA-Sig-Value` over `message`.
    func signature(over message: [UInt8], _ algorithm: SigningAlgorithm) throws(SealError) -> [UInt8] {
        try withSigningContext(algorithm) { (context) throws(SealError) -> [UInt8] in
            let operation = "\(algorithm) 签名 (signing with \(algorithm))"
            return try message.withUnsafeBufferPointer { (input) throws(SealError) -> [UInt8] in
                var length = 0
                try check(EVP_DigestSign(context, nil, &length, input.baseAddress, input.count), operation)
                var signature = [UInt8](repeating: 0, count: length)
                try check(EVP_DigestSign(context, &signature, &length, input.baseAddress, input.count), operation)
                return Array(signature.prefix(length))
            }
        }
    }

    /// The private key as PKCS#8 `ENCRYPTED PRIVATE KEY` PEM: PBES2, PBKDF2-HMAC-SHA256 with
    /// `iterations` and a random salt of ``KeyEncryption/saltLength`` bytes, AES-256-CBC with a
    /// random IV (`PEM_write_bio_PKCS8PrivateKey` would use OpenSSL's 2,048 iterations).
    func encryptedPKCS8PEM(passphrase: [UInt8], iterations: Int) throws(SealError) -> String {
        let operation = "加密导出私钥 (writing the encrypted private key)"
        let info = try checked(EVP_PKEY2PKCS8(pointer), operation)
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        // NULL salt and IV: OpenSSL draws them from its CSPRNG.
        let algorithm = try checked(
            PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), Int32(iterations), nil, Int32(KeyEncryption.saltLength), nil, NID_hmacWithSHA256),
            operation + "：PBES2 参数 (PBES2 parameters)")
        let encrypted = passphrase.withUnsafeBufferPointer { secret in
            secret.withMemoryRebound(to: CChar.self) { PKCS8_set0_pbe($0.baseAddress, Int32($0.count), info, algorithm) }
        }
        guard let encrypted else {
            // PKCS8_set0_pbe takes the parameters only when it succeeds.
            X509_ALGOR_free(algorithm)
            throw SealError.drainingQueue(operation, code: .openssl)
        }
        defer { X509_SIG_free(encrypted) }
        let bytes = try MemoryBIO.writing { (bio) throws(SealError) in
            try check(PEM_write_bio_PKCS8(bio, encrypted), operation)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Opens a PKCS#8 `ENCRYPTED PRIVATE KEY` PEM with `passphrase`.
    static func decryptingPKCS8PEM(_ text: String, passphrase: [UInt8]) throws(SealError) -> OwnedKey {
        let operation = "读取加密私钥 (reading an encrypted private key)"
        guard text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") else {
            throw SealError(
                operation: operation + "：不是以口令加密的 PKCS#8 私钥 (not a passphrase-encrypted PKCS#8 key)",
                code: .malformed)
        }
        let key = try MemoryBIO.reading(Array(text.utf8)) { (bio) throws(SealError) -> OpaquePointer? in
            passphrase.withUnsafeBufferPointer { secret in
                withUnsafePointer(to: secret) {
                    PEM_read_bio_PrivateKey(bio, nil, passphraseCallback, UnsafeMutableRawPointer(mutating: $0))
                }
            }
        }
        return OwnedKey(takingOwnershipOf: try checked(
            key, operation + "：口令错误或文件已损坏 (wrong passphrase or damaged file)", code: .wrongPassphrase))
    }
}

/// Hands OpenSSL the passphrase behind `userData` (an `UnsafeBufferPointer<UInt8>`); never prompts.
private let passphraseCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = {
    buffer, size, _, userData in
    guard let buffer, let userData else { return -1 }
    let secret = userData.load(as: UnsafeBufferPointer<UInt8>.self)
    guard secret.count <= Int(size) else { return -1 }
    if let base = secret.baseAddress {
        UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: secret.count)
    }
    return Int32(secret.count)
}

/// Sets the SM2 distinguishing ID on a signing or verifying key context (OpenSSL 3.0 defaults
/// to an empty ID, and an `OSSL_PARAM` "distid" is silently ignored).
func setDistinguishingID(_ keyContext: OpaquePointer?, _ operation: String) throws(SealError) {
    let id = SigningAlgorithm.sm2DistinguishingID
    let status = id.withUnsafeBufferPointer { EVP_PKEY_CTX_set1_id(keyContext, $0.baseAddress, Int32($0.count)) }
    try check(status, operation + "：设置 SM2 区分标识 (setting the SM2 distinguishing ID)")
}
