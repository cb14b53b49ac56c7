#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Private-key files: created new with mode 0600 and `fsync`ed, read whole.
///
/// Shared by every key type (``SigningKey``, ``Ed25519SigningKey``); errors name the path and
/// `errno`'s text, never the key.
enum KeyFile {
    /// Writes `text` to a new file at `path` with mode 0600.
    ///
    /// The file must not exist yet: an existing key is never overwritten. The mode is set
    /// explicitly (not left to the umask) and the file is `fsync`ed before this returns; on
    /// failure the partial file is removed.
    static func create(_ path: String, with text: String) throws(SealError) {
        let bytes = Array(text.utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw fileError("创建 create", path) }
        var done = false
        defer {
            close(fd)
            if !done { unlink(path) }
        }
        guard fchmod(fd, 0o600) == 0 else { throw fileError("设置权限 chmod 0600", path) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBufferPointer { systemWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw fileError("写入 write", path) }
            written += n
        }
        guard fsync(fd) == 0 else { throw fileError("fsync", path) }
        done = true
    }

    /// The whole text of the file at `path`.
    static func read(_ path: String) throws(SealError) -> String {
        guard let file = fopen(path, "r") else { throw fileError("打开 open", path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            bytes += chunk.prefix(n)
            if n < chunk.count { break }
        }
        guard ferror(file) == 0 else { throw fileError("读取 read", path) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// POSIX `write(2)`, named apart from the key types' `write(to:passphrase:)`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// A file error naming the path and `errno`'s text; never the key.
private func fileError(_ step: String, _ path: String) -> SealError {
    let reason = String(cString: strerror(errno))
    return SealError(operation: "私钥文件 \(path)：\(step) 失败 (key file \(path): \(step) failed: \(reason))", code: .file)
}
