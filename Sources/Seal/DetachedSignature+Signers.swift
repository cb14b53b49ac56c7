import Foundation

extension DetachedSignature {
    /// Checks a detached SignedData in pingshen's profile over `content`, every signer's chain
    /// ending at `trustAnchor` at `time`, and returns the DER of each signer's certificate (in
    /// encoded SignerInfo order).
    ///
    /// The same checks as `DetachedSignature(der:)` followed by `verify(_:trustAnchor:at:)`, with
    /// the structure parsed once and the signers left as DER: an inspector only needs to compare
    /// them with the certificate a record names, and parsing each into a `Certificate` costs more
    /// than the signature check itself.
    public static func verifiedSignerCertificates(
        _ der: [UInt8], over content: some Collection<UInt8>, trustAnchor: Certificate, at time: Date? = nil
    ) throws(SealError) -> [[UInt8]] {
        try CMSProfile.checkSignedData(der)
        var signers: [[UInt8]] = []
        for signer in try CMS.verifyDetached(der, content: Array(content), anchor: trustAnchor.certificate, at: time) {
            signers.append(try signer.encoded())
        }
        return signers
    }
}
