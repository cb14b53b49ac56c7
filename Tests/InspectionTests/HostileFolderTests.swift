import Dispatch
import Foundation
import Inspection
import Journal
import Records
import Testing

/// Sealed folders an insider prepared to fool or stall the inspector: links, FIFOs, devices,
/// huge files, a second copy of a session. Each once "worked"; each must now fail, naming what
/// it found, and never hang or allocate without bound.
@Suite("Hostile session folders")
struct HostileFolderTests {
    /// A fresh copy of the sealed sample folder.
    static func copy(_ tag: String) throws -> String {
        let dir = try Temporary.directory(tag)
        try FileManager.default.copyItem(atPath: Fixtures.main.session.path, toPath: dir + "/s")
        return dir + "/s"
    }

    /// Verifies `path` on another thread, giving up after `seconds`: a hang is a failure, not a stuck test run.
    static func verify(_ path: String, within seconds: Double = 120) -> SessionReport? {
        let done = DispatchSemaphore(value: 0)
        let result = Box<SessionReport?>(nil)
        Thread.detachNewThread {
            result.value = Inspector(Fixtures.main.options).verify(.folder(path), path: path)
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return result.value
    }

    static func findings(_ report: SessionReport, _ id: CheckID) -> [String] {
        report.checks.first { $0.id == id }?.findings.filter(\.isError).map(\.message) ?? []
    }

    @Test("a year folder with loop -> . counts its one session once and names the link; the command exits 1")
    func loopLink() throws {
        let year = try Temporary.directory("loop")
        try FileManager.default.copyItem(atPath: Fixtures.main.session.path, toPath: year + "/s")
        try FileManager.default.createSymbolicLink(atPath: year + "/loop", withDestinationPath: ".")
        let (sessions, problems) = Discovery.locate([year])
        #expect(sessions == [.folder(year + "/s")])
        #expect(problems.count == 1 && problems[0].hasPrefix(year + "/loop：是指向 . 的符号链接，不跟随"))
        let out = try Binary.run(["verify", year, "--committee-cert", Fixtures.main.committee.sealPaths.certificate])
        #expect(out.status == 1)
        #expect(out.stderr.contains("loop") && out.stderr.contains("不跟随"))
        #expect(out.stdout.contains("项检查通过 PASSED"))  // one session: its own report
        // A named path that is itself a link is not followed either.
        try FileManager.default.createSymbolicLink(atPath: year + "/named", withDestinationPath: year + "/s")
        #expect(Discovery.locate([year + "/named"]).sessions.isEmpty)
    }

    @Test("candidates.csv -> /dev/zero is not read (no allocation without bound): V13 names the link")
    func linkToDevZero() throws {
        let s = try Self.copy("zero")
        try FileManager.default.removeItem(atPath: s + "/candidates.csv")
        try FileManager.default.createSymbolicLink(atPath: s + "/candidates.csv", withDestinationPath: "/dev/zero")
        let report = try #require(Self.verify(s))
        #expect(report.failed == [.v13])
        #expect(Self.findings(report, .v13).contains { $0.contains("candidates.csv 是指向 /dev/zero 的符号链接") })
    }

    @Test("a FIFO in place of a signature does not stall the verifier: V13 names it, V11 finds the signature missing")
    func fifoInsteadOfSignature() throws {
        let s = try Self.copy("fifo")
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: s + "/out").sorted().first { $0.hasSuffix(".p7s") })
        try FileManager.default.removeItem(atPath: s + "/out/" + name)
        #expect(mkfifo(s + "/out/" + name, 0o600) == 0)
        let report = try #require(Self.verify(s), "verify hung on a FIFO")
        #expect(report.failed.contains(.v13) && report.failed.contains(.v11))
        #expect(Self.findings(report, .v13).contains { $0.contains("out/\(name) 不是普通文件而是命名管道") })
    }

    @Test("a linked folder on the way (out -> a copy elsewhere) is refused as a whole, not only a link at the end")
    func linkedFolderOnTheWay() throws {
        let s = try Self.copy("outlink")
        let elsewhere = try Temporary.directory("elsewhere") + "/out"
        try FileManager.default.moveItem(atPath: s + "/out", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: s + "/out", withDestinationPath: elsewhere)
        let report = try #require(Self.verify(s))
        #expect(report.failed.contains(.v13) && report.failed.contains(.v11))
        #expect(Self.findings(report, .v13).contains { $0.hasPrefix("会议文件夹中有核验不读取的条目：out 是指向") })
    }

    @Test("files above their cap are not read: a 257 MiB journal makes the session unreadable, a 17 MiB file fails V13")
    func caps() throws {
        let s = try Self.copy("caps")
        // Sparse files: the size is real, the disk and the verifier's memory are spared.
        FileManager.default.createFile(atPath: s + "/out/padding.bin", contents: nil)
        #expect(truncate(s + "/out/padding.bin", off_t(ReadLimits.other + 1)) == 0)
        let report = try #require(Self.verify(s))
        #expect(report.failed == [.v13])
        #expect(Self.findings(report, .v13).contains { $0.contains("out/padding.bin 有 \(ReadLimits.other + 1) 字节，超过上限") })
        #expect(truncate(s + "/journal.jsonl", off_t(ReadLimits.journal + 1)) == 0)
        let big = try #require(Self.verify(s))
        #expect(big.unreadable?.contains("超过上限") == true && !big.passed)
        #expect(ReadLimits.journal == 256 << 20 && ReadLimits.other == 16 << 20)
    }

    @Test("a journal that is a link, or a FIFO, makes the session unreadable with the reason")
    func journalLinkOrFIFO() throws {
        let s = try Self.copy("journal")
        try FileManager.default.moveItem(atPath: s + "/journal.jsonl", toPath: s + "/../real.jsonl")
        try FileManager.default.createSymbolicLink(atPath: s + "/journal.jsonl", withDestinationPath: "../real.jsonl")
        let linked = try #require(Self.verify(s))
        #expect(linked.unreadable?.contains("符号链接") == true)
        try FileManager.default.removeItem(atPath: s + "/journal.jsonl")
        #expect(mkfifo(s + "/journal.jsonl", 0o600) == 0)
        let fifo = try #require(Self.verify(s), "verify hung on a FIFO journal")
        #expect(fifo.unreadable?.contains("命名管道") == true)
    }

    @Test("two copies of one session count once; the second named is the duplicate and fails (exit 1, JSON names it)")
    func duplicateSessions() throws {
        let a = try Self.copy("dup-a"), b = try Self.copy("dup-b")
        let cert = Fixtures.main.committee.sealPaths.certificate
        let human = try Binary.run(["verify", a, b, "--committee-cert", cert])
        #expect(human.status == 1)
        #expect(human.stdout.contains("重复 duplicate: 与 \(a) 是同一次会议"))
        #expect(human.stdout.contains("会议 sessions") && human.stdout.contains("1 份重复"))
        let json = try Binary.run(["verify", a, b, "--json", "--committee-cert", cert])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["passed"] as? Bool } == [true, false])
        #expect(sessions[1]["duplicateOf"] as? String == a && sessions[1]["path"] as? String == b)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["sessions"] as? Int == 1 && summary["allPassed"] as? Bool == false)
        #expect(summary["duplicates"] as? [String] == [b])
    }
}
