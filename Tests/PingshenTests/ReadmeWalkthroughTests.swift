import Foundation
import Testing
import TestSupport

/// The README's walkthrough, taken from README.md exactly as written and run with bash against
/// the built binary, from an empty folder: it must run to the end, and the verification at the
/// end must pass.
@Suite("README walkthrough", .serialized)
struct ReadmeWalkthroughTests {
    static let begin = "<!-- walkthrough:begin -->"
    static let end = "<!-- walkthrough:end -->"

    /// The shell block between the markers, without its fences.
    static func block() throws -> String {
        let readme = try String(contentsOfFile: BuiltBinary.packageRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: begin), "README.md has no \(begin)")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex), "README.md has no \(end)")
        var lines = readme[start.upperBound..<stop.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        try #require(lines.first == "```bash" && lines.last == "```", "the walkthrough is one ```bash block")
        let body = lines.dropFirst().dropLast()
        #expect(!body.contains { $0.hasPrefix("```") }, "the walkthrough is ONE block")
        return body.joined(separator: "\n") + "\n"
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `script` with `bash -e -o pipefail` in `directory`, with the built `pingshen` first on
    /// the PATH and none of pingshen's variables inherited from the test's environment.
    static func bash(_ script: String, in directory: String) throws -> Run {
        let bin = directory + "/.bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/pingshen", withDestinationPath: BuiltBinary.pingshen)
        let file = directory + "/.walkthrough.sh"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-o", "pipefail", file]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PINGSHEN_") }
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        // Files, not pipes: the walkthrough prints more than a pipe holds before it is read.
        let out = directory + "/.stdout", err = directory + "/.stderr"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
                   stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    @Test("the walkthrough in README.md runs top to bottom from an empty folder, and the inspector's verification passes")
    func walkthrough() throws {
        let script = try Self.block()
        let dir = try CLI.temporaryDirectory()
        let run = try Self.bash(script, in: dir)
        #expect(run.status == 0, "the walkthrough stopped (status \(run.status)):\n\(run.stderr.suffix(2000))")
        // The inspector's verification, of the folder and of the archive, passes every check.
        let verdicts = run.stdout.split(separator: "\n").filter { $0.hasPrefix("结论 Result:") }
        #expect(verdicts.count == 2 && verdicts.allSatisfy { $0.contains("✓") && $0.hasSuffix("PASSED") }, "\(run.stdout.suffix(1500))")
        // openssl itself accepted the seal on a result form; the refused vote was a rule's refusal.
        #expect(run.stderr.contains("CMS Verification successful"))
        #expect(run.stderr.contains("Refused (R3)"))

        // Facts about what the block left behind, read here independently of its output.
        let session = dir + "/2026-电子信息高评"
        let status = try CLI.json(try CLI.ok(["-C", session, "status", "--json"]))
        #expect(status["closed"] as? Bool == true)
        let candidates = try #require(status["candidates"] as? [[String: Any]])
        #expect(candidates.count == 14 && candidates.allSatisfy { $0["state"] as? String == "counted" })
        let rejected = candidates.filter { $0["result"] as? String == "rejected" }.compactMap { $0["id"] as? String }
        #expect(rejected == ["C05"])
        let signatures = try FileManager.default.contentsOfDirectory(atPath: session + "/out").filter { $0.hasSuffix(".p7s") }
        #expect(signatures.count == 2 + 14 * 2, "minutes by host and recorder, 14 forms by host and seal")
        // The archive the 组建单位 unpacked holds the very journal the session wrote.
        let journal = try Data(contentsOf: URL(fileURLWithPath: session + "/journal.jsonl"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/组建单位收到的归档/journal.jsonl")) == journal)
        for file in ["文件/一览表.csv", "文件/公示.md", "文件/评审表/评审表-C05.html", "会议归档.p7m", "评委会评审登记.jsonl"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file) was not written")
        }
    }
}
