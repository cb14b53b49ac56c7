import Foundation

/// The committee seal: a self-signed certificate authority that issues its members'
/// certificates.
///
/// The seal's certificate carries basicConstraints `CA:TRUE, pathlen:0` and keyUsage
/// `keyCertSign, cRLSign, digitalSignature`; the certificates it issues carry `CA:FALSE`,
/// keyUsage `digitalSignature, nonRepudiation, keyAgreement` (one key both signs records and
/// opens envelopes addressed to it), the role in the subject OU and the seal's O. All carry
/// subject and authority key identifiers. Certificates are signed with the seal key's scheme:
/// ECDSA with SHA-256, or SM2 with SM3 and the distinguishing ID `1234567812345678`.
public struct CertificateAuthority: Sendable {
    /// The seal's certificate and key.
    public let identity: Identity

    /// The seal's certificate: the trust anchor an inspector checks everything against.
    public var certificate: Certificate { identity.certificate }

    /// Uses an existing seal; throws `.untrustedCertificate` if the certificate is not a CA.
    public init(identity: Identity) throws(SealError) {
        guard identity.certificate.isAuthority else {
            throw SealError(
                operation: "证书「\(identity.certificate.subject)」不是证书机构 (not a certificate authority)",
                code: .untrustedCertificate)
        }
        self.identity = identity
    }

    /// Makes a new seal: a self-signed CA certificate `CN=commonName, O=organization` for `key`.
    public static func create(
        commonName: String, organization: String, key: SigningKey, validity: ClosedRange<Date>
    ) throws(SealError) -> CertificateAuthority {
        let contents = CertificateContents(
            subject: DistinguishedName(commonName: commonName, organization: organization),
            publicKey: key.key, validity: validity, isAuthority: true)
        let certificate = try Certificate(der: CertificateBuilder.issue(contents, issuer: nil, signer: key))
        return try CertificateAuthority(identity: Identity(certificate: certificate, key: key))
    }

    /// Issues a member's certificate: `CN=commonName, OU=role, O=<the seal's O>` for `publicKey`.
    ///
    /// The validity is taken as given; ``Certificate/verify(issuedBy:at:)`` checks it (and the
    /// seal's own) at the time asked.
    public func issue(
        commonName: String, role: CommitteeRole, publicKey: VerifyingKey, validity: ClosedRange<Date>
    ) throws(SealError) -> Certificate {
        let contents = CertificateContents(
            subject: DistinguishedName(
                commonName: commonName, organizationalUnit: role.rawValue,
                organization: certificate.subject.organization),
            publicKey: publicKey.key, validity: validity, isAuthority: false)
        return try Certificate(der: CertificateBuilder.issue(
            contents, issuer: certificate.certificate, signer: identity.key))
    }

    /// Issues a certificate for an Ed25519 key — a witness's (role ``CommitteeRole/witness``):
    /// `CN=commonName, OU=role, O=<the seal's O>`, keyUsage `digitalSignature` only.
    ///
    /// The seal signs it with its own scheme (ECDSA-SHA256 or SM2-with-SM3), as every other
    /// certificate it issues.
    public func issue(
        commonName: String, role: CommitteeRole, publicKey: Ed25519VerifyingKey, validity: ClosedRange<Date>
    ) throws(SealError) -> Ed25519Certificate {
        var contents = CertificateContents(
            subject: DistinguishedName(
                commonName: commonName, organizationalUnit: role.rawValue,
                organization: certificate.subject.organization),
            publicKey: publicKey.key, validity: validity, isAuthority: false)
        contents.signsOnly = true
        return try Ed25519Certificate(der: CertificateBuilder.issue(
            contents, issuer: certificate.certificate, signer: identity.key))
    }
}
