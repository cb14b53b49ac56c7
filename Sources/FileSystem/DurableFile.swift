#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and durable writes: every write is `fsync`ed before it returns.
public enum DurableFile {
    /// The whole content of `path`, or nil if it does not exist.
    public static func read(_ path: String) throws(FileError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw FileError(path: path, operation: "打开 open")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(path: path, operation: "fstat") }
        // Size the buffer from fstat, with one spare byte so that reaching EOF needs no regrowth;
        // the bytes are read straight into it, with no zero-filling first.
        let expected = Int(st.st_size) + 1
        var readError: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if readError != 0 { throw FileError(path: path, operation: "读取 read", code: readError) }
        // The buffer filled up: the file grew since fstat, so read on to the end.
        var more = out.count == expected
        while more {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "读取 read")
            }
            out += chunk.prefix(n)
            more = n > 0
        }
        return out
    }

    /// Appends `bytes` to `path` (creating it with `mode`) and `fsync`s it before returning.
    /// A newly created file also has its directory `fsync`ed, so the name survives a crash.
    public static func append(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileError) {
        let existed = access(path, F_OK) == 0
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError(path: path, operation: "打开 open") }
        defer { close(fd) }
        if !existed { try keepPrivate(fd, mode, path) }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw FileError(path: path, operation: "fsync") }
        if !existed { try syncDirectory(of: path) }
    }

    /// Replaces `path` atomically with `bytes`: write a sibling temporary file, `fsync`, rename, `fsync` the directory.
    public static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o644) throws(FileError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError(path: temporary, operation: "创建 create") }
        do throws(FileError) {
            try keepPrivate(fd, mode, temporary)
            try writeAll(fd, bytes, path: temporary)
            guard fsync(fd) == 0 else { throw FileError(path: temporary, operation: "fsync") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let e = FileError(path: path, operation: "重命名 rename")
            unlink(temporary)
            throw e
        }
        try syncDirectory(of: path)
    }

    /// Cuts `path` to its first `length` bytes and `fsync`s it.
    public static func truncate(_ path: String, to length: Int) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, operation: "打开 open") }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw FileError(path: path, operation: "截断 truncate") }
        guard fsync(fd) == 0 else { throw FileError(path: path, operation: "fsync") }
    }

    /// Removes `path` (if present) and `fsync`s its directory.
    public static func remove(_ path: String) throws(FileError) {
        if unlink(path) != 0 && errno != ENOENT { throw FileError(path: path, operation: "删除 unlink") }
        try syncDirectory(of: path)
    }

    /// `fsync`s the directory holding `path`.
    public static func syncDirectory(of path: String) throws(FileError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: directory, operation: "打开目录 open directory") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileError(path: directory, operation: "fsync") }
    }

    /// A private `mode` (no bits for group or others) is set exactly, whatever the umask; other
    /// modes are left to the umask as `open` applied it.
    static func keepPrivate(_ fd: Int32, _ mode: mode_t, _ path: String) throws(FileError) {
        guard mode & 0o077 == 0 else { return }
        guard fchmod(fd, mode) == 0 else { throw FileError(path: path, operation: "chmod") }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "写入 write")
            }
            written += n
        }
    }
}
