import FileSystem
import Journal
import Review
import TextFormats

/// Why a command on a session folder did not happen. In every case nothing was written.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    /// The session's rules refused the command, or its input named something unknown.
    case rejected(Rejection)
    /// A file the user supplied is malformed.
    case badInput(ImportError)
    /// The session folder cannot be used as it is (missing, damaged, torn).
    case damaged(String, String)
    /// The operating system refused a read or write.
    case file(FileError)

    public var description: String {
        switch self {
        case .rejected(let r): r.description
        case .badInput(let e): e.description
        case .damaged(let zh, let en): "错误：\(zh)\nerror: \(en)"
        case .file(let e): "错误 (error): \(e.description)"
        }
    }

    /// The process exit status for this error: 3 for a rule's refusal, 2 for bad input, 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .rejected(.refused): 3
        case .rejected(.invalid), .badInput: 2
        case .damaged, .file: 1
        }
    }
}
