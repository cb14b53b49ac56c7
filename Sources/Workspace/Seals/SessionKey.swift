import FileSystem
import Journal
import Records
import Seal
import TextFormats

/// The session key: fresh for each signed meeting, it signs the journal's checkpoints from the
/// opening to the close, and is destroyed once the final checkpoint is written.
///
/// Between commands it waits in `keys/session.key` (0600); see `SigningKey.transientPEM()`.
struct SessionKey {
    let folder: SessionFolder

    var path: String { folder.path + "/keys/session.key" }

    /// Makes and stores a new session key.
    func create(_ algorithm: SigningAlgorithm) throws(WorkspaceError) -> SigningKey {
        do {
            let key = try SigningKey.generate(algorithm)
            try folder.ensureKeysDirectory()
            try DurableFile.replace(path, with: try key.transientPEM(), mode: 0o600)
            return key
        } catch let e as FileError { throw .file(e) } catch {
            throw .damaged("无法生成会议密钥：\(error)", "cannot make the session key: \(error)")
        }
    }

    /// The stored session key, checked against the one the opening bound.
    func load(_ seal: MeetingSeal) throws(WorkspaceError) -> SigningKey {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw .file(error) }
        guard let bytes else {
            throw .damaged("会议密钥 \(path) 不存在（已在会议结束时销毁，或被删除）",
                           "the session key \(path) is missing (destroyed at the close, or deleted)")
        }
        do {
            let key = try SigningKey(transientPEM: bytes)
            guard Base64.encode(key.publicKey.subjectPublicKeyInfo) == seal.sessionKey else {
                throw WorkspaceError.damaged("会议密钥与开会声明中绑定的不一致", "the session key differs from the one the opening statement bound")
            }
            return key
        } catch let e as WorkspaceError { throw e } catch {
            throw .damaged("会议密钥已损坏：\(error)", "the session key is damaged: \(error)")
        }
    }

    func destroy() throws(WorkspaceError) {
        do { try DurableFile.remove(path) } catch { throw .file(error) }
    }
}

extension SessionFolder {
    var keysDirectory: String { path + "/keys" }

    func ensureKeysDirectory() throws(FileError) {
        if mkdir(keysDirectory, 0o700) != 0 && errno != EEXIST { throw FileError(path: keysDirectory, operation: "创建目录 mkdir") }
    }
}

#if canImport(Glibc)
import Glibc
#endif
