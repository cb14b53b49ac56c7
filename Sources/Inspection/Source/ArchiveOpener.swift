import FileSystem
import Journal
import Seal

/// Opens the confidential archives of sessions (ustar inside CMS AES-256-GCM) with an
/// inspector's certificate and key, in memory: nothing is written to disk.
public struct ArchiveOpener: Sendable {
    let identity: Identity

    /// An opener for archives addressed to `identity`'s certificate.
    public init(identity: Identity) {
        self.identity = identity
    }

    /// The files of the archive at `path`; throws the reason it cannot be read.
    ///
    /// The archive must be a regular file (not a link, not a FIFO) of at most
    /// ``ReadLimits/archive`` bytes.
    public func files(ofArchiveAt path: String) throws(ArchiveProblem) -> SessionFiles {
        let bytes: [UInt8]
        do {
            guard let b = try RegularFile.read(path, limit: ReadLimits.archive) else { throw ArchiveProblem("无法读取：不存在 (no such file)") }
            bytes = b
        } catch let e as ArchiveProblem { throw e } catch { throw ArchiveProblem("无法读取：\(error) (cannot read the file)") }
        let tar: [UInt8]
        do { tar = try Envelope.open(bytes, as: identity) } catch {
            throw ArchiveProblem("无法解密（不是发给此证书、或已损坏、或被改动）：\(error) (cannot decrypt: not addressed to this certificate, damaged or altered)")
        }
        let entries: [Tar.File]
        do { entries = try Tar.unpack(tar) } catch { throw ArchiveProblem(error.description) }
        var files: [String: [UInt8]] = [:]
        for file in entries {
            guard files[file.path] == nil else { throw ArchiveProblem("归档中 \(file.path) 出现两次 (\(file.path) appears twice)") }
            files[file.path] = file.bytes
        }
        return .archive(files)
    }
}

/// Why an archive could not be opened.
public struct ArchiveProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
