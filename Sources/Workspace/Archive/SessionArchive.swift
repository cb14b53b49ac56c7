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

    /// The files of `folder` that go into its archive, relative paths sorted.
    public static func files(of folder: SessionFolder) throws(WorkspaceError) -> [Tar.File] {
        var out: [Tar.File] = []
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder.path) else {
            throw .damaged("无法读取会议文件夹 \(folder.path)", "cannot read the session folder \(folder.path)")
        }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let top = String(relative.split(separator: "/").first ?? "")
            if excluded.contains(top) || relative.hasPrefix(".") { walker.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(relative)
            }
        }
        for relative in paths.sorted() {
            let full = folder.path + "/" + relative
            let bytes: [UInt8]?
            do { bytes = try DurableFile.read(full) } catch { throw .file(error) }
            let modified = (try? manager.attributesOfItem(atPath: full)[.modificationDate] as? Date).map { Int($0.timeIntervalSince1970) } ?? 0
            out.append(Tar.File(path: relative, bytes: bytes ?? [], modified: modified))
        }
        return out
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
