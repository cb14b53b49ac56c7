import Foundation
import Testing

/// A small unsigned session run through the built `pingshen`, on the sample roster with the
/// settings given: 19 members in, M07 recused from C01, C01 deliberated with a discussion, and
/// (when `vote`) all 18 voters marking 同意 in one electronic round.
struct PolicySession {
    let folder: String

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path

    /// The sample's settings with `denominator` and `recused_leave_denominator` as given.
    init(denominator: String, recusedLeave: Bool, vote: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try SampleSession.temporaryDirectory()
        var toml = try String(contentsOfFile: Self.samples + "/session.toml", encoding: .utf8)
        let kept = toml.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("denominator") && !$0.hasPrefix("recused_leave_denominator") }
        toml = (["denominator = \"\(denominator)\"", "recused_leave_denominator = \(recusedLeave)"] + kept.map(String.init))
            .joined(separator: "\n")
        try toml.write(toFile: dir + "/session.toml", atomically: true, encoding: .utf8)
        folder = dir + "/session"
        try Self.ok(["init", folder, "--settings", dir + "/session.toml", "--members", Self.samples + "/members.csv",
                     "--candidates", Self.samples + "/candidates.csv"], sourceLocation: sourceLocation)
        let members = (1...19).map { $0 < 10 ? "M0\($0)" : "M\($0)" }
        let out = try Self.ok(["-C", folder, "checkin", "--json"] + members, sourceLocation: sourceLocation)
        let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        let pins = try #require(json?["pins"] as? [String: String], sourceLocation: sourceLocation)
        try Self.ok(["-C", folder, "open", "--host", "M01", "--recorder", "王秘书", "--unsigned"], sourceLocation: sourceLocation)
        try Self.ok(["-C", folder, "recuse", "M07", "--candidate", "C01", "--reason", "近亲属"], sourceLocation: sourceLocation)
        try Self.ok(["-C", folder, "deliberate", "C01", "--opinion", "电子信息一组评议意见：符合条件，建议通过。"], sourceLocation: sourceLocation)
        try Self.ok(["-C", folder, "discussion", "C01", "委员一致认为其业绩突出。"], sourceLocation: sourceLocation)
        guard vote else { return }
        try Self.ok(["-C", folder, "vote", "open", "C01"], sourceLocation: sourceLocation)
        for m in members where m != "M07" {
            try Self.ok(["-C", folder, "vote", "cast", "--member", m, "--pin", pins[m]!, "C01=同意"], sourceLocation: sourceLocation)
        }
        try Self.ok(["-C", folder, "vote", "close"], sourceLocation: sourceLocation)
    }

    /// Runs `pingshen arguments…`, which must succeed; returns its standard output.
    @discardableResult
    static func ok(_ arguments: [String], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try SampleSession.run(arguments, environment: environment)
        #expect(r.status == 0, "pingshen \(arguments.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// Runs `pingshen -C folder arguments…`.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> SampleSession.Output {
        try SampleSession.run(["-C", folder] + arguments, environment: environment)
    }
}
