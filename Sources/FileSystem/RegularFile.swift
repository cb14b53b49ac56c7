#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads folders someone else may have prepared: no symbolic link is followed, no special file
/// (FIFO, device, socket) is opened for reading, and no file larger than a stated cap is read.
///
/// Every path component below the folder is looked at with `fstatat(AT_SYMLINK_NOFOLLOW)` and
/// opened with `O_NOFOLLOW` through the descriptor of the folder above it, so a link anywhere on
/// the way (`out -> /etc`) is refused, not only a link at the end. A file is opened with
/// `O_NONBLOCK` (a FIFO swapped in after the look cannot stall the reader) and checked again with
/// `fstat` once open. The folder itself is the one the caller named: it is opened with
/// `O_NOFOLLOW` too, so it may sit below a linked directory but may not be a link itself.
public enum RegularFile {
    /// What a directory entry is, as `lstat` sees it.
    public enum Kind: Sendable, Equatable {
        case regular
        case directory
        case symbolicLink(target: String)
        case fifo
        case socket
        case characterDevice
        case blockDevice
        case unknown

        /// The kind named in Chinese with English, for messages.
        public var name: String {
            switch self {
            case .regular: "普通文件 (regular file)"
            case .directory: "文件夹 (folder)"
            case .symbolicLink(let target): "符号链接 → \(target) (symbolic link)"
            case .fifo: "命名管道 FIFO (named pipe)"
            case .socket: "套接字 (socket)"
            case .characterDevice: "字符设备 (character device)"
            case .blockDevice: "块设备 (block device)"
            case .unknown: "未知类型 (unknown kind)"
            }
        }
    }

    /// One entry of a folder: its name, its kind and (for a regular file) its size in bytes.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public var size: Int
    }

    /// Why a file was not read.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// `path` (or a folder on the way to it) is a symbolic link.
        case symbolicLink(path: String, target: String)
        /// `path` (or a folder on the way to it) is neither a regular file nor, on the way, a folder.
        case notRegular(path: String, kind: Kind)
        /// `path` holds more than `limit` bytes.
        case tooLarge(path: String, size: Int, limit: Int)
        /// The system refused an operation.
        case system(FileError)

        public var description: String {
            switch self {
            case .symbolicLink(let path, let target):
                "\(path) 是指向 \(target) 的符号链接，不跟随 (a symbolic link to \(target): not followed)"
            case .notRegular(let path, let kind):
                "\(path) 不是普通文件而是\(kind.name)，不读取 (not a regular file: not read)"
            case .tooLarge(let path, let size, let limit):
                "\(path) 有 \(size) 字节，超过上限 \(limit) 字节（\(limit >> 20) MiB），不读取 (\(size) bytes, above the cap of \(limit >> 20) MiB: not read)"
            case .system(let error):
                error.description
            }
        }
    }

    /// The bytes of the file at `relative` below the folder `root`, or nil if there is none.
    ///
    /// `relative` is split at `/`; no component may be a symbolic link, every component but the
    /// last must be a folder, and the last a regular file of at most `limit` bytes.
    public static func read(_ relative: String, in root: String, limit: Int) throws(Refusal) -> [UInt8]? {
        let components = relative.split(separator: "/").map(String.init)
        guard let last = components.last else { return nil }
        guard let folder = try openFolder(components.dropLast(), in: root) else { return nil }
        defer { close(folder) }
        return try readEntry(last, at: folder, path: join(root, relative), limit: limit)
    }

    /// The bytes of the file at `path`, or nil if there is none: its last component must not be
    /// a symbolic link and must be a regular file of at most `limit` bytes.
    ///
    /// The folders above it are followed as the caller named them.
    public static func read(_ path: String, limit: Int) throws(Refusal) -> [UInt8]? {
        let (folder, name) = split(path)
        return try read(name, in: folder, limit: limit)
    }

    /// The kind of the entry at `path` (its last component not followed), or nil if there is none.
    public static func kind(_ path: String) -> Kind? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return kind(st, link: { readLink(path) })
    }

    /// The entries of the folder `relative` below `root` ("" for `root` itself), sorted by name;
    /// nil if there is no such folder. Nothing is followed, on the way or in the listing.
    public static func entries(in relative: String, of root: String) throws(Refusal) -> [Entry]? {
        let components = relative.split(separator: "/").map(String.init)
        guard let folder = try openFolder(components[...], in: root) else { return nil }
        // fdopendir owns the descriptor from here on; closedir closes it.
        guard let dir = fdopendir(folder) else {
            let error = FileError(path: join(root, relative), operation: "打开目录 opendir")
            close(folder)
            throw .system(error)
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }  // gone meanwhile
            let kind = kind(st, link: { readLink(name, at: fd) })
            out.append(Entry(name: name, kind: kind, size: kind == .regular ? Int(st.st_size) : 0))
        }
        return out.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Opens `root`, then each of `components` below it, as folders without following links;
    /// nil where one does not exist (or is not a folder on the way to a file).
    static func openFolder(_ components: ArraySlice<String>, in root: String) throws(Refusal) -> Int32? {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            switch kind(root) {
            case nil, .regular?: return nil  // nothing there, or a file with nothing below it
            case .symbolicLink(let target)?: throw .symbolicLink(path: root, target: target)
            case .directory?: throw .system(FileError(path: root, operation: "打开目录 open folder", code: code))
            case let other?: throw .notRegular(path: root, kind: other)
            }
        }
        var path = root
        for component in components {
            path = join(path, component)
            var st = stat()
            guard fstatat(fd, component, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
                let code = errno
                close(fd)
                if code == ENOENT || code == ENOTDIR { return nil }
                throw .system(FileError(path: path, operation: "查看 stat", code: code))
            }
            let k = kind(st, link: { readLink(component, at: fd) })
            guard k == .directory else {
                close(fd)
                if case .symbolicLink(let target) = k { throw .symbolicLink(path: path, target: target) }
                if k == .regular { return nil }
                throw .notRegular(path: path, kind: k)
            }
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(fd)
            guard next >= 0 else { throw .system(FileError(path: path, operation: "打开目录 open folder", code: code)) }
            fd = next
        }
        return fd
    }

    /// Reads the entry `name` of the open folder `folder`, refusing links, special files and
    /// anything above `limit` bytes (also when it grows past `limit` while being read).
    static func readEntry(_ name: String, at folder: Int32, path: String, limit: Int) throws(Refusal) -> [UInt8]? {
        var st = stat()
        guard fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw .system(FileError(path: path, operation: "查看 stat"))
        }
        let before = kind(st, link: { readLink(name, at: folder) })
        if case .symbolicLink(let target) = before { throw .symbolicLink(path: path, target: target) }
        guard before == .regular else { throw .notRegular(path: path, kind: before) }
        guard Int(st.st_size) <= limit else { throw .tooLarge(path: path, size: Int(st.st_size), limit: limit) }
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw .symbolicLink(path: path, target: readLink(name, at: folder)) }
            if errno == ENOENT { return nil }
            throw .system(FileError(path: path, operation: "打开 open"))
        }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { throw .system(FileError(path: path, operation: "fstat")) }
        let opened = kind(st, link: { "" })
        guard opened == .regular else { throw .notRegular(path: path, kind: opened) }
        guard Int(st.st_size) <= limit else { throw .tooLarge(path: path, size: Int(st.st_size), limit: limit) }
        // One spare byte past the cap tells a file that grew beyond it from one that ends at it.
        let capacity = min(Int(st.st_size), limit) + 1
        var failure: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if failure != 0 { throw .system(FileError(path: path, operation: "读取 read", code: failure)) }
        // It grew since fstat: read on, up to the cap.
        while out.count == capacity && out.count <= limit {
            var chunk = [UInt8](repeating: 0, count: min(65536, limit + 1 - out.count))
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(FileError(path: path, operation: "读取 read"))
            }
            if n == 0 { break }
            out += chunk.prefix(n)
        }
        guard out.count <= limit else { throw .tooLarge(path: path, size: out.count, limit: limit) }
        return out
    }

    static func kind(_ st: stat, link: () -> String) -> Kind {
        switch st.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink(target: link())
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .unknown
        }
    }

    /// The target of the link `name` in the folder `folder` (at most 4 KiB of it).
    static func readLink(_ name: String, at folder: Int32 = AT_FDCWD) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { readlinkat(folder, name, $0, b.count) }
        }
        return n > 0 ? String(decoding: buffer.prefix(n), as: UTF8.self) : "?"
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// `path` as (its folder, its last component); "." for a bare name.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
