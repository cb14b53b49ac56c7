import Foundation

/// What every certificate pingshen parses shares, whatever its subject key: the exact DER, the
/// names and serial, and the committee role in the subject OU.
public protocol X509Certificate: Sendable, Hashable, CustomStringConvertible {
    /// The DER encoding, exactly as parsed.
    var der: [UInt8] { get }
    var subject: DistinguishedName { get }
    var issuer: DistinguishedName { get }
    /// The serial number's magnitude, big-endian.
    var serialNumber: [UInt8] { get }
}

extension X509Certificate {
    /// The certificate as a `CERTIFICATE` PEM block.
    public var pem: String {
        try! PEM.encode(der, label: "CERTIFICATE")  // re-armouring parsed DER cannot fail short of memory
    }

    /// The serial number in lowercase hex.
    public var serialHex: String { Digest.hex(serialNumber) }

    /// The committee role in the subject OU, for an end-entity certificate the seal issued.
    public var role: CommitteeRole? {
        subject.organizationalUnit.flatMap(CommitteeRole.init(rawValue:))
    }

    public var description: String {
        "\(Self.self)(\(subject), issuer \(issuer), serial \(serialHex))"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}
