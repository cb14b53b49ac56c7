/// The confidential archive's wrapping: CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM,
/// readable by each recipient certificate and nobody else.
///
/// Each recipient gets the content key by ECDH key agreement with its P-256 certificate key
/// (OpenSSL 3.0 cannot envelop CMS to SM2 keys). The stock CLI opens it:
/// `openssl cms -decrypt -binary -inform DER -in X.cms -recip inspector.pem -inkey inspector.key`.
public enum Envelope {
    /// Encrypts `content` for every certificate in `recipients`; returns the DER `ContentInfo`.
    public static func seal(_ content: some Collection<UInt8>, for recipients: [Certificate]) throws(SealError) -> [UInt8] {
        guard !recipients.isEmpty else {
            throw SealError(operation: "CMS 加密：至少需要一位收件人 (enveloping CMS: no recipient)", code: .malformed)
        }
        guard recipients.allSatisfy({ $0.publicKey.algorithm == .p256 }) else {
            throw SealError(
                operation: "CMS 加密只支持 P-256 证书：OpenSSL 3.0 无法对 SM2 密钥加密 CMS (CMS enveloping needs P-256 certificates)",
                code: .unsupported)
        }
        return try CMS.envelop(Array(content), for: recipients)
    }

    /// Decrypts an envelope addressed to `recipient`'s certificate.
    ///
    /// Throws `.keyMismatch` if the envelope has no recipient entry for the certificate, and
    /// `.decryptionFailed` if it is damaged or was altered (GCM authentication fails).
    public static func open(_ envelope: [UInt8], as recipient: Identity) throws(SealError) -> [UInt8] {
        try CMS.open(envelope, as: recipient)
    }
}
