import COpenSSL
import Foundation

// Building and signing X.509 v3 certificates.

/// Everything a certificate pingshen issues says about its subject.
struct CertificateContents {
    var subject: DistinguishedName
    var publicKey: OwnedKey
    var validity: ClosedRange<Date>
    var isAuthority: Bool
    /// Whether the key only signs (an Ed25519 witness key): keyUsage `digitalSignature` alone,
    /// where member keys also carry nonRepudiation and keyAgreement.
    var signsOnly = false

    /// The extensions, in the order they are added: the subject key identifier must exist
    /// before a self-signed certificate's authority key identifier can point at it.
    var extensions: [(nid: Int32, value: String)] {
        [
            (NID_basic_constraints, isAuthority ? "critical,CA:TRUE,pathlen:0" : "critical,CA:FALSE"),
            (NID_key_usage, isAuthority
                ? "critical,keyCertSign,cRLSign,digitalSignature"
                : signsOnly ? "critical,digitalSignature" : "critical,digitalSignature,nonRepudiation,keyAgreement"),
            (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
        ]
    }
}

enum CertificateBuilder {
    /// The DER of a certificate with `contents`, signed by `signer` as `issuer` (nil: self-signed).
    static func issue(
        _ contents: CertificateContents, issuer: OwnedCertificate?, signer: SigningKey
    ) throws(SealError) -> [UInt8] {
        let operation = "签发证书「\(contents.subject)」(issuing a certificate for \(contents.subject))"
        let x509 = try checked(X509_new(), operation)
        let certificate = OwnedCertificate(takingOwnershipOf: x509)
        try check(X509_set_version(x509, 2), operation)  // v3
        try setSerialNumber(x509, operation)

        let name = try makeName(contents.subject, operation)
        defer { X509_NAME_free(name) }
        try check(X509_set_subject_name(x509, name), operation)
        try check(X509_set_issuer_name(x509, issuer.map { X509_get_subject_name($0.pointer) } ?? name), operation)

        for (time, date) in [(X509_getm_notBefore(x509), contents.validity.lowerBound),
                             (X509_getm_notAfter(x509), contents.validity.upperBound)] {
            _ = try checked(ASN1_TIME_set(time, time_t(date.timeIntervalSince1970.rounded(.down))), operation)
        }
        try check(X509_set_pubkey(x509, contents.publicKey.pointer), operation)

        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.pointer ?? x509, x509, nil, nil, 0)
        pingshen_X509V3_set_ctx_nodb(&context)
        for (nid, value) in contents.extensions {
            let ext = try checked(X509V3_EXT_conf_nid(nil, &context, nid, value), operation + "：扩展 \(value)")
            defer { X509_EXTENSION_free(ext) }
            try check(X509_add_ext(x509, ext, -1), operation)
        }

        try signer.key.withSigningContext(signer.algorithm) { (context) throws(SealError) in
            guard X509_sign_ctx(x509, context) > 0 else { throw SealError.drainingQueue(operation) }
        }
        return try certificate.encoded()
    }

    /// A random positive 128-bit serial number (RFC 5280: unique per issuer, at most 20 octets).
    private static func setSerialNumber(_ x509: OpaquePointer, _ operation: String) throws(SealError) {
        var bytes = SecureRandom.bytes(16)
        bytes[0] = (bytes[0] & 0x7f) | 0x40  // positive, and always 16 octets long
        let bignum = try checked(BN_bin2bn(bytes, Int32(bytes.count), nil), operation)
        defer { BN_free(bignum) }
        _ = try checked(BN_to_ASN1_INTEGER(bignum, X509_get_serialNumber(x509)), operation)
    }

    /// An `X509_NAME` with O, OU and CN (in that order, broadest first), UTF-8.
    private static func makeName(_ name: DistinguishedName, _ operation: String) throws(SealError) -> OpaquePointer {
        let result = try checked(X509_NAME_new(), operation)
        for (field, value) in [("O", name.organization), ("OU", name.organizationalUnit), ("CN", name.commonName)] {
            guard let value else { continue }
            let bytes = Array(value.utf8)
            let status = X509_NAME_add_entry_by_txt(result, field, pingshen_MBSTRING_UTF8(), bytes, Int32(bytes.count), -1, 0)
            guard status == 1 else {
                X509_NAME_free(result)
                throw SealError.drainingQueue(operation + "：名称 \(field)=\(value) 无效 (invalid name)", code: .malformed)
            }
        }
        return result
    }
}
