import Printer
import Review

/// Why a document could not be rendered. Nothing was written when one of these is thrown.
public enum DocumentsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A rule forbids the document as the session stands (R13: a rejection without a reason).
    case refused(Refusal)
    /// The regulation does not allow the paper yet: a 公示 before the results are announced and
    /// the meeting closed, a 综合报告 called final before the 公示 period has ended. The texts
    /// end with the article they rest on.
    case notYet(chinese: String, english: String)
    /// A template does not parse: the file, 1-based line and column, and what is wrong.
    case template(file: String, line: Int, column: Int, chinese: String, english: String)
    /// No template of this name, shipped or in the override folder.
    case missingTemplate(name: String)
    /// A working-day calendar file is malformed at `file:line:column` (1-based; columns count characters).
    case calendar(file: String, line: Int, column: Int, chinese: String, english: String)
    /// A date the working-day calendar has no data for: counting there would be a guess.
    case outsideCalendar(date: CivilDate, known: [Int])
    /// An argument or the session does not allow the document (a start date before the meeting).
    case invalid(chinese: String, english: String)
    /// A file could not be read or written.
    case file(path: String, chinese: String, english: String)

    /// The printer's error as a document error (the same cases, a CSV form refused as invalid).
    public init(_ e: PrinterError) {
        switch e {
        case .template(let file, let line, let column, let zh, let en):
            self = .template(file: file, line: line, column: column, chinese: zh, english: en)
        case .missingTemplate(let name): self = .missingTemplate(name: name)
        case .file(let path, let zh, let en): self = .file(path: path, chinese: zh, english: en)
        case .format(let zh, let en): self = .invalid(chinese: zh, english: en)
        }
    }

    public var description: String {
        switch self {
        case .refused(let r):
            return r.description
        case .notYet(let zh, let en):
            return "拒绝：\(zh)\nrefused: \(en)"
        case .template(let file, let line, let column, let zh, let en):
            return "错误：模板 \(file):\(line):\(column) 有误：\(zh)\nerror: template \(file):\(line):\(column): \(en)"
        case .missingTemplate(let name):
            return "错误：找不到模板 \(name).mustache（内置模板和 --templates 文件夹中都没有）\n"
                + "error: no template \(name).mustache, neither shipped nor in the --templates folder"
        case .calendar(let file, let line, let column, let zh, let en):
            return "错误：工作日历 \(file) 第 \(line) 行第 \(column) 列有误：\(zh)\n"
                + "error: working-day calendar \(file) line \(line), column \(column): \(en)"
        case .outsideCalendar(let date, let known):
            let years = known.map(String.init).joined(separator: "、")
            let yearsEn = known.map(String.init).joined(separator: ", ")
            return "错误：工作日历中没有 \(date.year) 年的节假日安排（已知年份：\(years)），无法计算 \(date) 起的工作日。"
                + "请按国务院办公厅当年的通知补充日历文件（--calendar FILE）\n"
                + "error: the working-day calendar has no holiday data for \(date.year) (known years: \(yearsEn)), so working days "
                + "from \(date) cannot be counted; add that year's State Council schedule with --calendar FILE"
        case .invalid(let zh, let en):
            return "错误：\(zh)\nerror: \(en)"
        case .file(let path, let zh, let en):
            return "错误：\(path)：\(zh)\nerror: \(path): \(en)"
        }
    }

    /// The process exit status: 3 for a refusal by a rule or the regulation, 2 for bad input (templates, calendar,
    /// arguments), 1 for file errors.
    public var exitCode: Int32 {
        switch self {
        case .refused, .notYet: 3
        case .template, .missingTemplate, .calendar, .outsideCalendar, .invalid: 2
        case .file: 1
        }
    }
}
