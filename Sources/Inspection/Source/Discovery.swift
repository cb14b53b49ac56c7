import FileSystem

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
/// `journal.jsonl`), an archive file, or a folder holding any number of either, at any depth
/// up to ``maximumDepth``.
///
/// Nothing is followed: a symbolic link — named, or met in a folder (`loop -> .` would
/// otherwise count one session again and again) — is a problem naming it, and so is a FIFO,
/// device or socket. Hidden entries (`.name`) are passed over.
public enum Discovery {
    /// File name endings taken for session archives inside a folder of many.
    public static let archiveExtensions = [".p7m", ".cms"]
    /// How deep folders of folders are searched.
    public static let maximumDepth = 32

    /// The sessions under `paths`, in the order named (each folder's contents sorted by name),
    /// and what was passed over, each said with its path.
    public static func locate(_ paths: [String]) -> (sessions: [SessionLocation], problems: [String]) {
        var sessions: [SessionLocation] = []
        var problems: [String] = []
        for path in paths {
            switch RegularFile.kind(path) {
            case nil:
                problems.append("\(path)：不存在 (no such file or folder)")
            case .regular?:
                sessions.append(.archive(path))
            case .directory?:
                if isSession(path) {
                    sessions.append(.folder(path))
                } else {
                    let found = search(path, depth: 0, problems: &problems)
                    if found.isEmpty { problems.append("\(path)：其中没有会议文件夹或归档 (holds no session folder or archive)") }
                    sessions += found
                }
            case let other?:
                problems.append(passedOver(path, other))
            }
        }
        return (sessions, problems)
    }

    /// Whether `folder` is a session folder: it has an entry named `journal.jsonl` (of any
    /// kind; reading it refuses anything but a regular file).
    static func isSession(_ folder: String) -> Bool {
        RegularFile.kind(folder + "/journal.jsonl") != nil
    }

    /// Session folders and archives below `folder`, depth first, names sorted.
    static func search(_ folder: String, depth: Int, problems: inout [String]) -> [SessionLocation] {
        let entries: [RegularFile.Entry]
        do {
            guard let listed = try RegularFile.entries(in: "", of: folder) else { return [] }
            entries = listed
        } catch {
            problems.append("\(error)")
            return []
        }
        var out: [SessionLocation] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = folder + "/" + entry.name
            switch entry.kind {
            case .directory:
                if isSession(path) {
                    out.append(.folder(path))
                } else if depth < maximumDepth {
                    out += search(path, depth: depth + 1, problems: &problems)
                } else {
                    problems.append("\(path)：文件夹层次超过 \(maximumDepth) 层，未查看 (nested more than \(maximumDepth) deep: not searched)")
                }
            case .regular:
                if archiveExtensions.contains(where: { entry.name.hasSuffix($0) }) { out.append(.archive(path)) }
            default:
                problems.append(passedOver(path, entry.kind))
            }
        }
        return out
    }

    /// The problem of an entry that is neither a file nor a folder.
    static func passedOver(_ path: String, _ kind: RegularFile.Kind) -> String {
        if case .symbolicLink(let target) = kind {
            return "\(path)：是指向 \(target) 的符号链接，不跟随；请给出实际的文件夹或文件 (a symbolic link: not followed; name the folder or file itself)"
        }
        return "\(path)：不是普通文件或文件夹，而是\(kind.name)，跳过 (neither a file nor a folder: passed over)"
    }
}
