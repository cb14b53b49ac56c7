import COpenSSL

// CMS AuthEnvelopedData with AES-256-GCM: ECDH key agreement to each recipient's P-256 key.

extension CMS {
    /// The DER `ContentInfo` of an AuthEnvelopedData holding `content` for every recipient.
    static func envelop(_ content: [UInt8], for recipients: [Certificate]) throws(SealError) -> [UInt8] {
        let operation = "CMS 加密 (enveloping CMS)"
        let stack = try checked(pingshen_sk_X509_new_null(), operation)
        defer { pingshen_sk_X509_free(stack) }  // the certificates stay with their owners
        for recipient in recipients {
            guard pingshen_sk_X509_push(stack, recipient.certificate.pointer) > 0 else {
                throw SealError.drainingQueue(operation)
            }
        }
        let cms = try MemoryBIO.reading(content) { (bio) throws(SealError) -> OpaquePointer in
            // With an AEAD cipher OpenSSL 3 makes AuthEnvelopedData (RFC 5083), not EnvelopedData.
            try checked(CMS_encrypt(stack, bio, EVP_aes_256_gcm(), UInt32(CMS_BINARY)), operation)
        }
        defer { CMS_ContentInfo_free(cms) }
        return try encode(cms)
    }

    /// The content of an enveloped `ContentInfo`, opened with `recipient`'s key.
    static func open(_ der: [UInt8], as recipient: Identity) throws(SealError) -> [UInt8] {
        try withParsed(der) { (cms) throws(SealError) -> [UInt8] in
            try CMSProfile.checkAuthEnvelopedData(der)
            let operation = "打开 CMS 信封 (opening a CMS envelope)"
            let certificate = recipient.certificate.certificate.pointer
            // OpenSSL 3.0's CMS_decrypt fails without a reason when no ECDH recipient entry
            // matches, so the entries are looked up first.
            guard isAddressed(cms, to: certificate) else {
                throw SealError(
                    operation: operation + "：信封不是给此证书的 (the envelope is not addressed to this certificate)",
                    code: .keyMismatch)
            }
            return try MemoryBIO.writing(capacity: der.count) { (out) throws(SealError) in
                let status = CMS_decrypt(cms, recipient.key.key.pointer, certificate, nil, out, UInt32(CMS_BINARY))
                guard status == 1 else {
                    throw SealError.drainingQueue(
                        operation + "：数据已损坏或被改动 (the envelope is damaged or altered)", code: .decryptionFailed)
                }
            }
        }
    }

    /// Whether an enveloped `ContentInfo` has a key-agreement or key-transport entry for `certificate`.
    private static func isAddressed(_ cms: OpaquePointer, to certificate: OpaquePointer) -> Bool {
        defer { SealError.discardQueue() }
        guard let infos = CMS_get0_RecipientInfos(cms) else { return false }
        for index in 0..<pingshen_sk_CMS_RecipientInfo_num(infos) {
            guard let info = pingshen_sk_CMS_RecipientInfo_value(infos, index) else { continue }
            switch CMS_RecipientInfo_type(info) {
            case CMS_RECIPINFO_TRANS:
                if CMS_RecipientInfo_ktri_cert_cmp(info, certificate) == 0 { return true }
            case CMS_RECIPINFO_AGREE:
                guard let keys = CMS_RecipientInfo_kari_get0_reks(info) else { continue }
                for keyIndex in 0..<pingshen_sk_CMS_RecipientEncryptedKey_num(keys) {
                    let key = pingshen_sk_CMS_RecipientEncryptedKey_value(keys, keyIndex)
                    if CMS_RecipientEncryptedKey_cert_cmp(key, certificate) == 0 { return true }
                }
            default:
                continue
            }
        }
        return false
    }
}
