import COpenSSL

// Unencrypted PKCS#8 for keys that live only while a meeting or a round is open.

extension OwnedKey {
    /// The private key as an unencrypted PKCS#8 `PRIVATE KEY` PEM block.
    func unencryptedPKCS8PEM() throws(SealError) -> [UInt8] {
        try MemoryBIO.writing { (bio) throws(SealError) in
            try check(PEM_write_bio_PKCS8PrivateKey(bio, pointer, nil, nil, 0, nil, nil),
                      "导出临时私钥 (writing a transient private key)")
        }
    }

    /// Reads an unencrypted PKCS#8 `PRIVATE KEY` PEM block.
    static func readingUnencryptedPKCS8PEM(_ bytes: [UInt8]) throws(SealError) -> OwnedKey {
        let operation = "读取临时私钥 (reading a transient private key)"
        guard String(decoding: bytes, as: UTF8.self).contains("-----BEGIN PRIVATE KEY-----") else {
            throw SealError(operation: operation + "：不是 PKCS#8 私钥 (not a PKCS#8 private key)", code: .malformed)
        }
        let key = try MemoryBIO.reading(bytes) { (bio) throws(SealError) -> OpaquePointer? in
            PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        return OwnedKey(takingOwnershipOf: try checked(key, operation, code: .malformed))
    }
}
