import Foundation

/// An X.509 certificate for an Ed25519 key, issued by the committee seal: a witness's
/// certificate (role `witness`), parsed once.
///
/// It is a type apart from ``Certificate`` because its subject key cannot sign records (see
/// ``Ed25519VerifyingKey``); the issuer's signature is ECDSA-SHA256 or SM2-with-SM3 like every
/// certificate the seal issues, so `openssl verify -CAfile committee.pem witness.pem` accepts
/// it. ``der`` keeps the exact bytes that were parsed.
public struct Ed25519Certificate: X509Certificate {
    let certificate: OwnedCertificate

    /// The DER encoding, exactly as parsed.
    public let der: [UInt8]
    public let subject: DistinguishedName
    public let issuer: DistinguishedName
    /// The serial number's magnitude, big-endian.
    public let serialNumber: [UInt8]
    public let notBefore: Date
    public let notAfter: Date
    /// The subject's Ed25519 public key.
    public let publicKey: Ed25519VerifyingKey
    /// The scheme the issuer signed with, or nil if it is neither ECDSA-SHA256 nor SM2-with-SM3.
    public let signatureAlgorithm: SigningAlgorithm?

    /// Parses a DER certificate whose subject key is Ed25519; trailing bytes and other subject
    /// keys are refused.
    public init(der: [UInt8]) throws(SealError) {
        let certificate = try OwnedCertificate.decoding(der)
        guard let notBefore = certificate.notBefore, let notAfter = certificate.notAfter else {
            throw SealError(operation: "读取证书有效期 (reading a certificate's validity)", code: .malformed)
        }
        let key = try certificate.publicKey()
        guard key.isEd25519 else {
            throw SealError(operation: "读取证书：主体公钥不是 Ed25519 (reading a certificate: the subject key is not Ed25519)",
                            code: .unsupported)
        }
        self.certificate = certificate
        self.der = der
        subject = certificate.subject
        issuer = certificate.issuer
        serialNumber = certificate.serialNumber
        self.notBefore = notBefore
        self.notAfter = notAfter
        publicKey = try Ed25519VerifyingKey(key: key)
        signatureAlgorithm = certificate.signatureAlgorithm
        if signatureAlgorithm == .sm2 { try certificate.setDistinguishingID() }
    }

    /// Parses the first `CERTIFICATE` block of a PEM text.
    public init(pem: String) throws(SealError) {
        try self.init(der: PEM.decode(pem, label: "CERTIFICATE"))
    }

    /// Checks that `authority` issued this certificate and that both are valid at `time`;
    /// see ``Certificate/verify(issuedBy:at:)``.
    public func verify(issuedBy authority: Certificate, at time: Date = Date()) throws(SealError) {
        try certificate.verify(issuedBy: authority.certificate, at: time)
    }

    /// Whether `key` is the private half of this certificate's public key.
    public func matches(_ key: Ed25519SigningKey) -> Bool {
        publicKey == key.publicKey
    }
}
