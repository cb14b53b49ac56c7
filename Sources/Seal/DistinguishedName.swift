/// The parts of an X.509 name pingshen writes and reads: CN, OU and O.
///
/// A committee's seal certificate is `CN=<seal name>, O=<committee>`; a member's is
/// `CN=<name>, OU=<role>, O=<committee>`. Attributes pingshen does not use are ignored
/// when reading; each value is UTF-8.
public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// Common name (CN): the person, or the seal's name.
    public var commonName: String?
    /// Organizational unit (OU): the committee role of an end-entity certificate.
    public var organizationalUnit: String?
    /// Organization (O): the committee.
    public var organization: String?

    public init(commonName: String? = nil, organizationalUnit: String? = nil, organization: String? = nil) {
        self.commonName = commonName
        self.organizationalUnit = organizationalUnit
        self.organization = organization
    }

    /// `CN=…, OU=…, O=…`, most specific first, omitting absent parts.
    public var description: String {
        [("CN", commonName), ("OU", organizationalUnit), ("O", organization)]
            .compactMap { key, value in value.map { "\(key)=\($0)" } }
            .joined(separator: ", ")
    }
}

/// The committee role an end-entity certificate is issued for, written in its subject OU.
public enum CommitteeRole: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 主任委员 or the hosting 副主任委员.
    case chair
    /// 记录人, staff of the 组建单位.
    case secretary
    /// 计票人/监票人.
    case teller
    /// 人社部门 supervisor or 纪检 inspector.
    case inspector
    /// The witness on another device that cosigns every checkpoint (an Ed25519 key).
    case witness

    public var description: String {
        switch self {
        case .chair: "主持人 (chair)"
        case .secretary: "记录人 (secretary)"
        case .teller: "计票人 (teller)"
        case .inspector: "监督人 (inspector)"
        case .witness: "见证方 (witness)"
        }
    }
}
