#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on a session folder, so that two commands — the chair's
/// terminal and a kiosk, say — never interleave their reads and appends.
public final class SessionLock {
    private let fd: Int32

    /// Takes the lock on `path` (created if needed), waiting for any other holder.
    /// `exclusive` for commands that append, shared for those that only read.
    public init(path: String, exclusive: Bool) throws(FileError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: path, operation: "打开锁文件 open lock") }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            let e = FileError(path: path, operation: "加锁 flock")
            close(fd)
            throw e
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
