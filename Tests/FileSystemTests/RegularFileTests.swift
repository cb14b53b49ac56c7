import FileSystem
import Foundation
import Testing

/// `RegularFile`: reading a folder someone else prepared — nothing followed, nothing but regular
/// files read, nothing above the cap.
@Suite("Reading hostile folders")
struct RegularFileTests {
    /// A folder with a file, a subfolder, a link to the file, a link to the subfolder, a FIFO.
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-regular-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: URL(fileURLWithPath: dir + "/file"))
        try Data("inner".utf8).write(to: URL(fileURLWithPath: dir + "/sub/inner"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: "file")
        try FileManager.default.createSymbolicLink(atPath: dir + "/sublink", withDestinationPath: "sub")
        #expect(mkfifo(dir + "/fifo", 0o600) == 0)
        return dir
    }

    @Test("regular files read; absent ones are nil; links, at the end or on the way, are refused with their target")
    func links() throws {
        let dir = try Self.folder()
        #expect(try RegularFile.read("file", in: dir, limit: 100) == Array("hello".utf8))
        #expect(try RegularFile.read("sub/inner", in: dir, limit: 100) == Array("inner".utf8))
        #expect(try RegularFile.read("none", in: dir, limit: 100) == nil)
        #expect(try RegularFile.read("none/inner", in: dir, limit: 100) == nil)
        #expect(try RegularFile.read("file/inner", in: dir, limit: 100) == nil)  // a file on the way: nothing below it
        #expect(throws: RegularFile.Refusal.symbolicLink(path: dir + "/link", target: "file")) { try RegularFile.read("link", in: dir, limit: 100) }
        #expect(throws: RegularFile.Refusal.symbolicLink(path: dir + "/sublink", target: "sub")) { try RegularFile.read("sublink/inner", in: dir, limit: 100) }
        #expect(throws: RegularFile.Refusal.symbolicLink(path: dir + "/sublink", target: "sub")) { try RegularFile.read(dir + "/sublink", limit: 100) }
        // The folder named is not followed either.
        #expect(throws: RegularFile.Refusal.symbolicLink(path: dir + "/sublink", target: "sub")) { try RegularFile.read("inner", in: dir + "/sublink", limit: 100) }
    }

    @Test("a FIFO and a device are refused without being read (no hang), naming their kind")
    func specialFiles() throws {
        let dir = try Self.folder()
        #expect(throws: RegularFile.Refusal.notRegular(path: dir + "/fifo", kind: .fifo)) { try RegularFile.read("fifo", in: dir, limit: 100) }
        #expect(throws: RegularFile.Refusal.notRegular(path: "/dev/zero", kind: .characterDevice)) { try RegularFile.read("/dev/zero", limit: 100) }
        let error = #expect(throws: RegularFile.Refusal.self) { try RegularFile.read("fifo", in: dir, limit: 100) }
        #expect(error?.description.contains("命名管道 FIFO") == true)
    }

    @Test("the cap: a file of exactly the limit reads, one byte more is refused before any read")
    func cap() throws {
        let dir = try Self.folder()
        #expect(try RegularFile.read("file", in: dir, limit: 5)?.count == 5)
        #expect(throws: RegularFile.Refusal.tooLarge(path: dir + "/file", size: 5, limit: 4)) { try RegularFile.read("file", in: dir, limit: 4) }
        FileManager.default.createFile(atPath: dir + "/huge", contents: nil)
        #expect(truncate(dir + "/huge", 1 << 40) == 0)  // a sparse terabyte: refused from its size alone
        #expect(throws: RegularFile.Refusal.tooLarge(path: dir + "/huge", size: 1 << 40, limit: 1 << 20)) { try RegularFile.read("huge", in: dir, limit: 1 << 20) }
    }

    @Test("entries: every kind named as lstat sees it, sorted, nothing followed")
    func entries() throws {
        let dir = try Self.folder()
        let listed = try #require(try RegularFile.entries(in: "", of: dir))
        #expect(listed.map(\.name) == ["fifo", "file", "link", "sub", "sublink"])
        #expect(listed.map(\.kind) == [.fifo, .regular, .symbolicLink(target: "file"), .directory, .symbolicLink(target: "sub")])
        #expect(listed[1].size == 5)
        #expect(try RegularFile.entries(in: "sub", of: dir)?.map(\.name) == ["inner"])
        #expect(try RegularFile.entries(in: "none", of: dir) == nil)
        #expect(throws: RegularFile.Refusal.self) { try RegularFile.entries(in: "sublink", of: dir) }
        #expect(RegularFile.kind(dir + "/link") == .symbolicLink(target: "file") && RegularFile.kind(dir + "/none") == nil)
    }
}
