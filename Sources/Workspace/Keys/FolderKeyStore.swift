#if canImport(Glibc)
import Glibc
#endif
import FileSystem
import Journal
import Records
import Seal

/// Keeps a session's short-lived keys in the session folder's `keys/` (0700; files 0600), for
/// the command line, where every command is a new process.
///
/// The keys are not encrypted: whoever can read the folder can read them, and a passphrase
/// typed at every command would protect nothing more. They exist only while needed: a round's
/// key from its opening to its close, the session key from the opening to the final checkpoint,
/// the PIN key (`pin.key`, hex) from the first sign-in to the close — so a copy of the folder
/// made after the meeting holds none of them.
public final class FolderKeyStore: SessionKeyStore {
    let directory: String

    public init(folder: SessionFolder) {
        directory = folder.path + "/keys"
    }

    var sessionKeyPath: String { directory + "/session.key" }
    var pinKeyPath: String { directory + "/pin.key" }
    func roundKeyPath(_ round: Int) -> String { directory + "/round-\(round).key" }

    public func storeSessionKey(_ key: SigningKey) throws(WorkspaceError) {
        try store(sessionKeyPath, "会议密钥", "the session key") { () throws -> [UInt8] in try key.transientPEM() }
    }

    public func sessionKey(bound seal: MeetingSeal) throws(WorkspaceError) -> SigningKey {
        let bytes = try read(sessionKeyPath, missing: (
            "会议密钥 \(sessionKeyPath) 不存在（已在会议结束时销毁，或被删除）",
            "the session key \(sessionKeyPath) is missing (destroyed at the close, or deleted)"))
        let key: SigningKey
        do { key = try SigningKey(transientPEM: bytes) } catch {
            throw .damaged("会议密钥已损坏：\(error)", "the session key is damaged: \(error)")
        }
        return try checked(key, against: seal)
    }

    public func destroySessionKey() throws(WorkspaceError) {
        try remove(sessionKeyPath)
    }

    public func storeRoundKey(_ key: BlindSigningKey, round: Int) throws(WorkspaceError) {
        try store(roundKeyPath(round), "本轮投票凭证密钥", "the round's credential key") { () throws -> [UInt8] in try key.transientPEM() }
    }

    public func roundKey(_ opened: RoundOpened) throws(WorkspaceError) -> BlindSigningKey {
        let path = roundKeyPath(opened.round)
        let bytes = try read(path, missing: ("第 \(opened.round) 轮的凭证密钥 \(path) 不存在", "round \(opened.round)'s credential key \(path) is missing"))
        let key: BlindSigningKey
        do { key = try BlindSigningKey(transientPEM: bytes) } catch {
            throw .damaged("第 \(opened.round) 轮的凭证密钥已损坏：\(error)", "round \(opened.round)'s credential key is damaged: \(error)")
        }
        return try checked(key, against: opened)
    }

    public func destroyRoundKey(_ round: Int) throws(WorkspaceError) {
        try remove(roundKeyPath(round))
    }

    public func storePINKey(_ key: [UInt8]) throws(WorkspaceError) {
        try store(pinKeyPath, "PIN 密钥", "the PIN key") { () throws -> [UInt8] in Array(Digest.hex(key).utf8) + [0x0A] }
    }

    public func pinKey() throws(WorkspaceError) -> [UInt8]? {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(pinKeyPath) } catch { throw .file(error) }
        guard let bytes else { return nil }
        // Exactly as written: 64 lowercase hex digits and a newline.
        let text = String(decoding: bytes.last == 0x0A ? bytes.dropLast() : bytes[...], as: UTF8.self)
        guard text.utf8.count == 2 * VotingPIN.keyLength, let key = Self.bytes(hex: text) else {
            throw .damaged("PIN 密钥 \(pinKeyPath) 已损坏", "the PIN key \(pinKeyPath) is damaged")
        }
        return key
    }

    public func destroyPINKey() throws(WorkspaceError) {
        try remove(pinKeyPath)
    }

    static func bytes(hex: String) -> [UInt8]? {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x61...0x66: v = c - 0x61 + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return high == nil ? out : nil
    }

    private func store(_ path: String, _ what: String, _ whatEnglish: String, _ pem: () throws -> [UInt8]) throws(WorkspaceError) {
        let bytes: [UInt8]
        do { bytes = try pem() } catch { throw .damaged("无法导出\(what)：\(error)", "cannot export \(whatEnglish): \(error)") }
        do throws(FileError) {
            if mkdir(directory, 0o700) != 0 && errno != EEXIST { throw FileError(path: directory, operation: "创建目录 mkdir") }
            chmod(directory, 0o700)
            try DurableFile.replace(path, with: bytes, mode: 0o600)
        } catch { throw .file(error) }
    }

    private func read(_ path: String, missing: (String, String)) throws(WorkspaceError) -> [UInt8] {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw .file(error) }
        guard let bytes else { throw .damaged(missing.0, missing.1) }
        return bytes
    }

    private func remove(_ path: String) throws(WorkspaceError) {
        guard access(path, F_OK) == 0 else { return }
        do { try DurableFile.remove(path) } catch { throw .file(error) }
    }
}
