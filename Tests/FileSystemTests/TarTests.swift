import FileSystem
import Foundation
import Testing

/// `Tar` against GNU tar both ways, and its strict reading of damaged and hostile archives.
@Suite("ustar archives")
struct TarTests {
    /// Files of awkward sizes (empty, one short of a block, a block, one over) and a path too long
    /// for the 100-byte name field, which goes into the prefix field.
    static let files: [Tar.File] = [
        Tar.File(path: "journal.jsonl", bytes: Array("{\"seq\":1}\n".utf8), modified: 1_795_000_000),
        Tar.File(path: "empty", bytes: []),
        Tar.File(path: "out/评审会议记录.html", bytes: (0..<511).map { UInt8($0 % 251) }),
        Tar.File(path: "out/block", bytes: [UInt8](repeating: 0x41, count: 512)),
        Tar.File(path: "out/over", bytes: [UInt8](repeating: 0x42, count: 513)),
        Tar.File(path: String(repeating: "d", count: 90) + "/" + String(repeating: "n", count: 95), bytes: [1, 2, 3]),
    ]

    @Test("pack then unpack gives the files back, in order")
    func roundTrip() throws {
        let archive = Tar.pack(Self.files)
        #expect(archive.count % 512 == 0)
        #expect(try Tar.unpack(archive) == Self.files)
        #expect(try Tar.unpack(Tar.pack([])) == [])
    }

    @Test("GNU tar lists and extracts what pack writes, byte for byte")
    func gnuTarReadsOurs() throws {
        let dir = try temporaryDirectory()
        try Data(Tar.pack(Self.files)).write(to: URL(fileURLWithPath: dir + "/a.tar"))
        let listing = try run(["tar", "-tf", dir + "/a.tar"])
        #expect(listing.split(separator: "\n").map(String.init) == Self.files.map(\.path))
        _ = try run(["tar", "-xf", dir + "/a.tar", "-C", dir])
        for file in Self.files {
            #expect(FileManager.default.contents(atPath: dir + "/" + file.path).map(Array.init) == file.bytes, "\(file.path)")
        }
    }

    @Test("unpack reads what GNU tar writes in ustar format")
    func weReadGNUTar() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/in/sub", withIntermediateDirectories: true)
        try Data("甲\n".utf8).write(to: URL(fileURLWithPath: dir + "/in/a.txt"))
        try Data(repeating: 7, count: 1500).write(to: URL(fileURLWithPath: dir + "/in/sub/b.bin"))
        _ = try run(["tar", "--format=ustar", "-cf", dir + "/t.tar", "-C", dir + "/in", "a.txt", "sub"])
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/t.tar"))
        let files = try Tar.unpack(Array(bytes))
        #expect(files.map(\.path) == ["a.txt", "sub/b.bin"])  // the folder entry `sub/` is skipped
        #expect(files[0].bytes == Array("甲\n".utf8) && files[1].bytes == [UInt8](repeating: 7, count: 1500))
    }

    @Test("every truncated prefix is refused")
    func everyPrefixFails() {
        let archive = Tar.pack(Array(Self.files.prefix(3)))
        for end in stride(from: 0, to: archive.count, by: 1) where end % 7 == 0 || end % 512 < 2 {
            #expect(throws: Tar.FormatError.self, "prefix of \(end) bytes") { try Tar.unpack(Array(archive[..<end])) }
        }
    }

    @Test("a changed header byte fails the checksum")
    func checksum() {
        var archive = Tar.pack(Self.files)
        archive[3] ^= 0x01  // inside the first name
        #expect(throws: Tar.FormatError.self) { try Tar.unpack(archive) }
    }

    @Test("hostile names and entry types are refused", arguments: [
        ("/etc/passwd", UInt8(ascii: "0")),
        ("../outside", UInt8(ascii: "0")),
        ("a/../../b", UInt8(ascii: "0")),
        ("link", UInt8(ascii: "2")),          // symbolic link
        ("hard", UInt8(ascii: "1")),          // hard link
        ("dev", UInt8(ascii: "3")),           // character device
    ])
    func hostile(path: String, type: UInt8) {
        var archive = Tar.pack([Tar.File(path: path, bytes: [])])
        archive[156] = type
        resum(&archive, header: 0)
        #expect(throws: Tar.FormatError.self) { try Tar.unpack(archive) }
    }

    @Test("a size beyond the archive is refused, not read past the end")
    func sizeBeyondTheEnd() {
        var archive = Tar.pack([Tar.File(path: "a", bytes: [1])])
        archive.replaceSubrange(124..<136, with: Array("77777777777".utf8) + [0])
        resum(&archive, header: 0)
        #expect(throws: Tar.FormatError.self) { try Tar.unpack(archive) }
    }

    @Test("any one byte of the first header or its data overwritten: it unpacks or is refused, never crashes")
    func everySingleByteDamage() {
        let archive = Tar.pack(Self.files)
        for i in 0..<1024 {
            for value: UInt8 in [0x00, 0x20, 0x37, 0xFF] where archive[i] != value {
                var bytes = archive
                bytes[i] = value
                _ = try? Tar.unpack(bytes)
            }
        }
    }

    /// Rewrites the checksum of the header at `header` after a test changed it.
    func resum(_ archive: inout [UInt8], header: Int) {
        for i in 148..<156 { archive[header + i] = 0x20 }
        let sum = archive[header..<header + 512].reduce(0) { $0 + Int($1) }
        let digits = Array(String(sum, radix: 8).utf8)
        let field = [UInt8](repeating: UInt8(ascii: "0"), count: 6 - digits.count) + digits + [0, 0x20]
        archive.replaceSubrange(header + 148..<header + 156, with: field)
    }
}

func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-fs-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs a command and returns its standard output; a non-zero exit fails.
func run(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CommandFailed(arguments: arguments, status: process.terminationStatus) }
    return String(decoding: data, as: UTF8.self)
}

struct CommandFailed: Error {
    let arguments: [String]
    let status: Int32
}
