import COpenSSL
import Foundation

// CMS (RFC 5652) SignedData with detached content, and AuthEnvelopedData (RFC 5083) with
// AES-256-GCM. Every CMS object lives only for one call.

enum CMS {
    /// Parses a DER `ContentInfo` and runs `body` with it, freeing it afterwards.
    ///
    /// The input must be the encoding OpenSSL writes back byte for byte: no BER, no
    /// alternative encodings of the same values.
    static func withParsed<Result>(
        _ der: [UInt8], _ body: (OpaquePointer) throws(SealError) -> Result
    ) throws(SealError) -> Result {
        let cms = try decodeDER(der, "CMS", decode: { d2i_CMS_ContentInfo(nil, $0, $1) }, free: CMS_ContentInfo_free)
        defer { CMS_ContentInfo_free(cms) }
        guard Bytes.equal(try encode(cms), der) else {
            throw SealError(operation: "解析 CMS：非规范 DER 编码 (parsing CMS: non-canonical DER)", code: .malformed)
        }
        return try body(cms)
    }

    /// The DER encoding of a `ContentInfo`.
    static func encode(_ cms: OpaquePointer) throws(SealError) -> [UInt8] {
        try encodeDER("CMS") { i2d_CMS_ContentInfo(cms, $0) }
    }

    /// A new detached SignedData over `content`, one SignerInfo per signer (SHA-256, signed attributes).
    static func signDetached(_ content: [UInt8], signers: [Identity]) throws(SealError) -> [UInt8] {
        let operation = "CMS 签名 (signing CMS)"
        let flags = UInt32(CMS_DETACHED | CMS_BINARY)
        let cms = try checked(CMS_sign(nil, nil, nil, nil, flags | UInt32(CMS_PARTIAL)), operation)
        defer { CMS_ContentInfo_free(cms) }
        for signer in signers {
            _ = try checked(CMS_add1_signer(cms, signer.certificate.certificate.pointer, signer.key.key.pointer,
                                            EVP_sha256(), flags | UInt32(CMS_NOSMIMECAP)), operation)
        }
        try MemoryBIO.reading(content) { (bio) throws(SealError) in
            try check(CMS_final(cms, bio, nil, flags), operation)
        }
        return try encode(cms)
    }

    /// `der` with one more SignerInfo, reusing the messageDigest the existing signers signed.
    static func addSigner(_ signer: Identity, to der: [UInt8]) throws(SealError) -> [UInt8] {
        let operation = "CMS 追加签名 (adding a CMS signer)"
        return try withParsed(der) { (cms) throws(SealError) -> [UInt8] in
            let flags = UInt32(CMS_BINARY | CMS_REUSE_DIGEST | CMS_NOSMIMECAP)
            _ = try checked(CMS_add1_signer(cms, signer.certificate.certificate.pointer, signer.key.key.pointer,
                                            EVP_sha256(), flags), operation)
            return try encode(cms)
        }
    }

    /// Verifies every SignerInfo of a detached SignedData over `content`, each signer's chain
    /// ending at `anchor` (the only trusted certificate) unless `checkingChains` is false, and
    /// returns the signers' certificates in encoded SignerInfo order.
    static func verifyDetached(
        _ der: [UInt8], content: [UInt8], anchor: OwnedCertificate?, at time: Date?
    ) throws(SealError) -> [OwnedCertificate] {
        try withParsed(der) { (cms) throws(SealError) -> [OwnedCertificate] in
            let operation = "验证 CMS 签名 (verifying a CMS signature)"
            let store = try checked(X509_STORE_new(), operation)
            defer { X509_STORE_free(store) }
            var flags = UInt32(CMS_BINARY)
            if let anchor {
                try check(X509_STORE_add_cert(store, anchor.pointer), operation)
                try check(X509_STORE_set_flags(store, UInt(X509_V_FLAG_X509_STRICT)), operation)
                if let time {
                    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), time_t(time.timeIntervalSince1970.rounded(.down)))
                }
            } else {
                flags |= UInt32(CMS_NO_SIGNER_CERT_VERIFY)
            }
            let status = try MemoryBIO.reading(content) { (bio) throws(SealError) -> Int32 in
                CMS_verify(cms, nil, store, bio, nil, flags)
            }
            guard status == 1 else {
                let chainFailed = SealError.newestReason().map { $0 == (ERR_LIB_CMS, CMS_R_CERTIFICATE_VERIFY_ERROR) } ?? false
                throw SealError.drainingQueue(
                    chainFailed
                        ? operation + "：签名人证书不是由所信任的机构签发或已失效 (a signer's certificate is not trusted)"
                        : operation + "：签名与内容不符 (the signature does not match the content)",
                    code: chainFailed ? .untrustedCertificate : .invalidSignature)
            }
            let signers = try checked(CMS_get0_signers(cms), operation)
            defer { pingshen_sk_X509_free(signers) }
            return (0..<pingshen_sk_X509_num(signers)).map {
                OwnedCertificate(sharing: pingshen_sk_X509_value(signers, $0))
            }
        }
    }
}
