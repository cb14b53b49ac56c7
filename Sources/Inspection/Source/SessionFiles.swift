import FileSystem
import Journal

/// The files of one session, wherever they are: a folder on disk, or an archive opened in memory.
///
/// Paths are relative to the session folder (`journal.jsonl`, `out/minutes.md`). The verifier
/// reads nothing outside it: a relative path that climbs out (`..`) or is absolute reads as
/// absent. In a folder nothing is followed and nothing but regular files is read, each up to
/// its cap (``ReadLimits``); ``hazards()`` names whatever was passed over, for V13.
public enum SessionFiles: Sendable {
    /// A session folder on disk.
    case folder(String)
    /// The files of an archive, by relative path.
    case archive([String: [UInt8]])

    /// The bytes of the file at `relative`, or nil if there is none, the path is unsafe, or the
    /// file was refused (a link, a special file, above its cap).
    public func read(_ relative: String) -> [UInt8]? {
        (try? contents(of: relative)) ?? nil
    }

    /// The bytes of the file at `relative`, nil if there is none (or the path is unsafe); throws
    /// why a file that is there was not read.
    public func contents(of relative: String) throws(RegularFile.Refusal) -> [UInt8]? {
        guard Self.isSafe(relative) else { return nil }
        let limit = ReadLimits.limit(for: relative)
        switch self {
        case .folder(let root):
            return try RegularFile.read(relative, in: root, limit: limit)
        case .archive(let files):
            guard let bytes = files[relative] else { return nil }
            guard bytes.count <= limit else { throw .tooLarge(path: relative, size: bytes.count, limit: limit) }
            return bytes
        }
    }

    /// The names of the entries directly inside the folder `relative`, sorted (links and other
    /// entries included, so that a leftover of any kind is seen); none if it is not a folder.
    public func files(in relative: String) -> [String] {
        switch self {
        case .folder(let root):
            return ((try? RegularFile.entries(in: relative, of: root)) ?? nil)?.map(\.name) ?? []
        case .archive(let files):
            let prefix = relative + "/"
            return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
        }
    }

    /// Most entries looked at, and deepest folder, when a folder is searched for hazards.
    static let scanEntries = 100_000, scanDepth = 16

    /// Everything in the session that the verifier will not read, each said with its path:
    /// symbolic links, special files, and files above their cap — found by walking the whole
    /// folder without following anything (an archive holds regular files only, so there only
    /// the caps apply).
    public func hazards() -> [String] {
        switch self {
        case .archive(let files):
            return files.keys.sorted().compactMap { path in
                let limit = ReadLimits.limit(for: path), size = files[path]!.count
                return size > limit ? RegularFile.Refusal.tooLarge(path: path, size: size, limit: limit).description : nil
            }
        case .folder(let root):
            var out: [String] = []
            var seen = 0
            walk(root, "", depth: 0, seen: &seen, into: &out)
            return out
        }
    }

    private func walk(_ root: String, _ folder: String, depth: Int, seen: inout Int, into out: inout [String]) {
        let entries: [RegularFile.Entry]
        do {
            guard let e = try RegularFile.entries(in: folder, of: root) else { return }
            entries = e
        } catch {
            out.append(error.description)
            return
        }
        for entry in entries {
            seen += 1
            guard seen <= Self.scanEntries else {
                if seen == Self.scanEntries + 1 {
                    out.append("会议文件夹中的条目超过 \(Self.scanEntries) 个，其余未查看 (more than \(Self.scanEntries) entries: the rest not looked at)")
                }
                return
            }
            let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
            switch entry.kind {
            case .regular:
                let limit = ReadLimits.limit(for: path)
                if entry.size > limit { out.append(RegularFile.Refusal.tooLarge(path: path, size: entry.size, limit: limit).description) }
            case .directory:
                if depth < Self.scanDepth {
                    walk(root, path, depth: depth + 1, seen: &seen, into: &out)
                } else {
                    out.append("\(path) 的层次超过 \(Self.scanDepth) 层，未查看 (nested more than \(Self.scanDepth) deep: not looked at)")
                }
            case .symbolicLink(let target):
                out.append(RegularFile.Refusal.symbolicLink(path: path, target: target).description)
            default:
                out.append(RegularFile.Refusal.notRegular(path: path, kind: entry.kind).description)
            }
        }
    }

    /// Whether `relative` names a place inside the session folder.
    static func isSafe(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/") && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }
}
