import FileSystem
import Foundation
import Journal
import Records
import Review
import Seal
import Testing
@testable import Workspace

@Suite("Session folder: journal, refusals, torn lines, repair")
struct SessionFolderTests {
    @Test("init writes the founding entry and byte-exact copies of the inputs")
    func initWritesFounding() throws {
        let f = try SessionFixture()
        let entries = try f.entries()
        #expect(entries.count == 1)
        guard case .sessionCreated(let founding) = entries[0].event else { Issue.record("no founding entry"); return }
        #expect(founding.members.count == 25 && founding.candidates.count == 14)
        #expect(founding.settings.quorum == 17)
        for name in ["session.toml", "members.csv", "candidates.csv"] {
            let copy = try #require(try DurableFile.read(f.folder.path + "/" + name))
            let original = try #require(try DurableFile.read(SessionFixture.samples + "/" + name))
            #expect(copy == original)
            #expect(founding.sources[name] == Digest.sha256Hex(original))
        }
    }

    @Test("a refused command writes nothing: the journal's bytes are unchanged")
    func refusalWritesNothing() throws {
        var f = try SessionFixture()
        try f.open(present: 20)
        let before = try f.journalBytes()
        #expect(throws: WorkspaceError.self) { try f.folder.openForWriting().openRound(["C01"], paper: false) }
        #expect(throws: WorkspaceError.self) { try f.folder.openForWriting().castBallot(member: "M02", pin: "000000", choices: ["C01": .yes]) }
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().checkIn(["M99"]).pins }
        do {
            try f.folder.run(.openMeeting(host: "M01", recorder: "x", agenda: [], seal: nil))
        } catch {
            #expect(error.exitCode == 2)
        }
        #expect(try f.journalBytes() == before)
    }

    @Test("every accepted command is one more line, numbered and timestamped with +08:00")
    func oneLinePerCommand() throws {
        var f = try SessionFixture()
        try f.open(present: 20)
        try f.folder.run(.reportMaterials("报告"))
        let entries = try f.entries()
        #expect(entries.map(\.seq) == [1, 2, 3, 4])
        #expect(entries.allSatisfy { $0.at.hasSuffix("+08:00") && ShanghaiTime.parse($0.at) != nil })
        let text = try f.folder.journal.read()
        #expect(text.lines.count == 4 && text.tornTail == nil)
    }

    @Test("entry times never go backwards, even if the clock does")
    func monotonicTime() throws {
        var f = try SessionFixture(clock: FixedClock("2026-11-26T10:00:00+08:00"))
        try f.open(present: 20)
        let earlier = SessionFolder(path: f.folder.path, clock: FixedClock("2026-11-26T09:00:00+08:00"))
        let step = try earlier.run(.reportMaterials("报告"))
        #expect(step.entry.at == "2026-11-26T10:00:00+08:00")
    }

    @Test("a torn last line is reported, blocks appends, and repair sets it aside and records it")
    func tornLine() throws {
        var f = try SessionFixture()
        try f.open(present: 20)
        let intact = try f.journalBytes()
        let torn = Array(#"{"at":"2026-11-26T09:00:00+08:00","event":"materials.reported","payload":{"text":"半"#.utf8)
        try DurableFile.append(torn, to: f.journalPath)

        #expect(try f.folder.status().tornTail == torn.count)
        do {
            try f.folder.run(.reportMaterials("报告"))
            Issue.record("an append after a torn line must be refused")
        } catch {
            #expect(error.description.contains("pingshen repair"))
        }
        #expect(try f.journalBytes() == intact + torn)

        let kept = try #require(try f.folder.openForWriting().repair())
        #expect(try DurableFile.read(f.folder.path + "/" + kept) == torn)
        let entries = try f.entries()
        guard case .journalRepaired(let r) = entries.last!.event else { Issue.record("no repair entry"); return }
        #expect(r.discardedBytes == torn.count && r.keptIn == kept)
        #expect(Array(try f.journalBytes().prefix(intact.count)) == intact)
        try f.folder.run(.reportMaterials("报告"))
        #expect(try f.folder.openForWriting().repair() == nil)
    }

    @Test("a damaged complete line is an error naming its line number", arguments: [2, 3])
    func damagedLine(line: Int) throws {
        var f = try SessionFixture()
        try f.open(present: 20)
        var bytes = try f.journalBytes()
        let text = JournalText(bytes: bytes)
        bytes[text.lines[line - 1].lowerBound + 5] ^= 0x20
        try DurableFile.replace(f.journalPath, with: bytes)
        do {
            _ = try f.folder.load()
            Issue.record("a damaged line must not load")
        } catch {
            #expect(error.description.contains("第 \(line) 行"))
        }
    }

    @Test("a journal whose entries skip a number does not replay")
    func skippedSequence() throws {
        var f = try SessionFixture()
        try f.open(present: 20)
        let text = try f.folder.journal.read()
        var kept: [UInt8] = []
        for (i, range) in text.lines.enumerated() where i != 1 { kept += Array(text.bytes[range]) + [0x0A] }
        try DurableFile.replace(f.journalPath, with: kept)
        #expect(throws: WorkspaceError.self) { _ = try f.folder.load() }
    }
}
