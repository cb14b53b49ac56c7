import FileSystem
import Foundation
import Journal
import Review
import Seal
import TextFormats

/// The confidential archive of a closed session (皖人社发〔2018〕5号 第二十四条：归档备查并严格保密): the session
/// folder, without keys or spools, as a ustar file inside a CMS EnvelopedData (AES-256-GCM) for
/// the 组建单位's and the inspectors' certificates.
///
/// `openssl cms -decrypt -inform DER -in A -recip cert.pem -inkey key.pem -out session.tar`
/// opens it; `tar -xf session.tar` unpacks it.
public enum SessionArchive {
    /// Folders and files of a session that never leave it.
    static let excluded: Set<String> = ["keys", "spool", ".lock"]
    /// The largest file packed: the verifier reads no journal above 256 MiB either.
    static let largestFile = 256 << 20

    /// The files of `folder` that go into its archive, relative paths sorted.
    ///
    /// Regular files only, and nothing followed: a symbolic link or a special file anywhere in
    /// the folder stops the archive with an error naming it (packing what a link points at
    /// could carry a key out of the folder). A folder whose `keys/` or `spool/` still holds
    /// anything is refused: its meeting did not finish (the session and round keys are
    /// destroyed, and the spool emptied, at the close).
    public static func files(of folder: SessionFolder) throws(WorkspaceError) -> [Tar.File] {
        for dir in ["keys", "spool"] {
            let left = try entries(in: dir, of: folder)
            if !left.isEmpty {
                throw .damaged("会议文件夹的 \(dir)/ 中仍有 \(left.map(\.name).joined(separator: "、"))（\(dir == "keys" ? "私钥未销毁" : "选票暂存未删除")）：会议没有正常结束，不归档",
                               "\(dir)/ still holds \(left.map(\.name).joined(separator: ", ")): the meeting did not finish; it is not archived")
            }
        }
        var paths: [String] = []
        try collect("", of: folder, into: &paths)
        var out: [Tar.File] = []
        for relative in paths.sorted() {
            let bytes: [UInt8]?
            do { bytes = try RegularFile.read(relative, in: folder.path, limit: largestFile) } catch { throw refusal(error) }
            guard let bytes else { continue }  // removed meanwhile
            let full = folder.path + "/" + relative
            let modified = (try? FileManager.default.attributesOfItem(atPath: full)[.modificationDate] as? Date).map { Int($0.timeIntervalSince1970) } ?? 0
            out.append(Tar.File(path: relative, bytes: bytes, modified: modified))
        }
        return out
    }

    /// Adds the regular files below `relative` to `paths`, refusing links and special files.
    static func collect(_ relative: String, of folder: SessionFolder, into paths: inout [String]) throws(WorkspaceError) {
        for entry in try entries(in: relative, of: folder) {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if relative.isEmpty && (excluded.contains(entry.name) || entry.name.hasPrefix(".")) { continue }
            switch entry.kind {
            case .regular: paths.append(path)
            case .directory: try collect(path, of: folder, into: &paths)
            case .symbolicLink(let target): throw refusal(.symbolicLink(path: path, target: target))
            default: throw refusal(.notRegular(path: path, kind: entry.kind))
            }
        }
    }

    /// The entries of the folder `relative` (none if there is no such folder).
    static func entries(in relative: String, of folder: SessionFolder) throws(WorkspaceError) -> [RegularFile.Entry] {
        do { return try RegularFile.entries(in: relative, of: folder.path) ?? [] } catch { throw refusal(error) }
    }

    static func refusal(_ error: RegularFile.Refusal) -> WorkspaceError {
        if case .system(let e) = error { return .file(e) }
        return .damaged("无法归档：\(error)；归档只收普通文件，不跟随符号链接", "cannot archive: \(error); an archive holds regular files only and follows no link")
    }

    /// The encrypted archive of a closed session for `recipients`.
    public static func seal(_ folder: SessionFolder, for recipients: [Certificate]) throws(WorkspaceError) -> [UInt8] {
        let state = try folder.state()
        guard state.phase == .closed else {
            throw .rejected(.refused(Refusal(.r14, "会议尚未结束，不能归档", "the meeting has not closed; it cannot be archived yet")))
        }
        guard !recipients.isEmpty else {
            throw .badInput(ImportError(file: "--to", "至少需要一个接收人证书", "at least one recipient certificate is needed"))
        }
        let tar = Tar.pack(try files(of: folder))
        do { return try Envelope.seal(tar, for: recipients) } catch {
            throw .badInput(ImportError(file: "--to", "无法为这些证书加密归档：\(error)", "cannot encrypt the archive for these certificates: \(error)"))
        }
    }

    /// The files in an archive, opened with `identity`'s key.
    public static func open(_ archive: [UInt8], as identity: Identity) throws(WorkspaceError) -> [Tar.File] {
        let tar: [UInt8]
        do { tar = try Envelope.open(archive, as: identity) } catch {
            throw .badInput(ImportError(file: "archive", "无法解密归档（不是发给此证书、或已损坏）：\(error)",
                                        "cannot decrypt the archive (not addressed to this certificate, or damaged): \(error)"))
        }
        do { return try Tar.unpack(tar) } catch {
            throw .badInput(ImportError(file: "archive", error.description, error.description))
        }
    }

    /// Writes archive files under `directory`, which must not exist yet.
    public static func extract(_ files: [Tar.File], to directory: String) throws(WorkspaceError) {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: directory) else {
            throw .badInput(ImportError(file: directory, "目标文件夹已存在", "the target folder exists"))
        }
        for file in files {
            let path = directory + "/" + file.path
            do {
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try DurableFile.replace(path, with: file.bytes)
            } catch let e as FileError { throw .file(e) } catch {
                throw .damaged("无法写出 \(path)：\(error)", "cannot write \(path): \(error)")
            }
        }
    }
}
