import FileSystem
import Foundation
import Journal
import Seal

/// The witness's state folder: every registered log and the latest view it cosigned of each,
/// persisted durably, held by one process at a time.
///
///     <state>/
///       witness.lock                  flock'd for the life of the witness process
///       logs/<id>/                    one per origin; id = first 16 hex digits of SHA-256(origin)
///         registration.json           the registration body exactly as received and verified
///         view                        the latest cosigned view (``CosignedView``), once there is one
///         refused/<time>-<status>-<n> bodies refused with 409/422 although the log's key signed
///                                     them: evidence of a log that tried to fork (at most 64)
///
/// Every file is written by `DurableFile.replace` (temporary file, `fsync`, rename, `fsync` the
/// folder), so a crash leaves either the old or the new file. Folders are 0700, files 0600.
/// Not thread-safe by itself: ``WitnessService`` serialises every use under one lock.
public final class WitnessState: @unchecked Sendable {
    /// The state folder.
    public let path: String
    /// The logs, by origin.
    public private(set) var logs: [String: LogRecord] = [:]
    private let lock: Int32

    /// At most this many refused bodies are kept per log.
    public static let maximumEvidence = 64

    /// Opens (creating if needed) the state folder at `path`, takes its lock and reads every log.
    ///
    /// - Throws: ``WitnessError/stateInUse(_:)`` if another process holds the folder;
    ///   ``WitnessError/stateDamaged(path:reason:)`` if a file does not read back as written —
    ///   the witness then refuses to start rather than forget what it cosigned.
    public init(path: String) throws(WitnessError) {
        self.path = path
        for folder in [path, path + "/logs"] {
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw .file(FileError(path: folder, operation: "创建文件夹 mkdir")) }
        }
        let lockPath = path + "/witness.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .file(FileError(path: lockPath, operation: "打开锁文件 open lock")) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            let error = FileError(path: lockPath, operation: "加锁 flock")
            close(fd)
            throw busy ? .stateInUse(path) : .file(error)
        }
        lock = fd
        do {
            try load()
        } catch {
            flock(fd, LOCK_UN)
            close(fd)
            throw error
        }
    }

    deinit {
        flock(lock, LOCK_UN)
        close(lock)
    }

    /// The folder of the log with `origin`.
    public func folder(of origin: String) -> String {
        path + "/logs/" + Digest.sha256Hex(Array(origin.utf8)).prefix(16)
    }

    /// Records a newly registered log: its registration file is durable before this returns.
    func add(_ log: RegisteredLog) throws(WitnessError) {
        let folder = folder(of: log.origin)
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw .file(FileError(path: folder, operation: "创建文件夹 mkdir")) }
        do {
            try DurableFile.syncDirectory(of: folder)
            try DurableFile.replace(folder + "/registration.json", with: log.body, mode: 0o600)
        } catch {
            throw .file(error)
        }
        logs[log.origin] = LogRecord(log: log, view: nil)
    }

    /// Records the latest cosigned view of a registered log: durable before this returns.
    func record(_ view: CosignedView) throws(WitnessError) {
        guard var record = logs[view.origin] else { return }
        do {
            try DurableFile.replace(folder(of: view.origin) + "/view", with: view.fileBytes, mode: 0o600)
        } catch {
            throw .file(error)
        }
        record.view = view
        logs[view.origin] = record
    }

    /// Keeps a refused body signed by the log's own key (C2SP allows the witness to log it, as
    /// possible proof of misbehaviour); best effort, at most ``maximumEvidence`` per log.
    func keepEvidence(_ body: [UInt8], origin: String, status: Int, timestamp: UInt64) {
        guard var record = logs[origin], record.refused < Self.maximumEvidence else { return }
        let folder = folder(of: origin) + "/refused"
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else { return }
        let file = folder + "/\(timestamp)-\(status)-\(record.refused + 1)"
        guard (try? DurableFile.replace(file, with: body, mode: 0o600)) != nil else { return }
        record.refused += 1
        logs[origin] = record
    }

    /// Reads every log folder; a registration or view that does not read back is fatal.
    private func load() throws(WitnessError) {
        let root = path + "/logs"
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: root).sorted() } catch {
            throw .stateDamaged(path: root, reason: "\(error)")
        }
        for name in names {
            let folder = root + "/" + name
            let registrationPath = folder + "/registration.json"
            let body: [UInt8]
            do {
                guard let bytes = try DurableFile.read(registrationPath) else { continue }  // crashed before the first write
                body = bytes
            } catch {
                throw .file(error)
            }
            let log: RegisteredLog
            do { log = try RegisteredLog(stored: body) } catch {
                throw .stateDamaged(path: registrationPath, reason: error.description)
            }
            guard self.folder(of: log.origin) == folder, logs[log.origin] == nil else {
                throw .stateDamaged(path: registrationPath, reason: "文件夹名与来源不符 (the folder name does not match the origin)")
            }
            var record = LogRecord(log: log, view: nil)
            let viewPath = folder + "/view"
            do {
                if let bytes = try DurableFile.read(viewPath) {
                    guard let view = CosignedView(file: bytes), view.origin == log.origin else {
                        throw WitnessError.stateDamaged(path: viewPath, reason: "格式错误或来源不符 (malformed, or another origin)")
                    }
                    record.view = view
                }
            } catch let error as FileError {
                throw .file(error)
            } catch let error as WitnessError {
                throw error
            } catch {
                throw .stateDamaged(path: viewPath, reason: "\(error)")
            }
            record.refused = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/refused")) ?? [])
                .filter { !$0.contains(".tmp-") }.count
            logs[log.origin] = record
        }
    }
}

/// One log the witness follows, and what it has cosigned of it.
public struct LogRecord: Sendable {
    /// The verified registration.
    public let log: RegisteredLog
    /// The latest cosigned view; nil until the first cosignature (the size is then 0).
    public internal(set) var view: CosignedView?
    /// How many refused bodies are kept as evidence.
    public internal(set) var refused = 0

    /// The size the witness last cosigned (0 if none).
    public var size: UInt64 { view?.size ?? 0 }
}
