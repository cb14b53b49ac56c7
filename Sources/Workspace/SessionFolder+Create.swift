#if canImport(Glibc)
import Glibc
#endif
import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats

/// The files a session is founded on.
public struct SessionSources: Sendable {
    public var settings: String
    public var members: String
    public var candidates: String
    /// The committee registry; overrides a `registry` key in the settings.
    public var registry: String?
    /// The committee seal's certificate, kept in the folder as `committee.pem` for `open`.
    public var committeeCertificate: String?

    public init(settings: String, members: String, candidates: String, registry: String? = nil, committeeCertificate: String? = nil) {
        self.settings = settings
        self.members = members
        self.candidates = candidates
        self.registry = registry
        self.committeeCertificate = committeeCertificate
    }
}

/// A note for the person at the keyboard that does not stop the command.
public typealias Notice = String

extension SessionFolder {
    /// Founds a session in `path` (which must not exist, or be an empty folder) from `sources`.
    ///
    /// Reads and checks every file first; only when all are sound is the folder made, in a
    /// temporary sibling that is renamed into place, so a refused `init` leaves nothing behind.
    public static func create(at path: String, from sources: SessionSources, clock: any SessionClock = SystemClock()) throws(WorkspaceError) -> (SessionFolder, [Notice]) {
        var (founding, copies, notices) = try founding(from: sources)
        if let path = sources.committeeCertificate {
            let certificate = try Credentials.certificate(at: path)
            guard certificate.isAuthority else {
                throw .badInput(ImportError(file: path, "不是评委会印章（CA）证书", "not the committee seal's (CA) certificate"))
            }
            copies.append(("committee.pem", Array(certificate.pem.utf8)))
        }
        let folder = SessionFolder(path: path, clock: clock)
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR, isEmptyDirectory(path) else {
                throw .badInput(ImportError(file: path, "已存在且不是空文件夹；init 不会覆盖已有的会议", "exists and is not an empty folder; init never overwrites a session"))
            }
        }
        let staging = folder.path + ".init-\(getpid())"
        // The folder is confidential (第二十四条): 0700, its files 0600, from the start.
        guard mkdir(staging, 0o700) == 0, chmod(staging, 0o700) == 0 else { throw .file(FileError(path: staging, operation: "创建目录 mkdir")) }
        do {
            for (name, bytes) in copies { try DurableFile.replace(staging + "/" + name, with: bytes, mode: 0o600) }
            let entry = Entry(seq: 1, at: clock.now(), event: .sessionCreated(founding))
            try JournalFile(path: staging + "/" + journalName).append(line: try EntryCoding.encode(entry))
            if stat(path, &st) == 0 { rmdir(path) }
            guard rename(staging, path) == 0 else { throw FileError(path: path, operation: "重命名 rename") }
            try DurableFile.syncDirectory(of: path)
        } catch {
            removeTree(staging)
            if let e = error as? FileError { throw .file(e) }
            throw .damaged("无法创建会议文件夹：\(error)", "cannot create the session folder: \(error)")
        }
        return (folder, notices)
    }

    /// Reads and cross-checks the input files into the founding record, with copies to keep.
    static func founding(from sources: SessionSources) throws(WorkspaceError) -> (SessionCreated, [(String, [UInt8])], [Notice]) {
        func load(_ path: String) throws(WorkspaceError) -> [UInt8] {
            do {
                guard let bytes = try DurableFile.read(path) else {
                    throw WorkspaceError.badInput(ImportError(file: path, "文件不存在", "no such file"))
                }
                return bytes
            } catch let e as FileError { throw .file(e) } catch let e as WorkspaceError { throw e } catch { throw .damaged("\(error)", "\(error)") }
        }
        let settingsBytes = try load(sources.settings)
        let membersBytes = try load(sources.members)
        let candidatesBytes = try load(sources.candidates)
        var notices: [Notice] = []
        do throws(ImportError) {
            var draft = try SettingsFile.read(settingsBytes, file: sources.settings)
            let members = try RosterFile.members(membersBytes, file: sources.members, notices: &notices)
            try finishSizeAndQuorum(&draft, memberCount: members.count, file: sources.settings)
            if draft.settings.size < 11 {
                notices.append("提示：评委会只有 \(draft.settings.size) 名委员；人社部令第40号第九条要求按专业组建的高级评委会不少于 11 人（按系列组建不少于 25 人）。")
            }
            let candidates = try RosterFile.candidates(candidatesBytes, file: sources.candidates, settings: draft.settings, notices: &notices)
            var registryPath = sources.registry ?? draft.registry.map { relative($0, to: sources.settings) }
            registryPath = registryPath.map(absolute)
            var registry: [PastDecision] = []
            if let registryPath {
                let all: [PastDecision]
                do { all = try Registry(path: registryPath).decisions() } catch {
                    if case .badInput(let e) = error { throw e }
                    throw ImportError(file: registryPath, "\(error)", "\(error)")
                }
                registry = Registry.relevant(all, to: candidates, settings: draft.settings)
                if !registry.isEmpty {
                    notices.append("提示：登记文件显示 \(registry.count) 名申报人已经本评委会评审（\(registry.map(\.applicant.name).joined(separator: "、"))），本次不得再表决（R8）。")
                }
            }
            let founding = SessionCreated(
                session: Digest.hex(SecureRandom.bytes(16)), settings: draft.settings, members: members,
                candidates: candidates, registry: registry, registryPath: registryPath,
                sources: ["session.toml": Digest.sha256Hex(settingsBytes), "members.csv": Digest.sha256Hex(membersBytes),
                          "candidates.csv": Digest.sha256Hex(candidatesBytes)])
            let copies = [("session.toml", settingsBytes), ("members.csv", membersBytes), ("candidates.csv", candidatesBytes)]
            return (founding, copies, notices)
        } catch {
            throw .badInput(error)
        }
    }

    /// Committee size must equal the roster and be odd; the quorum defaults to ⌈2/3 × size⌉ and may not be lower.
    static func finishSizeAndQuorum(_ draft: inout SettingsDraft, memberCount: Int, file: String) throws(ImportError) {
        let size = draft.size?.value ?? memberCount
        if let written = draft.size, written.value != memberCount {
            throw ImportError(file: file, line: written.line, "size = \(written.value)，但委员名单有 \(memberCount) 人",
                              "size = \(written.value) but the roster lists \(memberCount) members")
        }
        guard size % 2 == 1 else {
            throw ImportError(file: file, line: draft.size?.line,
                              "评委会委员人数应为单数（现为 \(size) 人；人社部令第40号第九条）",
                              "a committee has an odd number of members (here \(size); MOHRSS Order No. 40, Art. 9)")
        }
        let minimum = Settings.minimumQuorum(size: size)
        let quorum = draft.quorum?.value ?? minimum
        if let q = draft.quorum {
            guard q.value >= minimum, q.value <= size else {
                throw ImportError(file: file, line: q.line,
                                  "规定人数 quorum = \(q.value) 不在 \(minimum)（委员总数 \(size) 的三分之二）到 \(size) 之间（人社部令第40号第十九条）",
                                  "quorum = \(q.value) must lie between \(minimum) (two thirds of \(size)) and \(size) (MOHRSS Order No. 40, Art. 19)")
            }
        }
        draft.settings.size = size
        draft.settings.quorum = quorum
    }

    static func relative(_ path: String, to file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
    }

    static func isEmptyDirectory(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { return false }
        }
        return true
    }

    static func removeTree(_ path: String) {
        guard let dir = opendir(path) else { unlink(path); return }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for n in names { removeTree(path + "/" + n) }
        rmdir(path)
    }
}
