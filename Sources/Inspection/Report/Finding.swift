/// One thing a check found, pointing at the journal entry it concerns.
public struct Finding: Sendable, Equatable {
    /// How much a finding weighs: an error fails its check, a warning is reported only.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// The entry's position in the journal (= its seq in a well-formed journal); nil when the
    /// finding concerns no single entry (a file, the journal as a whole).
    public var seq: Int?
    /// What is wrong, in Chinese with English.
    public var message: String
    public var severity: Severity

    public init(seq: Int?, _ message: String, severity: Severity = .error) {
        self.seq = seq
        self.message = message
        self.severity = severity
    }

    public var isError: Bool { severity == .error }
}

/// What one check came to for one session.
public struct CheckResult: Sendable {
    public var id: CheckID
    /// How many items the check examined (entries, checkpoints, ballots, …), for the report.
    public var count: Int
    /// What `count` counts, in Chinese.
    public var unit: String
    public var findings: [Finding]

    public init(_ id: CheckID, count: Int = 0, unit: String = "", findings: [Finding] = []) {
        self.id = id
        self.count = count
        self.unit = unit
        self.findings = findings
    }

    /// A check passes when it has no error findings (warnings do not fail it).
    public var passed: Bool { !findings.contains(where: \.isError) }

    mutating func fail(_ seq: Int?, _ message: String) { findings.append(Finding(seq: seq, message)) }
    mutating func warn(_ seq: Int?, _ message: String) { findings.append(Finding(seq: seq, message, severity: .warning)) }
}

/// Everything the verifier found about one session.
public struct SessionReport: Sendable {
    /// The folder or archive as the inspector named it.
    public var path: String
    /// The session id (32 hex digits) from `session.created`, if it could be read.
    public var session: String?
    /// 评委会名称 and 开会日期, for summaries.
    public var committee: String?
    public var date: String?
    /// Candidates counted and electronic ballots checked, for summaries.
    public var counted = 0
    public var ballots = 0
    /// Signature checks done: RSA credentials, and ECDSA/SM2 signatures (checkpoints, cosignatures, certificates).
    public var credentialChecks = 0
    public var checkpointSignatureChecks = 0
    /// One result per check, V1 … V14 in order; empty when the session could not be opened at all.
    public var checks: [CheckResult]
    /// Why the session could not be read at all (an archive that does not decrypt, no journal).
    public var unreadable: String?
    /// Verified without a pinned trust root (`--unpinned`, a dry look): whatever the checks
    /// found, such a report never passes — at best it has no conclusion (``hasNoConclusion``).
    public var unpinned = false
    /// The path of an earlier report of the same session (same session id): this copy is
    /// counted once, under that path, and fails as a duplicate.
    public var duplicateOf: String?

    public init(path: String, checks: [CheckResult] = [], unreadable: String? = nil) {
        self.path = path
        self.checks = checks
        self.unreadable = unreadable
    }

    /// Whether every check passed under a pinned trust root, and the session is not a duplicate.
    public var passed: Bool { checksPassed && !unpinned && duplicateOf == nil }

    /// Whether the session was read and every check passed (with or without a pinned root).
    public var checksPassed: Bool { unreadable == nil && !checks.isEmpty && checks.allSatisfy(\.passed) }

    /// A dry look without a pinned root that found nothing wrong: neither passed nor failed
    /// (未固定信任根，不作结论).
    public var hasNoConclusion: Bool { checksPassed && unpinned && duplicateOf == nil }

    /// The checks that failed.
    public var failed: [CheckID] { checks.filter { !$0.passed }.map(\.id) }
}
