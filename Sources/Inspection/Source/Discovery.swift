import Foundation

/// Where one session's records are: a session folder, or an encrypted archive of one.
public enum SessionLocation: Sendable, Equatable {
    case folder(String)
    case archive(String)

    public var path: String {
        switch self {
        case .folder(let p), .archive(let p): p
        }
    }
}

/// Finds the sessions behind the paths an inspector names: a session folder (it holds
/// `journal.jsonl`), an archive file, or a folder holding any number of either, at any depth.
public enum Discovery {
    /// File name endings taken for session archives inside a folder of many.
    public static let archiveExtensions = [".p7m", ".cms"]

    /// The sessions under `paths`, in the order named (each folder's contents sorted by name),
    /// and the paths that are neither.
    public static func locate(_ paths: [String]) -> (sessions: [SessionLocation], problems: [String]) {
        var sessions: [SessionLocation] = []
        var problems: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append("\(path)：不存在 (no such file or folder)")
                continue
            }
            if !isDirectory.boolValue {
                sessions.append(.archive(path))
            } else if manager.fileExists(atPath: path + "/journal.jsonl") {
                sessions.append(.folder(path))
            } else {
                let found = search(path)
                if found.isEmpty { problems.append("\(path)：其中没有会议文件夹或归档 (holds no session folder or archive)") }
                sessions += found
            }
        }
        return (sessions, problems)
    }

    /// Session folders and archives below `folder`, depth first, names sorted.
    static func search(_ folder: String) -> [SessionLocation] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        var out: [SessionLocation] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                out += manager.fileExists(atPath: path + "/journal.jsonl") ? [.folder(path)] : search(path)
            } else if archiveExtensions.contains(where: { name.hasSuffix($0) }) {
                out.append(.archive(path))
            }
        }
        return out
    }
}
