import Foundation

/// An X.509 certificate of the committee seal or of a member, parsed once.
///
/// The fields are read when the certificate is parsed, and ``der`` keeps the exact bytes
/// that were parsed, so a record always refers to what was signed. Only P-256 and SM2
/// subject keys are accepted. A certificate signed with SM2-with-SM3 is checked with the
/// distinguishing ID `1234567812345678`.
public struct Certificate: X509Certificate {
    let certificate: OwnedCertificate

    /// The DER encoding, exactly as parsed.
    public let der: [UInt8]
    public let subject: DistinguishedName
    public let issuer: DistinguishedName
    /// The serial number's magnitude, big-endian (at most 20 bytes in certificates pingshen issues).
    public let serialNumber: [UInt8]
    public let notBefore: Date
    public let notAfter: Date
    /// The subject's public key.
    public let publicKey: VerifyingKey
    /// The scheme the issuer signed with, or nil if it is neither ECDSA-SHA256 nor SM2-with-SM3.
    public let signatureAlgorithm: SigningAlgorithm?
    /// Whether basicConstraints marks this as a certificate authority (the committee seal).
    public let isAuthority: Bool

    /// Parses a DER certificate; trailing bytes are refused.
    public init(der: [UInt8]) throws(SealError) {
        let certificate = try OwnedCertificate.decoding(der)
        guard let notBefore = certificate.notBefore, let notAfter = certificate.notAfter else {
            throw SealError(operation: "读取证书有效期 (reading a certificate's validity)", code: .malformed)
        }
        self.certificate = certificate
        self.der = der
        subject = certificate.subject
        issuer = certificate.issuer
        serialNumber = certificate.serialNumber
        self.notBefore = notBefore
        self.notAfter = notAfter
        publicKey = try VerifyingKey(publicHalfOf: certificate.publicKey())
        signatureAlgorithm = certificate.signatureAlgorithm
        isAuthority = certificate.isAuthority
        if signatureAlgorithm == .sm2 { try certificate.setDistinguishingID() }
    }

    /// Parses the first `CERTIFICATE` block of a PEM text.
    public init(pem: String) throws(SealError) {
        try self.init(der: PEM.decode(pem, label: "CERTIFICATE"))
    }

    /// Checks that `authority` issued this certificate and that both are valid at `time`.
    ///
    /// `authority` is the only trust anchor: no system store is consulted. The check is
    /// OpenSSL's `X509_verify_cert` in strict mode. Throws `.untrustedCertificate` naming the
    /// reason (expired, not yet valid, another issuer, bad signature).
    public func verify(issuedBy authority: Certificate, at time: Date = Date()) throws(SealError) {
        try certificate.verify(issuedBy: authority.certificate, at: time)
    }

    /// Whether `key` is the private half of this certificate's public key.
    public func matches(_ key: SigningKey) -> Bool {
        publicKey == key.publicKey
    }
}
