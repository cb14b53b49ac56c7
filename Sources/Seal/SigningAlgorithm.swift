/// The signature schemes pingshen signs records with.
///
/// ECDSA P-256 with SHA-256 is the default for every long-term identity; SM2 with SM3
/// (国密, GB/T 32918.2) is the option, always with the distinguishing ID
/// ``sm2DistinguishingID``. Both produce the ASN.1 DER `ECDSA-Sig-Value` (r, s) that
/// `openssl dgst` and `openssl pkeyutl` read and write.
public enum SigningAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// ECDSA over NIST P-256 (prime256v1) with SHA-256.
    case p256 = "ecdsa-p256-sha256"
    /// SM2 with SM3 and the distinguishing ID `1234567812345678`.
    case sm2 = "sm2-sm3"

    /// The distinguishing ID every SM2 signature and SM2 certificate uses (GB/T 35276's default).
    ///
    /// OpenSSL 3.0 defaults to an empty ID, so it is set explicitly on every operation;
    /// with the CLI pass `-sigopt distid:1234567812345678` (signing, `dgst`, `pkeyutl`) or
    /// `-vfyopt distid:1234567812345678` (`verify`, `x509 -req`).
    public static let sm2DistinguishingID: [UInt8] = Array("1234567812345678".utf8)

    /// The digest hashed before signing: SHA-256 or SM3.
    public var digest: DigestAlgorithm {
        switch self {
        case .p256: .sha256
        case .sm2: .sm3
        }
    }

    public var description: String {
        switch self {
        case .p256: "ECDSA P-256/SHA-256"
        case .sm2: "SM2/SM3"
        }
    }
}
