/// A certificate together with its private key: what signs a CMS record or opens an envelope.
public struct Identity: Sendable {
    public let certificate: Certificate
    public let key: SigningKey

    /// Pairs `certificate` with `key`; throws `.keyMismatch` unless the key is the
    /// certificate's.
    public init(certificate: Certificate, key: SigningKey) throws(SealError) {
        guard certificate.matches(key) else {
            throw SealError(
                operation: "私钥与证书「\(certificate.subject)」不匹配 (the key does not match the certificate)",
                code: .keyMismatch)
        }
        self.certificate = certificate
        self.key = key
    }
}
