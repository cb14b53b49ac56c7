import Foundation
import Inspection
import Journal
import Records
import Seal
import Testing
import Workspace

/// Sessions that must pass, and the ways a session may legitimately differ.
@Suite("Verifying whole sessions")
struct SessionTests {
    static let different: (SampleSession, TestCommittee) = {
        let committee = try! TestCommittee(name: "安徽省工程系列电子信息专业中级职称评审委员会", chairName: "周立新")
        return (try! Scenarios.different(committee: committee), committee)
    }()

    func failed(_ report: SessionReport) -> String { HumanReport.session(report, relations: false, onlyFailing: true) }

    @Test("a legitimately different session passes: N of all present, recused kept in N, a cap, other members and results")
    func differentSessionPasses() throws {
        let (session, committee) = Self.different
        let files = try FolderReading.files(of: session.path)
        guard case .sessionCreated(let s)? = try JournalEdit(files["journal.jsonl"]!).entries.first?.event,
              let c14 = s.candidates.first(where: { $0.id == "C14" }) else { Issue.record("no founding entry"); return }
        let barred = PastDecision(committee: s.settings.name, session: "fedcba9876543210fedcba9876543210", date: "2025-11-20", candidate: "C14",
                                  applicant: c14.applicantKey, unit: c14.unit, outcome: .rejected, yes: 3, denominator: 19)
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate], registry: [barred]))
            .verify(.folder(session.path), path: session.path)
        #expect(report.passed, "\(failed(report))")
        #expect(report.counted == 5)
        // The main sample's committee is another root: pinning it refuses this session.
        let other = Inspector(Fixtures.main.options).verify(.folder(session.path), path: session.path)
        #expect(other.failed == [.v3])
    }

    @Test("a session that keeps a registry passes against the registry it wrote at its own close")
    func registrySession() throws {
        let committee = try TestCommittee()
        let registry = try Temporary.directory("registry") + "/登记.jsonl"
        var s = try SampleSession(committee: committee, registry: registry)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        try s.open(host: "M01", at: "09:05")
        try s.run(.beginDeliberation(["C01", "C02"], opinion: nil), at: "09:10")
        try s.electronicRound(["C01", "C02"], ["C01": (18, 2, 0), "C02": (19, 0, 0)], open: "09:20", close: "09:25")
        try s.run(.announce, at: "09:30")
        try s.close(at: "09:35")
        try s.signDocuments(forms: .individual, at: "09:50")
        let lines = try String(contentsOfFile: registry, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let decisions = try lines.map { try EntryCoding.decodeValue(PastDecision.self, Array($0.utf8)) }
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate], registry: decisions)).verify(.folder(s.path), path: s.path)
        #expect(report.passed, "\(failed(report))")
        // The same decisions under another session's id are a re-review.
        let elsewhere = decisions.map { d -> PastDecision in var e = d; e.session = String(repeating: "0", count: 32); return e }
        let again = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate], registry: elsewhere)).verify(.folder(s.path), path: s.path)
        #expect(again.failed == [.v9])
    }

    @Test("an unsigned drill fails V2, V3 and V15 unless --allow-unsigned")
    func unsignedDrill() throws {
        let drill = try Scenarios.drill()
        let strict = Inspector(InspectionOptions()).verify(.folder(drill.path), path: drill.path)
        #expect(strict.failed == [.v2, .v3, .v15])
        #expect(strict.checks[1].findings.first?.message.contains("unsigned drill") == true)
        let allowed = Inspector(InspectionOptions(allowUnsigned: true)).verify(.folder(drill.path), path: drill.path)
        #expect(allowed.passed, "\(failed(allowed))")
        #expect(allowed.checks[6].findings.map(\.severity) == [.warning])
    }

    @Test("a 国密 committee's session (SM2 seal, statement, checkpoints and signatures) passes")
    func sm2SessionPasses() throws {
        let committee = try TestCommittee(name: "国密测试评委会", algorithm: .sm2)
        let session = try Scenarios.sm2(committee: committee)
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate])).verify(.folder(session.path), path: session.path)
        #expect(report.passed, "\(failed(report))")
    }

    @Test("a closed signed meeting with no signed documents fails V11 only")
    func noDocuments() throws {
        let f = Fixtures.main
        var files = f.files
        var lines = Lines.split(files["journal.jsonl"]!)
        while let last = lines.last, (try? EntryCoding.decode(last))?.event.kind == "document.signed" { lines.removeLast() }
        files["journal.jsonl"] = Lines.join(lines)
        let report = Fixtures.verify(files, f.options)
        #expect(report.failed == [.v11])
        #expect(report.checks[10].findings.first?.message.contains("no documents signed") == true)
    }

    @Test("an encrypted archive opens in memory with the inspector's key and passes; an altered one does not open")
    func archives() throws {
        let f = Fixtures.main
        let archive = try SessionArchive.seal(SessionFolder(path: f.session.path), for: [f.committee.inspector.certificate])
        let dir = try Temporary.directory("archives")
        try Data(archive).write(to: URL(fileURLWithPath: dir + "/s.p7m"))
        var altered = archive
        altered[altered.count / 2] ^= 0x20
        try Data(altered).write(to: URL(fileURLWithPath: dir + "/t.p7m"))
        let batch = BatchRun(inspector: Inspector(f.options), opener: ArchiveOpener(identity: f.committee.inspector), jobs: 2)
        let good = batch.verify(.archive(dir + "/s.p7m"))
        #expect(good.passed, "\(failed(good))")
        #expect(good.session?.count == 32)
        let bad = batch.verify(.archive(dir + "/t.p7m"))
        #expect(!bad.passed && bad.unreadable != nil)
        let stranger = BatchRun(inspector: Inspector(f.options), opener: ArchiveOpener(identity: Fixtures.rogue.inspector)).verify(.archive(dir + "/s.p7m"))
        #expect(stranger.unreadable != nil)
        let locked = BatchRun(inspector: Inspector(f.options), opener: nil).verify(.archive(dir + "/s.p7m"))
        #expect(locked.unreadable?.contains("--key") == true)
    }

    @Test("a folder of many sessions and archives is found whole and verified in parallel; a second copy of a session counts once and fails")
    func folderOfMany() throws {
        let f = Fixtures.main
        let dir = try Temporary.directory("year")
        try FileManager.default.createDirectory(atPath: dir + "/2026/一月", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: f.session.path, toPath: dir + "/2026/一月/main")
        try FileManager.default.copyItem(atPath: Self.different.0.path, toPath: dir + "/2026/other")
        let archive = try SessionArchive.seal(SessionFolder(path: f.session.path), for: [f.committee.inspector.certificate])
        try Data(archive).write(to: URL(fileURLWithPath: dir + "/2026/main.p7m"))
        try Data("not a session".utf8).write(to: URL(fileURLWithPath: dir + "/readme.txt"))
        let (sessions, problems) = Discovery.locate([dir])
        #expect(problems.isEmpty)
        #expect(sessions.map(\.path) == [dir + "/2026/main.p7m", dir + "/2026/other", dir + "/2026/一月/main"])
        let options = InspectionOptions(pinnedCommittees: [f.committee.seal.certificate, Self.different.1.seal.certificate])
        let collected = Box(Summary())
        let order = Box([Int]())
        BatchRun(inspector: Inspector(options), opener: ArchiveOpener(identity: f.committee.inspector), jobs: 2).run(sessions) { index, report in
            order.value.append(index)
            collected.value.add(report)
        }
        #expect(order.value == [0, 1, 2])  // delivered in the order named, whichever finished first
        // main.p7m and 一月/main are one session: counted once, under the first named; the copy fails.
        let s = collected.value
        #expect(s.sessions == 2 && s.passed == 2 && s.failed == 0)
        #expect(s.duplicates.map(\.path) == [dir + "/2026/一月/main"] && s.duplicates.first?.duplicateOf == dir + "/2026/main.p7m")
        #expect(s.duplicates.first?.passed == false && s.duplicates.first?.checksPassed == true && !s.allPassed)
        #expect(s.committees.count == 2 && s.committees.map(\.sessions) == [1, 1])
        #expect(HumanReport.summary(s, seconds: nil).contains("1 份重复"))
    }
}
