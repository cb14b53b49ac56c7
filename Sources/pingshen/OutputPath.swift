import FileSystem
import Foundation
import Workspace

/// What `--out` means, the same for every command that writes files.
///
/// A path that ends in `/`, or names an existing folder, is a folder: it is created (with any
/// missing folders above it) and what is written goes inside it under its own name. Anything
/// else is a file, whose extension must fit what is written. Commands that write a folder's
/// worth (`keys`, `extract`) always take a folder. An existing file is never replaced unless
/// the command was given `--force`, and nothing is ever written over a session folder's own
/// records: its journal, the copies of the imported files, `keys/`, `spool/` and `out/`.
struct OutputPath {
    /// The path as typed.
    let given: String

    init(_ given: String) {
        self.given = given
    }

    /// Whether the path names a folder: it ends in `/`, or a folder is there already.
    var isFolder: Bool {
        if given.hasSuffix("/") { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The path without a trailing `/` (but `/` itself stays).
    var trimmed: String {
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The folder, made if missing (with intermediate folders). Refuses a file in its place and
    /// a folder inside a session folder's records.
    func makeFolder() throws -> String {
        let path = trimmed
        try Self.refuseSessionRecords(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CommandFailure.badInput("--out \(given) 是一个文件，此处需要文件夹", "--out \(given) is a file; a folder is needed here")
            }
            return path
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw CommandFailure.failed("无法创建文件夹 \(path)：\(error.localizedDescription)", "cannot create the folder \(path)")
        }
        return path
    }

    /// A new folder to unpack into: absent, or an empty folder. Refuses one inside a session folder's records.
    func newFolder() throws -> String {
        let path = trimmed
        try Self.refuseSessionRecords(path)
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: path), !entries.isEmpty {
            throw CommandFailure.badInput("--out \(given) 已存在且不是空文件夹，不会写入", "--out \(given) exists and is not empty; not writing into it")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CommandFailure.badInput("--out \(given) 是一个文件，此处需要新文件夹", "--out \(given) is a file; a new folder is needed here")
            }
        }
        return path
    }

    /// The file to write: `given` itself, or `defaultName` inside the folder it names.
    ///
    /// - Parameters:
    ///   - extensions: the extensions (lower case, without the dot) that fit what is written; a
    ///     file named by the user must carry one of them.
    ///   - what: what is written, for messages (`HTML`, `加密归档 .p7m`).
    func file(defaultName: String, extensions: [String], what: String) throws -> String {
        if isFolder { return try makeFolder() + "/" + defaultName }
        let name = (given as NSString).lastPathComponent
        let suffix = (name as NSString).pathExtension.lowercased()
        guard extensions.contains(suffix) else {
            let wanted = extensions.map { "." + $0 }.joined(separator: " ")
            throw CommandFailure.badInput(
                "--out \(given)：写入的是\(what)，文件扩展名应为 \(wanted)；要写入文件夹，请以 / 结尾",
                "--out \(given): this writes \(what), so the file name must end in \(wanted); end the path with / for a folder")
        }
        let parent = (given as NSString).deletingLastPathComponent
        if !parent.isEmpty { _ = try OutputPath(parent + "/").makeFolder() }
        try Self.refuseSessionRecords(given)
        return given
    }

    /// Refuses to write `path` over an existing file unless `force`.
    static func refuseOverwrite(_ path: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw CommandFailure.badInput("\(path) 是一个文件夹，不能写成文件", "\(path) is a folder; cannot write a file there")
        }
        guard force else {
            throw CommandFailure.badInput("\(path) 已存在，不会覆盖；确需覆盖请加 --force", "\(path) exists and is not overwritten; add --force to replace it")
        }
    }

    /// The names in a session folder that belong to its records; nothing is written over them or inside them.
    static let sessionRecords: Set<String> = [
        SessionFolder.journalName, "session.toml", "members.csv", "candidates.csv", "committee.pem", ".lock", "keys", "spool", "out",
    ]

    /// Refuses `path` when it is, or lies inside, one of a session folder's records (see `sessionRecords`,
    /// and `journal.torn-N`), however the path is spelled (`..`, symbolic links).
    static func refuseSessionRecords(_ path: String) throws {
        var components = Array(absolute(path).split(separator: "/").map(String.init))
        // Resolve what exists (symbolic links, `..`); keep the rest as typed.
        var tail: [String] = []
        while !components.isEmpty, realpath("/" + components.joined(separator: "/"), nil) == nil {
            tail.insert(components.removeLast(), at: 0)
        }
        var resolved: [String] = []
        if !components.isEmpty, let real = realpath("/" + components.joined(separator: "/"), nil) {
            resolved = String(cString: real).split(separator: "/").map(String.init)
            free(real)
        }
        let full = resolved + tail.filter { $0 != "." }
        for depth in 0..<full.count {
            let folder = "/" + full[..<depth].joined(separator: "/")
            guard FileManager.default.fileExists(atPath: (folder == "/" ? "" : folder) + "/" + SessionFolder.journalName) else { continue }
            let name = full[depth]
            if sessionRecords.contains(name) || name.hasPrefix("journal.torn-") {
                throw CommandFailure.badInput(
                    "\(path) 属于会议文件夹 \(folder) 的记录（\(name)），不会写入；请写到会议文件夹之外或其中的新文件",
                    "\(path) is part of the records of the session folder \(folder) (\(name)); not writing there")
            }
        }
    }

    /// `path` made absolute against the current directory.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// Writes `bytes` to `path` whole (a temporary file, `fsync`, rename), refusing an existing
/// file unless `force`.
func writeFile(_ bytes: [UInt8], to path: String, force: Bool) throws {
    try OutputPath.refuseOverwrite(path, force: force)
    do throws(FileError) { try DurableFile.replace(path, with: bytes) } catch {
        throw CommandFailure.failed("无法写入 \(path)：\(error)", "cannot write \(path): \(error)")
    }
}
