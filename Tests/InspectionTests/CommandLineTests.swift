import Foundation
import Inspection
import Testing
import Workspace

/// `pingshen verify` as an inspector runs it: the report, --json, exit status, archives.
@Suite("pingshen verify")
struct CommandLineTests {
    @Test("a sound session: ✓ for every check, exit 0; with --json the contract's fields")
    func soundSession() throws {
        let f = Fixtures.main
        let human = try Binary.run(["verify", f.session.path, "--committee-cert", f.committee.sealPaths.certificate])
        #expect(human.status == 0, "\(human.stdout)\(human.stderr)")
        #expect(human.stdout.contains("✓ V7 电子选票"))
        #expect(human.stdout.contains("全部 15 项检查通过"))
        let json = try Binary.run(["verify", f.session.path, "--json", "--committee-cert", f.committee.sealPaths.certificate])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect(sessions[0]["passed"] as? Bool == true)
        #expect(sessions[0]["path"] as? String == f.session.path)
        #expect((sessions[0]["session"] as? String)?.count == 32)
        let checks = try #require(sessions[0]["checks"] as? [[String: Any]])
        #expect(checks.map { $0["id"] as? String } == (1...15).map { "V\($0)" })
        #expect(checks.allSatisfy { $0["title"] is String && $0["passed"] as? Bool == true && $0["count"] is Int && $0["findings"] is [Any] })
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["sessions"] as? Int == 1 && summary["failed"] as? Int == 0)
    }

    @Test("a tampered session: ✗ with the entry quoted, exit 1")
    func tamperedSession() throws {
        let f = Fixtures.main
        let dir = try Temporary.directory("cli")
        try FileManager.default.copyItem(atPath: f.session.path, toPath: dir + "/s")
        var journal = try Data(contentsOf: URL(fileURLWithPath: dir + "/s/journal.jsonl"))
        let range = try #require(journal.range(of: Data("\"C05\":\"不同意\"".utf8)))
        journal.replaceSubrange(range, with: Data("\"C05\":\"同意\"".utf8) + Data("   ".utf8))
        try journal.write(to: URL(fileURLWithPath: dir + "/s/journal.jsonl"))
        let out = try Binary.run(["verify", dir + "/s", "--committee-cert", f.committee.sealPaths.certificate])
        #expect(out.status == 1)
        #expect(out.stdout.contains("✗ V1") || out.stdout.contains("✗ V2"))
        #expect(out.stdout.contains("第 ") && out.stdout.contains("结论 Result: ✗"))
    }

    @Test("archives need the inspector's key; with it they verify; an unsigned drill needs --allow-unsigned")
    func archivesAndDrills() throws {
        let f = Fixtures.main
        let dir = try Temporary.directory("cli-archive")
        let archive = try SessionArchive.seal(SessionFolder(path: f.session.path), for: [f.committee.inspector.certificate])
        try Data(archive).write(to: URL(fileURLWithPath: dir + "/s.p7m"))
        let keyPath = f.committee.directory + "/inspector.key", certPath = f.committee.directory + "/inspector.pem"
        try Data(TestCommittee.passphrase.utf8).write(to: URL(fileURLWithPath: dir + "/pass"))
        let without = try Binary.run(["verify", dir + "/s.p7m", "--committee-cert", f.committee.sealPaths.certificate])
        #expect(without.status == 1)
        let with = try Binary.run(["verify", dir + "/s.p7m", "--key", keyPath, "--cert", certPath, "--passphrase-file", dir + "/pass",
                                   "--committee-cert", f.committee.sealPaths.certificate])
        #expect(with.status == 0, "\(with.stdout)\(with.stderr)")
        let drill = try Scenarios.drill()
        #expect(try Binary.run(["verify", drill.path]).status == 1)
        #expect(try Binary.run(["verify", drill.path, "--allow-unsigned"]).status == 0)
        #expect(try Binary.run(["verify", dir + "/nothing-here", "--committee-cert", f.committee.sealPaths.certificate]).status == 2)
    }

    @Test("a committee certificate or registry that cannot be used is bad input: its message, exit 2")
    func unusableTrustFiles() throws {
        let f = Fixtures.main
        let dir = try Temporary.directory("cli-trust")
        let missing = try Binary.run(["verify", f.session.path, "--committee-cert", dir + "/none.pem"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("无法读取证书文件 \(dir)/none.pem") && missing.stderr.contains("error: cannot read"))
        try Data("{\"committee\":1}\n".utf8).write(to: URL(fileURLWithPath: dir + "/r.jsonl"))
        let registry = try Binary.run(["verify", f.session.path, "--committee-cert", f.committee.sealPaths.certificate, "--registry", dir + "/r.jsonl"])
        #expect(registry.status == 2)
        #expect(registry.stderr.contains("第 1 行不是有效的评审决定") && registry.stdout.isEmpty)
    }
}
