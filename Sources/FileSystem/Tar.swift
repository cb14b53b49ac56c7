/// A POSIX ustar archive of regular files, as `tar -x` reads it: the plain container of the
/// confidential session archive (which is then CMS-encrypted).
///
/// Reading is strict: every header's checksum must hold, names must be relative without `..`,
/// only regular files and folders are accepted, and the archive must end with its two zero blocks.
public enum Tar {
    public struct File: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]
        public var modified: Int

        public init(path: String, bytes: [UInt8], modified: Int = 0) {
            self.path = path
            self.bytes = bytes
            self.modified = modified
        }
    }

    public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var problem: String
        public var description: String { "归档格式错误（第 \(offset) 字节）(malformed archive at byte \(offset)): \(problem)" }
    }

    /// The archive of `files`, in the order given.
    public static func pack(_ files: [File]) -> [UInt8] {
        var out: [UInt8] = []
        for file in files {
            var header = [UInt8](repeating: 0, count: 512)
            let name = Array(file.path.utf8)
            if name.count <= 100 {
                header.replaceSubrange(0..<name.count, with: name)
            } else {
                // Split at a slash into prefix (≤155) and name (≤100).
                let slash = name.indices.last { name[$0] == UInt8(ascii: "/") && $0 <= 155 && name.count - $0 - 1 <= 100 } ?? 0
                header.replaceSubrange(345..<345 + slash, with: name[..<slash])
                header.replaceSubrange(0..<(name.count - slash - 1), with: name[(slash + 1)...])
            }
            put(&header, 100, 8, octal(0o644, 7))
            put(&header, 108, 8, octal(0, 7))
            put(&header, 116, 8, octal(0, 7))
            put(&header, 124, 12, octal(file.bytes.count, 11))
            put(&header, 136, 12, octal(file.modified, 11))
            header[156] = UInt8(ascii: "0")
            put(&header, 257, 6, Array("ustar".utf8) + [0])
            put(&header, 263, 2, Array("00".utf8))
            for i in 148..<156 { header[i] = UInt8(ascii: " ") }
            let sum = header.reduce(0) { $0 + Int($1) }
            put(&header, 148, 8, octal(sum, 6) + [0, UInt8(ascii: " ")])
            out += header
            out += file.bytes
            out += [UInt8](repeating: 0, count: (512 - file.bytes.count % 512) % 512)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }

    /// The regular files in `bytes`.
    public static func unpack(_ bytes: [UInt8]) throws(FormatError) -> [File] {
        var files: [File] = []
        var offset = 0
        while true {
            guard offset + 512 <= bytes.count else { throw FormatError(offset: offset, problem: "缺少结尾的零块 (missing end blocks)") }
            let header = Array(bytes[offset..<offset + 512])
            if header.allSatisfy({ $0 == 0 }) {
                guard offset + 1024 <= bytes.count, bytes[offset + 512..<offset + 1024].allSatisfy({ $0 == 0 }) else {
                    throw FormatError(offset: offset, problem: "结尾零块不完整 (truncated end blocks)")
                }
                return files
            }
            guard let checksum = number(header[148..<156]),
                  checksum == header.enumerated().reduce(0, { $0 + Int(148..<156 ~= $1.offset ? 32 : $1.element) }) else {
                throw FormatError(offset: offset, problem: "头部校验和不符 (header checksum mismatch)")
            }
            guard let size = number(header[124..<136]), let modified = number(header[136..<148]) else {
                throw FormatError(offset: offset, problem: "大小字段无效 (bad size field)")
            }
            let prefix = string(header[345..<500]), name = string(header[0..<100])
            let path = prefix.isEmpty ? name : prefix + "/" + name
            guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw FormatError(offset: offset, problem: "不安全的文件名 \(path) (unsafe name)")
            }
            let type = header[156]
            let start = offset + 512
            guard start + size <= bytes.count else { throw FormatError(offset: offset, problem: "文件内容被截断 (truncated file data)") }
            switch type {
            case UInt8(ascii: "0"), 0: files.append(File(path: path, bytes: Array(bytes[start..<start + size]), modified: modified))
            case UInt8(ascii: "5"): break
            default: throw FormatError(offset: offset, problem: "不支持的条目类型 (unsupported entry type)")
            }
            offset = start + (size + 511) / 512 * 512
        }
    }

    static func octal(_ value: Int, _ digits: Int) -> [UInt8] {
        let text = String(value, radix: 8)
        return Array((String(repeating: "0", count: max(0, digits - text.count)) + text).utf8) + [0]
    }

    static func put(_ header: inout [UInt8], _ at: Int, _ width: Int, _ value: [UInt8]) {
        header.replaceSubrange(at..<at + min(width, value.count), with: value.prefix(width))
    }

    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = field.prefix { $0 != 0 && $0 != UInt8(ascii: " ") }.drop { $0 == UInt8(ascii: " ") }
        guard !digits.isEmpty || field.first == 0 else { return nil }
        return digits.isEmpty ? 0 : Int(String(decoding: digits, as: UTF8.self), radix: 8)
    }

    static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
