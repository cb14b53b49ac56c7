/// A committee member's id as written in `members.csv` (e.g. `M07`).
public typealias MemberID = String
/// A candidate's id as written in `candidates.csv` (e.g. `C03`).
public typealias CandidateID = String

/// A member's office on the committee (职务).
public enum Office: String, Codable, Sendable, CaseIterable {
    case chair = "主任委员"
    case viceChair = "副主任委员"
    case member = "委员"
}

/// One row of `members.csv`.
public struct Member: Codable, Sendable, Equatable {
    public var id: MemberID
    public var name: String
    public var office: Office
    public var unit: String
    /// 评议组 (review panel) the member belongs to; may be empty.
    public var panel: String

    public init(id: MemberID, name: String, office: Office, unit: String, panel: String) {
        self.id = id
        self.name = name
        self.office = office
        self.unit = unit
        self.panel = panel
    }
}

/// One row of `candidates.csv`: a person's application for a title.
public struct Candidate: Codable, Sendable, Equatable {
    public var id: CandidateID
    public var name: String
    /// 性别: 男 or 女.
    public var gender: String
    /// 出生年月, normalised to `YYYY-MM`.
    public var born: String
    public var unit: String
    /// 学历.
    public var education: String
    /// 现职称.
    public var currentTitle: String
    /// 申报职称.
    public var appliedTitle: String
    public var series: String
    public var specialty: String
    public var level: String
    /// 破格 (exceptional promotion outside the usual conditions).
    public var exceptional: Bool
    public var panel: String
    /// 证件号码, when the roster carries it; the strongest key for the registry (R8).
    public var idNumber: String?

    public init(
        id: CandidateID, name: String, gender: String, born: String, unit: String,
        education: String, currentTitle: String, appliedTitle: String, series: String,
        specialty: String, level: String, exceptional: Bool, panel: String, idNumber: String? = nil
    ) {
        self.id = id
        self.name = name
        self.gender = gender
        self.born = born
        self.unit = unit
        self.education = education
        self.currentTitle = currentTitle
        self.appliedTitle = appliedTitle
        self.series = series
        self.specialty = specialty
        self.level = level
        self.exceptional = exceptional
        self.panel = panel
        self.idNumber = idNumber
    }
}

/// Whom an application belongs to, for recognising the same application across sessions (R8;
/// the matching itself is a rule, in `Review`).
public struct ApplicantKey: Codable, Sendable, Hashable {
    public var name: String
    public var gender: String
    public var born: String
    public var appliedTitle: String
    public var idNumber: String?

    public init(name: String, gender: String, born: String, appliedTitle: String, idNumber: String?) {
        self.name = name
        self.gender = gender
        self.born = born
        self.appliedTitle = appliedTitle
        self.idNumber = idNumber
    }
}

extension Candidate {
    /// The key under which this application is matched against the registry (R8).
    public var applicantKey: ApplicantKey {
        ApplicantKey(name: name, gender: gender, born: born, appliedTitle: appliedTitle, idNumber: idNumber)
    }
}
