import Foundation
import Testing

/// `Web/test/crypto-test.html` in headless Chromium: the FIPS 180-4 hash examples, the four
/// RFC 9474 Appendix A vectors (Tests/SealTests/Vectors/rfc9474), the SPKI reader's refusals
/// and the ballot message, every check reported as a `PASS`/`FAIL` line in the page.
@Suite("Browser crypto self-test page", .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)))
struct SelfTestPageTests {
    /// The page's result lines and summary, from one browser run.
    static func run() throws -> (lines: [String], passed: Int?, failed: Int?, done: Bool) {
        let dom = try Chromium.dumpDOM(page: "crypto-test.html")
        let lines = (Chromium.element("pre", id: "results", in: dom) ?? "").split(separator: "\n").map(String.init)
        func attribute(_ name: String) -> String? {
            guard let range = dom.range(of: name + "=\"") else { return nil }
            return String(dom[range.upperBound...].prefix { $0 != "\"" })
        }
        return (lines, attribute("data-passed").flatMap { Int($0) }, attribute("data-failed").flatMap { Int($0) },
                attribute("data-done") == "true")
    }

    @Test("every check on the page passes, the RFC 9474 vectors and hash examples among them")
    func everyCheckPasses() throws {
        let result = try Self.run()
        #expect(result.done, "the page did not finish")
        let failures = result.lines.filter { !$0.hasPrefix("PASS ") }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(result.failed == 0)
        #expect(result.passed == result.lines.count)
        // The checks that must have run, by name (a page that silently skipped them must fail here).
        var required = ["SHA-384 empty", "SHA-384 abc", "SHA-384 896-bit message", "SHA-384 a million a",
                        "SHA-256 empty", "SHA-256 abc", "SHA-256 a million a", "SPKI: every truncation is refused",
                        "ballot message: hand-checked bytes and id", "a whole ballot: begin, blind-sign (vector key), finish, verify"]
        for variant in ["PSS-Randomized", "PSSZERO-Randomized", "PSS-Deterministic", "PSSZERO-Deterministic"] {
            for step in ["Prepare", "Blind", "Finalize", "Finalize rejects a wrong blind signature"] {
                required.append("RSABSSA-SHA384-\(variant): \(step)")
            }
        }
        for name in required {
            #expect(result.lines.contains("PASS " + name), "missing: \(name)")
        }
        #expect(result.lines.count >= 60)
    }
}
