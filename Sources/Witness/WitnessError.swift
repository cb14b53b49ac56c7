import FileSystem
import Journal
import Seal

/// A failure of the witness itself — its key, certificate or state folder — rather than a
/// refusal of a request.
public enum WitnessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file could not be read or written.
    case file(FileError)
    /// Another witness process holds the state folder.
    case stateInUse(String)
    /// A file in the state folder is not as the witness writes it.
    case stateDamaged(path: String, reason: String)
    /// The witness's key or certificate is not usable: Chinese, then English.
    case identity(String, String)

    public var description: String {
        switch self {
        case .file(let error):
            "见证方文件操作失败 (witness file operation failed): \(error)"
        case .stateInUse(let path):
            "状态文件夹 \(path) 正被另一个见证进程使用 (the state folder \(path) is in use by another witness process)"
        case let .stateDamaged(path, reason):
            "状态文件 \(path) 已损坏，见证方拒绝启动以免回退 (the state file \(path) is damaged; the witness will not start, lest it roll back): \(reason)"
        case let .identity(chinese, english):
            "见证方身份 (witness identity): \(chinese) (\(english))"
        }
    }
}
