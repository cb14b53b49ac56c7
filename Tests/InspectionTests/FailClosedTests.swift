import Foundation
import Inspection
import Testing

/// SPEC.md §4: without a pinned trust root verification fails; it does not pass with a warning.
@Suite("A pinned root or no verdict")
struct FailClosedTests {
    @Test("no --committee-cert: verify refuses with a message, exit 1, nothing verified")
    func refusesWithoutRoot() throws {
        let out = try Binary.run(["verify", Fixtures.main.session.path])
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("未用 --committee-cert 指定评委会印章证书，不核验") && out.stderr.contains("--unpinned"))
    }

    @Test("--unpinned: every check reported, never PASSED — 未固定信任根，不作结论, exit 1; JSON says conclusion none")
    func dryLook() throws {
        let path = Fixtures.main.session.path
        let human = try Binary.run(["verify", path, "--unpinned"])
        #expect(human.status == 1)
        #expect(!human.stdout.contains("PASSED"))
        #expect(human.stdout.contains("✓ V7") && human.stdout.contains("⚠ 未用 --committee-cert"))
        #expect(human.stdout.hasSuffix("结论 Result: 未固定信任根，不作结论 (no trust root pinned: NO CONCLUSION)\n"))
        let json = try Binary.run(["verify", path, "--unpinned", "--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let session = try #require((object["sessions"] as? [[String: Any]])?.first)
        #expect(session["passed"] as? Bool == false && session["conclusion"] as? String == "none" && session["unpinned"] as? Bool == true)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["allPassed"] as? Bool == false && summary["unconcluded"] as? Int == 1 && summary["failed"] as? Int == 0)
        // A dry look still fails what is wrong.
        let drill = try Scenarios.drill()
        let failing = try Binary.run(["verify", drill.path, "--unpinned"])
        #expect(failing.status == 1 && failing.stdout.contains("结论 Result: ✗ 未通过 FAILED"))
    }

    @Test("--unpinned with --committee-cert is a usage error (exit 2)")
    func unpinnedExcludesRoot() throws {
        let out = try Binary.run(["verify", Fixtures.main.session.path, "--unpinned", "--committee-cert", Fixtures.main.committee.sealPaths.certificate])
        #expect(out.status == 2)
    }

    @Test("--allow-unsigned alone lets an unsigned drill pass, but a signed session fails V3 without a root")
    func allowUnsignedAlone() throws {
        let drill = try Scenarios.drill()
        #expect(try Binary.run(["verify", drill.path, "--allow-unsigned"]).status == 0)
        let signed = try Binary.run(["verify", Fixtures.main.session.path, "--allow-unsigned"])
        #expect(signed.status == 1 && signed.stdout.contains("✗ V3"))
    }
}
