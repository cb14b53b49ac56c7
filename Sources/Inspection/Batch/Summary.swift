/// Totals over many sessions, by committee, kept small: a year of sessions adds counts, and
/// only failing sessions are remembered whole.
public struct Summary: Sendable {
    /// One committee's line in the summary table.
    public struct Committee: Sendable {
        public var name: String
        public var sessions = 0
        public var passed = 0
        public var counted = 0
        public var ballots = 0
    }

    public private(set) var sessions = 0
    public private(set) var passed = 0
    public private(set) var counted = 0
    public private(set) var ballots = 0
    public private(set) var credentialChecks = 0
    public private(set) var signatureChecks = 0
    /// Committees in order of first appearance.
    public private(set) var committees: [Committee] = []
    /// Failing sessions, in the order they were added.
    public private(set) var failures: [SessionReport] = []
    /// How many sessions failed each check.
    public private(set) var failuresByCheck: [CheckID: Int] = [:]
    /// How many sessions had warnings under each check.
    public private(set) var warningsByCheck: [CheckID: Int] = [:]
    private var committeeIndex: [String: Int] = [:]

    public init() {}

    public var failed: Int { sessions - passed }

    public mutating func add(_ report: SessionReport) {
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
        } else {
            failures.append(report)
            for id in report.failed { failuresByCheck[id, default: 0] += 1 }
        }
    }
}
