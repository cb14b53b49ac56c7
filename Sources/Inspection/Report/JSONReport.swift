import Foundation

/// The machine-readable report (`--json`): one object per session, then a summary.
///
/// `conclusion` is `passed`, `failed`, or `none` (a dry look without a pinned root, `--unpinned`,
/// where no check failed); `passed` is true only for `passed`.
///
///     {"sessions":[{"path":…,"session":…,"passed":true,"conclusion":"passed","checks":[{"id":"V1","title":…,
///       "passed":true,"count":200,"findings":[{"seq":12,"message":…,"severity":"error"}]}]}],
///      "summary":{…}}
///
/// Written as the sessions finish, so that a year's report is never held in memory.
public enum JSONReport {
    public static let opening = "{\"sessions\":["

    /// One session's object.
    public static func session(_ r: SessionReport) -> String {
        var fields = ["\"path\":\(string(r.path))", "\"session\":\(r.session.map(string) ?? "null")",
                      "\"committee\":\(r.committee.map(string) ?? "null")", "\"date\":\(r.date.map(string) ?? "null")",
                      "\"passed\":\(r.passed)", "\"counted\":\(r.counted)", "\"ballots\":\(r.ballots)"]
        fields.append("\"conclusion\":\"\(r.passed ? "passed" : r.hasNoConclusion ? "none" : "failed")\"")
        if r.unpinned { fields.append("\"unpinned\":true") }
        if let first = r.duplicateOf { fields.append("\"duplicateOf\":\(string(first))") }
        if let unreadable = r.unreadable { fields.append("\"unreadable\":\(string(unreadable))") }
        let checks = r.checks.map { c in
            let findings = c.findings.map { f in
                "{\"seq\":\(f.seq.map(String.init) ?? "null"),\"message\":\(string(f.message)),\"severity\":\"\(f.severity.rawValue)\"}"
            }
            return "{\"id\":\"\(c.id.name)\",\"title\":\(string(c.id.title)),\"relation\":\(string(c.id.relation)),"
                + "\"passed\":\(c.passed),\"count\":\(c.count),\"unit\":\(string(c.unit)),\"findings\":[\(findings.joined(separator: ","))]}"
        }
        fields.append("\"checks\":[\(checks.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The closing part: the summary object.
    public static func closing(_ s: Summary, seconds: Double?, problems: [String]) -> String {
        let committees = s.committees.map { c in
            "{\"committee\":\(string(c.name)),\"sessions\":\(c.sessions),\"passed\":\(c.passed),\"failed\":\(c.failed),\"unconcluded\":\(c.unconcluded),\"counted\":\(c.counted),\"ballots\":\(c.ballots)}"
        }
        let byCheck = CheckID.allCases.map { "\"\($0.name)\":\(s.failuresByCheck[$0] ?? 0)" }
        var fields = ["\"sessions\":\(s.sessions)", "\"passed\":\(s.passed)", "\"failed\":\(s.failed)", "\"allPassed\":\(s.allPassed && problems.isEmpty)",
                      "\"unconcluded\":\(s.unconcluded)", "\"duplicates\":[\(s.duplicates.map { string($0.path) }.joined(separator: ","))]",
                      "\"counted\":\(s.counted)", "\"ballots\":\(s.ballots)",
                      "\"credentialChecks\":\(s.credentialChecks)", "\"signatureChecks\":\(s.signatureChecks)",
                      "\"failuresByCheck\":{\(byCheck.joined(separator: ","))}", "\"committees\":[\(committees.joined(separator: ","))]",
                      "\"problems\":[\(problems.map(string).joined(separator: ","))]"]
        if let seconds { fields.append("\"seconds\":\(seconds)") }
        return "],\"summary\":{" + fields.joined(separator: ",") + "}}"
    }

    /// A JSON string literal, with everything a terminal acts on escaped (``SafeText/json(_:)``).
    static func string(_ s: String) -> String { SafeText.json(s) }
}
