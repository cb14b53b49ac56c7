import FileSystem
import Foundation
import Inspection
import Seal
import Testing
import Workspace

/// The confidential archive packs the closed folder's regular files and nothing else: no link
/// is followed (a link could carry a key out), no special file read, and a folder whose keys or
/// spool were left behind — its meeting did not finish — is not archived at all.
@Suite("Archiving hostile folders")
struct ArchiveRefusalTests {
    static func seal(_ path: String) throws(WorkspaceError) -> [UInt8] {
        try SessionArchive.seal(SessionFolder(path: path), for: [Fixtures.main.committee.inspector.certificate])
    }

    static func refusal(_ path: String) -> String? {
        do { _ = try seal(path); return nil } catch { return error.description }
    }

    @Test("a sound folder: every regular file packed byte for byte, keys/ spool/ .lock left out")
    func soundFolder() throws {
        let s = try HostileFolderTests.copy("arch-ok")
        let files = try Tar.unpack(try Envelope.open(try Self.seal(s), as: Fixtures.main.committee.inspector))
        let onDisk = try FolderReading.files(of: s).filter { !$0.key.hasPrefix("keys/") && !$0.key.hasPrefix("spool/") && $0.key != ".lock" }
        #expect(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }) == onDisk)
    }

    @Test("a link anywhere in the folder stops the archive, naming it; the linked key is not packed")
    func linkRefused() throws {
        let s = try HostileFolderTests.copy("arch-link")
        try FileManager.default.createSymbolicLink(atPath: s + "/out/seal.key", withDestinationPath: Fixtures.main.committee.directory + "/committee.key")
        let message = try #require(Self.refusal(s))
        #expect(message.contains("out/seal.key 是指向") && message.contains("符号链接"))
        // The command line says the same and exits 1, writing nothing.
        let out = try Binary.run(["-C", s, "archive", "--to", Fixtures.main.committee.directory + "/inspector.pem", "--out", s + "/../a.p7m"])
        #expect(out.status == 1 && out.stderr.contains("out/seal.key"))
        #expect(!FileManager.default.fileExists(atPath: s + "/../a.p7m"))
    }

    @Test("a FIFO in the folder stops the archive at once (no hang), naming it")
    func fifoRefused() throws {
        let s = try HostileFolderTests.copy("arch-fifo")
        #expect(mkfifo(s + "/out/pipe", 0o600) == 0)
        #expect(Self.refusal(s)?.contains("out/pipe 不是普通文件而是命名管道") == true)
    }

    @Test("leftover keys/ or spool/: V13 fails the folder, and the archive — which would leave them out and pass — is refused", arguments: ["keys", "spool"])
    func leftoversRefused(_ dir: String) throws {
        let s = try HostileFolderTests.copy("arch-\(dir)")
        try FileManager.default.createDirectory(atPath: s + "/" + dir, withIntermediateDirectories: true)
        try Data("left behind".utf8).write(to: URL(fileURLWithPath: s + "/\(dir)/leftover"))
        #expect(Inspector(Fixtures.main.options).verify(.folder(s), path: s).failed == [.v13])
        let message = try #require(Self.refusal(s))
        #expect(message.contains("\(dir)/ 中仍有 leftover") && message.contains("会议没有正常结束"))
    }
}
