import Foundation

/// A CMS SignedData (RFC 5652) over content kept elsewhere: how minutes, sealed result forms
/// and tables are signed.
///
/// The content is signed byte for byte (`CMS_DETACHED | CMS_BINARY`: no CRLF
/// canonicalisation), with SHA-256 and signed attributes, and the signers' certificates are
/// included. Anyone can check it with the stock CLI:
/// `openssl cms -verify -binary -inform DER -in X.p7s -content X -CAfile committee.pem`.
/// Signers must hold P-256 keys: OpenSSL 3.0 cannot produce CMS signatures with SM2.
public struct DetachedSignature: Sendable, Hashable {
    /// The DER `ContentInfo`, exactly as made or parsed.
    public let der: [UInt8]

    /// Parses a DER CMS `ContentInfo` holding a detached SignedData in pingshen's profile
    /// (SHA-256, ECDSA, signed attributes; see ``CMSProfile``). It is parsed again for each
    /// verification, because OpenSSL's `CMS_verify` changes the structure it works on.
    public init(der: [UInt8]) throws(SealError) {
        try CMS.withParsed(der) { _ in }
        try CMSProfile.checkSignedData(der)
        self.der = der
    }

    /// Signs `content` with every signer in one SignedData.
    public static func sign(_ content: some Collection<UInt8>, signers: [Identity]) throws(SealError) -> DetachedSignature {
        try requireP256(signers)
        guard !signers.isEmpty else {
            throw SealError(operation: "CMS 签名：至少需要一位签名人 (signing CMS: no signer)", code: .malformed)
        }
        return DetachedSignature(madeHere: try CMS.signDetached(Array(content), signers: signers))
    }

    /// This SignedData with one more signer (a cosignature), after checking that every
    /// existing signature is valid over `content`.
    ///
    /// The new SignerInfo reuses the messageDigest attribute the others signed, so the result
    /// still verifies as one detached SignedData with the CLI.
    public func addingSigner(_ signer: Identity, over content: some Collection<UInt8>) throws(SealError) -> DetachedSignature {
        try Self.requireP256([signer])
        _ = try CMS.verifyDetached(der, content: Array(content), anchor: nil, at: nil)
        return DetachedSignature(madeHere: try CMS.addSigner(signer, to: der))
    }

    /// Checks every signature over `content` and every signer's certificate against
    /// `trustAnchor` (the committee seal, the only certificate trusted) at `time` (now if nil);
    /// returns the signers' certificates, one per SignerInfo in encoded order (DER sorts the
    /// SignerInfos, so this is not necessarily the order in which they signed).
    ///
    /// Throws `.invalidSignature` if any signature does not match the content and
    /// `.untrustedCertificate` if a signer's certificate does not chain to `trustAnchor`.
    public func verify(
        _ content: some Collection<UInt8>, trustAnchor: Certificate, at time: Date? = nil
    ) throws(SealError) -> [Certificate] {
        let signers = try CMS.verifyDetached(der, content: Array(content), anchor: trustAnchor.certificate, at: time)
        var certificates: [Certificate] = []
        for signer in signers {
            certificates.append(try Certificate(der: signer.encoded()))
        }
        return certificates
    }

    private init(madeHere der: [UInt8]) {
        self.der = der
    }

    private static func requireP256(_ signers: [Identity]) throws(SealError) {
        guard signers.allSatisfy({ $0.key.algorithm == .p256 }) else {
            throw SealError(
                operation: "CMS 签名只支持 P-256：OpenSSL 3.0 无法用 SM2 生成 CMS 签名 (CMS signing needs P-256 keys: OpenSSL 3.0 cannot sign CMS with SM2)",
                code: .unsupported)
        }
    }
}
