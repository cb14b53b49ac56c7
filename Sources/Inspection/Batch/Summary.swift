/// Totals over many sessions, by committee, kept small: a year of sessions adds counts, and
/// only failing sessions are remembered whole.
///
/// A session is known by its id: a second report of the same id (two copies of one session,
/// or a folder named twice) is counted once, under the first report added, and fails as a
/// duplicate.
public struct Summary: Sendable {
    /// One committee's line in the summary table.
    public struct Committee: Sendable {
        public var name: String
        public var sessions = 0
        public var passed = 0
        public var unconcluded = 0
        public var counted = 0
        public var ballots = 0

        /// Sessions that failed (neither passed nor without a conclusion).
        public var failed: Int { sessions - passed - unconcluded }
    }

    public private(set) var sessions = 0
    public private(set) var passed = 0
    /// Sessions looked at without a pinned root (`--unpinned`) that no check failed.
    public private(set) var unconcluded = 0
    public private(set) var counted = 0
    public private(set) var ballots = 0
    public private(set) var credentialChecks = 0
    public private(set) var signatureChecks = 0
    /// Committees in order of first appearance.
    public private(set) var committees: [Committee] = []
    /// Failing sessions and duplicates, in the order they were added.
    public private(set) var failures: [SessionReport] = []
    /// Reports of a session already added, in the order they came.
    public private(set) var duplicates: [SessionReport] = []
    /// How many sessions failed each check.
    public private(set) var failuresByCheck: [CheckID: Int] = [:]
    /// How many sessions had warnings under each check.
    public private(set) var warningsByCheck: [CheckID: Int] = [:]
    private var committeeIndex: [String: Int] = [:]
    /// The path each session id was first seen under.
    private var firstPath: [String: String] = [:]

    public init() {}

    /// Sessions that failed: a check failed, or they could not be read.
    public var failed: Int { sessions - passed - unconcluded }

    /// Whether every session passed, with no duplicate and none without a conclusion.
    public var allPassed: Bool { failed == 0 && unconcluded == 0 && duplicates.isEmpty }

    /// Adds `report` and returns it as counted: a second report of a session id already added
    /// comes back marked ``SessionReport/duplicateOf`` and adds nothing to the totals.
    @discardableResult
    public mutating func add(_ report: SessionReport) -> SessionReport {
        var report = report
        if let id = report.session {
            if let first = firstPath[id] {
                report.duplicateOf = first
                duplicates.append(report)
                failures.append(report)
                return report
            }
            firstPath[id] = report.path
        }
        sessions += 1
        counted += report.counted
        ballots += report.ballots
        credentialChecks += report.credentialChecks
        signatureChecks += report.checkpointSignatureChecks
        let name = report.committee ?? "（无法读取 unreadable）"
        let i: Int
        if let known = committeeIndex[name] { i = known } else {
            i = committees.count
            committeeIndex[name] = i
            committees.append(Committee(name: name))
        }
        committees[i].sessions += 1
        committees[i].counted += report.counted
        committees[i].ballots += report.ballots
        for check in report.checks where check.findings.contains(where: { !$0.isError }) {
            warningsByCheck[check.id, default: 0] += 1
        }
        if report.passed {
            passed += 1
            committees[i].passed += 1
        } else if report.hasNoConclusion {
            unconcluded += 1
            committees[i].unconcluded += 1
        } else {
            failures.append(report)
            for id in report.failed { failuresByCheck[id, default: 0] += 1 }
        }
        return report
    }
}
