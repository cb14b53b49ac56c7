import COpenSSL
import Foundation

// Reading X.509 certificates and checking them against one trust anchor.

extension OwnedCertificate {
    /// Parses a DER certificate, rejecting trailing bytes.
    static func decoding(_ der: [UInt8]) throws(SealError) -> OwnedCertificate {
        OwnedCertificate(takingOwnershipOf: try decodeDER(der, "X.509 证书 (X.509 certificate)",
                                                          decode: { d2i_X509(nil, $0, $1) }, free: X509_free))
    }

    var subject: DistinguishedName { Self.name(X509_get_subject_name(pointer)) }
    var issuer: DistinguishedName { Self.name(X509_get_issuer_name(pointer)) }

    /// The serial number's magnitude, big-endian.
    var serialNumber: [UInt8] {
        guard let serial = X509_get0_serialNumber(pointer), let data = ASN1_STRING_get0_data(serial) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(serial))))
    }

    var notBefore: Date? { Self.date(X509_get0_notBefore(pointer)) }
    var notAfter: Date? { Self.date(X509_get0_notAfter(pointer)) }

    /// Whether basicConstraints says CA:TRUE.
    var isAuthority: Bool { X509_check_ca(pointer) == 1 }

    /// The scheme the issuer signed this certificate with, if it is one of pingshen's.
    var signatureAlgorithm: SigningAlgorithm? {
        switch X509_get_signature_nid(pointer) {
        case NID_ecdsa_with_SHA256: .p256
        case NID_SM2_with_SM3: .sm2
        default: nil
        }
    }

    /// The subject public key, with a reference of its own.
    func publicKey() throws(SealError) -> OwnedKey {
        OwnedKey(takingOwnershipOf: try checked(X509_get_pubkey(pointer), "读取证书公钥 (reading a certificate's public key)"))
    }

    /// Records the SM2 distinguishing ID on the certificate so that OpenSSL checks its
    /// SM2-with-SM3 signature with it (3.0 otherwise uses an empty ID).
    func setDistinguishingID() throws(SealError) {
        let operation = "设置证书 SM2 区分标识 (setting a certificate's SM2 distinguishing ID)"
        let id = try checked(ASN1_OCTET_STRING_new(), operation)
        let status = SigningAlgorithm.sm2DistinguishingID.withUnsafeBufferPointer {
            ASN1_OCTET_STRING_set(id, $0.baseAddress, Int32($0.count))
        }
        guard status == 1 else {
            ASN1_OCTET_STRING_free(id)
            throw SealError.drainingQueue(operation)
        }
        X509_set0_distinguishing_id(pointer, id)
    }

    /// The DER encoding OpenSSL holds for this certificate.
    func encoded() throws(SealError) -> [UInt8] {
        try encodeDER("X.509 证书 (X.509 certificate)") { i2d_X509(pointer, $0) }
    }

    /// Builds the chain from this certificate to `anchor`, the only trusted certificate, at
    /// `time`; throws the verifier's reason if there is none.
    func verify(issuedBy anchor: OwnedCertificate, at time: Date) throws(SealError) {
        let operation = "验证证书 (verifying a certificate)"
        let store = try checked(X509_STORE_new(), operation)
        defer { X509_STORE_free(store) }
        try check(X509_STORE_add_cert(store, anchor.pointer), operation)
        let context = try checked(X509_STORE_CTX_new(), operation)
        defer { X509_STORE_CTX_free(context) }
        try check(X509_STORE_CTX_init(context, store, pointer, nil), operation)
        X509_STORE_CTX_set_flags(context, UInt(X509_V_FLAG_X509_STRICT))
        X509_STORE_CTX_set_time(context, 0, time_t(time.timeIntervalSince1970.rounded(.down)))
        guard X509_verify_cert(context) != 1 else { return }
        let code = X509_STORE_CTX_get_error(context)
        let reason = String(cString: X509_verify_cert_error_string(Int(code)))
        SealError.discardQueue()
        throw SealError(operation: "\(Self.explain(code))（\(reason)）", code: .untrustedCertificate)
    }

    /// The verifier's most common verdicts, in Chinese.
    private static func explain(_ code: Int32) -> String {
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED: "证书已过期"
        case X509_V_ERR_CERT_NOT_YET_VALID: "证书尚未生效"
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            "证书不是由所信任的机构签发"
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
            "证书签名无效"
        default: "证书验证失败"
        }
    }

    private static func name(_ name: OpaquePointer?) -> DistinguishedName {
        DistinguishedName(
            commonName: entry(name, NID_commonName),
            organizationalUnit: entry(name, NID_organizationalUnitName),
            organization: entry(name, NID_organizationName))
    }

    /// The first value of `nid` in `name`, as UTF-8.
    private static func entry(_ name: OpaquePointer?, _ nid: Int32) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, nid, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
              let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        defer { pingshen_OPENSSL_free(utf8) }
        guard length >= 0, let utf8 else {
            SealError.discardQueue()
            return nil
        }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            SealError.discardQueue()
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
