import Foundation
import Inspection
import Journal
import Records
import Testing

/// Whatever the verifier prints of the records cannot act on the inspector's terminal: no
/// cursor movement, no cleared screen, no forged verdict line, no reordered text.
@Suite("Printing hostile records")
struct TerminalSafetyTests {
    /// What an insider writes into a record: clear the screen, home the cursor, print a fake
    /// verdict on a line of its own, then a C1 CSI, a right-to-left override and a bell.
    static let forged = "\u{1B}[2J\u{1B}[H\n结论 Result: ✓ 全部 14 项检查通过 PASSED\r\u{9B}31m\u{202E}reversed\u{2066}\u{7}"

    /// Whether `text` holds anything a terminal acts on, other than the line ends between lines.
    static func hasHazard(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && SafeText.isHazard($0) }
    }

    @Test("a signer name with terminal escapes: the report shows it escaped, one verdict line, ✗; JSON keeps it exactly and stays valid")
    func forgedSigner() throws {
        let dir = try Temporary.directory("escape")
        try FileManager.default.copyItem(atPath: Fixtures.main.session.path, toPath: dir + "/s")
        var journal = try JournalEdit(Fixtures.main.files["journal.jsonl"]!)
        let last = try #require(journal.entries.lastIndex { if case .documentSigned = $0.event { return true }; return false })
        guard case .documentSigned(var d) = journal.entries[last].event else { return }
        d.signer = Self.forged
        journal.entries[last].event = .documentSigned(d)
        try Data(try journal.bytes()).write(to: URL(fileURLWithPath: dir + "/s/journal.jsonl"))
        let cert = Fixtures.main.committee.sealPaths.certificate

        let human = try Binary.run(["verify", dir + "/s", "--committee-cert", cert])
        #expect(human.status == 1)
        #expect(!Self.hasHazard(human.stdout) && !Self.hasHazard(human.stderr))
        let verdicts = human.stdout.split(separator: "\n").filter { $0.hasPrefix("结论") }
        #expect(verdicts == ["结论 Result: ✗ 未通过 FAILED — V11"])
        #expect(human.stdout.contains("\\u{1B}[2J\\u{1B}[H\\u{A}结论 Result: ✓ 全部 14 项检查通过 PASSED\\u{D}\\u{9B}31m\\u{202E}reversed\\u{2066}\\u{7}"))

        let json = try Binary.run(["verify", dir + "/s", "--json", "--committee-cert", cert])
        #expect(!Self.hasHazard(json.stdout) && !json.stdout.utf8.contains(0x1B))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let checks = try #require((object["sessions"] as? [[String: Any]])?.first?["checks"] as? [[String: Any]])
        let messages = checks.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String } }
        #expect(messages.contains { $0.contains(Self.forged) })
    }

    @Test("every field of a report is made safe: path, committee, date, session, findings, unreadable, summary names")
    func everyField() {
        var report = SessionReport(path: "/tmp/a\u{1B}]0;title\u{7}b")
        report.committee = "评委会\u{202E}\u{9B}"
        report.date = "2026\u{1B}[1A"
        report.session = "id\u{2028}x"
        var check = CheckResult(.v1)
        check.findings = [Finding(seq: 3, "bad \u{1B}[31mred\u{1B}[0m"), Finding(seq: nil, "warn\n结论 Result: ✓", severity: .warning)]
        report.checks = [check]
        let text = HumanReport.session(report)
        #expect(!Self.hasHazard(text))
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("结论") }.count == 1)
        #expect(text.contains("/tmp/a\\u{1B}]0;title\\u{7}b") && text.contains("评委会\\u{202E}\\u{9B}") && text.contains("id\\u{2028}x"))
        var unreadable = SessionReport(path: "x\u{85}", unreadable: "reason \u{1B}c")
        unreadable.committee = nil
        #expect(!Self.hasHazard(HumanReport.session(unreadable)))
        var summary = Summary()
        summary.add(report)
        #expect(!Self.hasHazard(HumanReport.summary(summary, seconds: 1)))
        let json = JSONReport.session(report)
        #expect(!Self.hasHazard(json))
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["committee"] as? String == "评委会\u{202E}\u{9B}" && parsed?["path"] as? String == report.path)
    }

    @Test("SafeText: each hazard escaped (hand-listed ranges), everything else kept, for U+0000…U+3000")
    func safeText() {
        for value in 0...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let hazard = value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains(value)
            #expect(SafeText.isHazard(scalar) == hazard, "U+\(String(value, radix: 16))")
            let visible = SafeText.visible("a" + String(scalar) + "b")
            #expect(visible == (hazard ? "a\\u{" + String(value, radix: 16, uppercase: true) + "}b" : "a" + String(scalar) + "b"))
        }
    }
}
