/// Why the printer could not fill a template. Nothing was written when one of these is thrown.
public enum PrinterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A template does not parse: the file, 1-based line and column, and what is wrong.
    case template(file: String, line: Int, column: Int, chinese: String, english: String)
    /// No template of this name, shipped or in the override folder.
    case missingTemplate(name: String)
    /// A file could not be read.
    case file(path: String, chinese: String, english: String)
    /// The paper has no such format (a result form as CSV).
    case format(chinese: String, english: String)

    public var description: String {
        switch self {
        case .template(let file, let line, let column, let zh, let en):
            return "错误：模板 \(file):\(line):\(column) 有误：\(zh)\nerror: template \(file):\(line):\(column): \(en)"
        case .missingTemplate(let name):
            return "错误：找不到模板 \(name).mustache（内置模板和 --templates 文件夹中都没有）\n"
                + "error: no template \(name).mustache, neither shipped nor in the --templates folder"
        case .file(let path, let zh, let en):
            return "错误：\(path)：\(zh)\nerror: \(path): \(en)"
        case .format(let zh, let en):
            return "错误：\(zh)\nerror: \(en)"
        }
    }

    /// The process exit status: 2 for bad input (a template, a format), 1 for a file not read.
    public var exitCode: Int32 {
        switch self {
        case .template, .missingTemplate, .format: 2
        case .file: 1
        }
    }
}
