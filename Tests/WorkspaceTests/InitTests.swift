import FileSystem
import Foundation
import Journal
import Records
import Review
import StrictJSON
import Testing
import TextFormats
@testable import Workspace

/// `SessionFolder.founding(from:)` and `create(at:from:)`: the files checked against each other,
/// and a refused `init` leaving nothing behind.
@Suite struct InitTests {
    /// Writes the three input files into `folder` (the samples unless given) and names them.
    func sources(in folder: String, settings: String? = nil, members: String? = nil, candidates: String? = nil,
                 registry: String? = nil) throws -> SessionSources {
        try write(settings.map(utf8) ?? Sample.settings, to: folder + "/session.toml")
        try write(members.map(utf8) ?? Sample.members, to: folder + "/members.csv")
        try write(candidates.map(utf8) ?? Sample.candidates, to: folder + "/candidates.csv")
        return SessionSources(settings: folder + "/session.toml", members: folder + "/members.csv",
                              candidates: folder + "/candidates.csv", registry: registry)
    }

    /// The import error `founding` refuses `sources` with.
    func refusal(_ sources: SessionSources, sourceLocation: SourceLocation = #_sourceLocation) throws -> ImportError {
        let error = try #require(throws: WorkspaceError.self, sourceLocation: sourceLocation) {
            _ = try SessionFolder.founding(from: sources)
        }
        guard case .badInput(let e) = error else {
            Issue.record("expected bad input, got \(error)", sourceLocation: sourceLocation)
            throw error
        }
        #expect(error.exitCode == 2, sourceLocation: sourceLocation)
        return e
    }

    // MARK: Founding

    @Test func theSamplesFoundASession() throws {
        try withTemporaryFolder { dir throws in
            let (founding, copies, notices) = try SessionFolder.founding(from: try sources(in: dir))
            var expected = SettingsFileTests.sampleSettings
            expected.size = 25
            expected.quorum = 17
            #expect(founding.settings == expected)
            #expect(founding.schema == .v1 && founding.schema.rawValue == 1)
            #expect(founding.session.count == 32)
            #expect(founding.members.count == 25 && founding.candidates.count == 14)
            #expect(founding.registry.isEmpty && founding.registryPath == nil)
            #expect(founding.sources.keys.sorted() == ["candidates.csv", "members.csv", "session.toml"])
            #expect(founding.sources.values.allSatisfy { $0.count == 64 })
            #expect(copies.map(\.0) == ["session.toml", "members.csv", "candidates.csv"])
            #expect(copies.map(\.1) == [Sample.settings, Sample.members, Sample.candidates])
            #expect(notices.isEmpty)
        }
    }

    @Test(arguments: [(11, 8), (15, 10), (25, 17), (35, 24), (3, 2), (1, 1)])
    func theQuorumDefaultsToTwoThirdsRoundedUp(_ size: Int, _ quorum: Int) throws {
        try withTemporaryFolder { dir throws in
            let toml = settingsTOML(without: ["size", "quorum"])
            let (founding, _, notices) = try SessionFolder.founding(from: try sources(in: dir, settings: toml, members: membersCSV(count: size)))
            #expect(founding.settings.size == size)
            #expect(founding.settings.quorum == quorum)
            #expect(Settings.minimumQuorum(size: size) == quorum)
            #expect(notices.count == (size < 11 ? 1 : 0))
            // Written out, the same size and quorum are accepted.
            let written = settingsTOML(without: ["size", "quorum"], extra: "size = \(size)\nquorum = \(quorum)\n")
            let (again, _, _) = try SessionFolder.founding(from: try sources(in: dir, settings: written, members: membersCSV(count: size)))
            #expect(again.settings == founding.settings)
        }
    }

    @Test func aSizeOtherThanTheRosterIsRefusedAtItsLine() throws {
        try withTemporaryFolder { dir throws in
            let e = try refusal(try sources(in: dir, members: membersCSV(count: 23)))
            #expect(e.file == dir + "/session.toml")
            #expect(e.line == 9)
            #expect(e.english.contains("size = 25 but the roster lists 23 members"))
        }
    }

    @Test func anEvenCommitteeIsRefused() throws {
        try withTemporaryFolder { dir throws in
            let unwritten = try refusal(try sources(in: dir, settings: settingsTOML(without: ["size", "quorum"]),
                                                    members: membersCSV(count: 24)))
            #expect(unwritten.line == nil)
            #expect(unwritten.english.contains("odd number of members (here 24"))
            let written = try refusal(try sources(in: dir, settings: settingsTOML(without: ["size", "quorum"], extra: "size = 24\n"),
                                                  members: membersCSV(count: 24)))
            #expect(written.line == 15)
            #expect(written.chinese.contains("第九条"))
        }
    }

    @Test(arguments: [(25, 16), (25, 26), (25, 0), (25, -17), (11, 7), (11, 12), (35, 23)])
    func aQuorumOutsideTwoThirdsToSizeIsRefused(_ size: Int, _ quorum: Int) throws {
        try withTemporaryFolder { dir throws in
            let toml = settingsTOML(without: ["size", "quorum"], extra: "quorum = \(quorum)\n")
            let e = try refusal(try sources(in: dir, settings: toml, members: membersCSV(count: size)))
            #expect(e.line == 15)
            #expect(e.english.contains("must lie between \(Settings.minimumQuorum(size: size)) (two thirds of \(size)) and \(size)"))
        }
    }

    @Test(arguments: [17, 20, 25])
    func aQuorumFromTwoThirdsToSizeIsAccepted(_ quorum: Int) throws {
        try withTemporaryFolder { dir throws in
            let toml = settingsTOML(without: ["quorum"], extra: "quorum = \(quorum)\n")
            #expect(try SessionFolder.founding(from: try sources(in: dir, settings: toml)).0.settings.quorum == quorum)
        }
    }

    @Test func theRosterIsCheckedBeforeTheCandidates() throws {
        try withTemporaryFolder { dir throws in
            let e = try refusal(try sources(in: dir, members: membersCSV(count: 25, chairs: 2), candidates: "garbage\""))
            #expect(e.file == dir + "/members.csv")
            #expect(e.line == 3)
        }
    }

    @Test func candidatesAreCheckedAgainstTheSettings() throws {
        try withTemporaryFolder { dir throws in
            let text = Sample.text("candidates.csv").replacingOccurrences(of: "C05,曹国平,男,1979-09,铜陵有色金属集团有限公司,大学本科,工程师,高级工程师,工程",
                                                                          with: "C05,曹国平,男,1979-09,铜陵有色金属集团有限公司,大学本科,工程师,高级工程师,经济")
            let e = try refusal(try sources(in: dir, candidates: text))
            #expect(e.file == dir + "/candidates.csv")
            #expect((e.line, e.column) == (6, 9))
            #expect(e.chinese.contains("第十六条"))
        }
    }

    @Test func aMissingFileIsNamed() throws {
        try withTemporaryFolder { dir throws in
            var s = try sources(in: dir)
            s.members = dir + "/成员.csv"
            let e = try refusal(s)
            #expect(e.file == dir + "/成员.csv" && e.english.contains("no such file"))
        }
    }

    @Test func theRegistryBarsAnApplicationAlreadyDecided() throws {
        try withTemporaryFolder { dir throws in
            let past = RegistryTests.decision(candidate: "X9", name: "许文博")
            let other = RegistryTests.decision(candidate: "X8", name: "无关的人")
            try write(try EntryCoding.encodeValue(past) + [0x0A] + EntryCoding.encodeValue(other) + [0x0A], to: dir + "/registry.jsonl")
            let toml = settingsTOML(extra: "registry = \"registry.jsonl\"\n")
            let (founding, _, notices) = try SessionFolder.founding(from: try sources(in: dir, settings: toml))
            #expect(founding.registry == [past])
            #expect(founding.registryPath == dir + "/registry.jsonl")
            #expect(notices.count == 1 && notices[0].contains("许文博"))
        }
    }

    @Test func aDamagedRegistryIsRefusedWithItsLine() throws {
        try withTemporaryFolder { dir throws in
            let good = try EntryCoding.encodeValue(RegistryTests.decision(candidate: "X9", name: "某某"))
            try write(good + [0x0A] + Array(good.dropLast()) + [0x0A], to: dir + "/registry.jsonl")
            let e = try refusal(try sources(in: dir, registry: dir + "/registry.jsonl"))
            #expect(e.file == dir + "/registry.jsonl" && e.line == 2)
        }
    }

    // MARK: Creating the folder

    @Test func badInputLeavesNoFolderBehind() throws {
        try withTemporaryFolder { dir throws in
            let s = try sources(in: dir, members: membersCSV(count: 25, chairs: 0))
            let before = contents(of: dir)
            let error = try #require(throws: WorkspaceError.self) {
                _ = try SessionFolder.create(at: dir + "/session", from: s, clock: FixedClock("2026-11-26T09:00:00+08:00"))
            }
            guard case .badInput(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.english.contains("no chair"))
            #expect(contents(of: dir) == before)
        }
    }

    @Test func aNonEmptyFolderIsNeverOverwritten() throws {
        try withTemporaryFolder { dir throws in
            let s = try sources(in: dir)
            try FileManager.default.createDirectory(atPath: dir + "/session", withIntermediateDirectories: false)
            try write("会议记录", to: dir + "/session/notes.txt")
            let before = contents(of: dir)
            let error = try #require(throws: WorkspaceError.self) { _ = try SessionFolder.create(at: dir + "/session", from: s) }
            guard case .badInput(let input) = error else { Issue.record("\(error)"); return }
            #expect(input.english.contains("exists and is not an empty folder"))
            #expect(error.exitCode == 2)
            #expect(contents(of: dir) == before)
            #expect(contents(of: dir + "/session") == ["notes.txt"])
            // A plain file in the way is refused too.
            #expect(throws: WorkspaceError.self) { _ = try SessionFolder.create(at: dir + "/session.toml", from: s) }
            #expect(contents(of: dir) == before)
        }
    }

    @Test(arguments: [false, true])
    func goodInputWritesTheJournalAndCopies(_ folderExists: Bool) throws {
        try withTemporaryFolder { dir throws in
            let s = try sources(in: dir)
            if folderExists { try FileManager.default.createDirectory(atPath: dir + "/session", withIntermediateDirectories: false) }
            let (folder, notices) = try SessionFolder.create(at: dir + "/session/", from: s, clock: FixedClock("2026-11-26T08:30:00+08:00"))
            #expect(folder.path == dir + "/session")
            #expect(notices.isEmpty)
            #expect(contents(of: dir).filter { $0.contains(".init-") }.isEmpty)
            #expect(contents(of: dir + "/session") == ["candidates.csv", "journal.jsonl", "members.csv", "session.toml"])
            for (name, bytes) in [("session.toml", Sample.settings), ("members.csv", Sample.members), ("candidates.csv", Sample.candidates)] {
                #expect(try DurableFile.read(dir + "/session/" + name) == bytes)
            }
            let loaded = try folder.load()
            #expect(loaded.tornTail == nil)
            #expect(loaded.entries.count == 1)
            let entry = try #require(loaded.entries.first)
            #expect(entry.seq == 1 && entry.at == "2026-11-26T08:30:00+08:00")
            guard case .sessionCreated(let founding) = entry.event else { Issue.record("\(entry.event)"); return }
            #expect(founding.settings.quorum == 17 && founding.members.count == 25)
            // The journal line re-encodes to exactly its bytes, and no cut of it decodes.
            let line = Array(loaded.text.line(0))
            #expect(try EntryCoding.encode(entry) == line)
            for end in 0..<line.count {
                #expect(throws: JSONError.self, "prefix of \(end) bytes") { _ = try EntryCoding.decode(line[..<end]) }
            }
        }
    }
}
