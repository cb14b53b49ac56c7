import COpenSSL

/// Owns an `EVP_PKEY_CTX` set up once for ECDSA verification with its digest, and the digest
/// context that hashes each message for it.
final class BatchVerifyContext {
    private let key: OwnedKey
    private let context: OpaquePointer
    private let digest: ReusableDigestContext
    private let digestLength: Int

    /// ECDSA (P-256 with SHA-256); for SM2 only the key is kept (see `SignatureBatchVerifier`).
    init(ecdsa key: OwnedKey, digest: DigestAlgorithm, sm2: Bool) throws(SealError) {
        let operation = "准备批量验证签名 (preparing batch signature verification)"
        self.key = key
        self.digest = ReusableDigestContext(digest)
        digestLength = digest.byteCount
        context = try checked(EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil), operation)
        if sm2 { return }
        do {
            try check(EVP_PKEY_verify_init(context), operation)
            try check(EVP_PKEY_CTX_set_signature_md(context, Self.md(digest)), operation)
        } catch {
            EVP_PKEY_CTX_free(context)
            throw error
        }
    }

    deinit { EVP_PKEY_CTX_free(context) }

    /// Whether `signature` verifies over the digest of `first ‖ second`.
    func verify(_ signature: UnsafeRawBufferPointer, parts first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        guard let sig = signature.baseAddress, !signature.isEmpty else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { hash in
            digest.hash(first, second, UnsafeRawBufferPointer(start: nil, count: 0), into: UnsafeMutableRawPointer(hash.baseAddress!))
            let valid = EVP_PKEY_verify(context, sig.assumingMemoryBound(to: UInt8.self), signature.count,
                                        hash.baseAddress, digestLength) == 1
            if !valid { SealError.discardQueue() }
            return valid
        }
    }

    /// The built-in digest objects (static, never freed) the key context is told about.
    private static func md(_ algorithm: DigestAlgorithm) -> OpaquePointer? {
        switch algorithm {
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sm3: EVP_sm3()
        }
    }
}

/// RSASSA-PSS verification with SHA-384 and MGF1-SHA-384 under one key, salt of exactly
/// `saltLength` bytes: the message hashed, the public operation applied, the encoding checked.
final class PSSVerifyContext {
    let operation: RSAPublicOperation
    private let digest = ReusableDigestContext(.sha384)
    private let saltLength: Int

    init(_ operation: RSAPublicOperation, saltLength: Int) {
        self.operation = operation
        self.saltLength = saltLength
    }

    /// Whether `signature` is valid over `first ‖ second`.
    func verify(_ signature: UnsafeRawBufferPointer, parts first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        let length = operation.modulusLength
        guard signature.count == length else { return false }
        return withUnsafeTemporaryAllocation(byteCount: length + PSSEncoding.hashLength, alignment: 8) { scratch in
            let encoded = UnsafeMutableRawBufferPointer(rebasing: scratch[..<length])
            let messageHash = UnsafeMutableRawBufferPointer(rebasing: scratch[length...])
            guard operation.apply(signature, into: encoded) else { return false }
            digest.hash(first, second, UnsafeRawBufferPointer(start: nil, count: 0), into: messageHash.baseAddress!)
            return PSSEncoding.verify(encoded: UnsafeRawBufferPointer(encoded), messageHash: UnsafeRawBufferPointer(messageHash),
                                      saltLength: saltLength, modulusBits: operation.modulusBits, digest: digest)
        }
    }
}
