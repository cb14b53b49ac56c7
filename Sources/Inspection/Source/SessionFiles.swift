#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileSystem
import Journal

/// The files of one session, wherever they are: a folder on disk, or an archive opened in memory.
///
/// Paths are relative to the session folder (`journal.jsonl`, `out/minutes.md`). The verifier
/// reads nothing outside it: a relative path that climbs out (`..`) or is absolute reads as absent.
public enum SessionFiles: Sendable {
    /// A session folder on disk.
    case folder(String)
    /// The files of an archive, by relative path.
    case archive([String: [UInt8]])

    /// The bytes of the file at `relative`, or nil if there is none (or the path is unsafe).
    public func read(_ relative: String) -> [UInt8]? {
        guard Self.isSafe(relative) else { return nil }
        switch self {
        case .folder(let root):
            return try? DurableFile.read(root + "/" + relative)
        case .archive(let files):
            return files[relative]
        }
    }

    /// Regular files directly inside the folder `relative` (names only), sorted.
    public func files(in relative: String) -> [String] {
        switch self {
        case .folder(let root):
            guard let dir = opendir(root + "/" + relative) else { return [] }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                names.append(name)
            }
            return names.sorted()
        case .archive(let files):
            let prefix = relative + "/"
            return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
        }
    }

    /// Whether `relative` names a place inside the session folder.
    static func isSafe(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/") && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }
}
