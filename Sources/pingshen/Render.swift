import ArgumentParser
import Documents
import Foundation
import Review
import Workspace

/// `pingshen render KIND [--format text|md|html|csv] [--out PATH] [--templates DIR] …`
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "由会议日志生成会议记录、评审表、一览表、分析表、公示、综合报告。Render the session's papers from its journal.",
        discussion: """
        KIND：minutes 评审会议记录 | result-forms 评审表·评审结论（每人一份）| overview 评审情况一览表 | \
        analysis 评审结果分析表（--sessions 可汇总多次会议）| publicity 评审结果公示（--start 开始日期）| \
        report 评审情况综合报告（--publicity-start 公示开始日期，--publicity-outcome 无异议|有异议:…；公示期满并载明结果后方为正式报告）。
        格式 Formats: text（即 Markdown）、md、html（A4 打印）、csv（仅一览表、分析表；UTF-8 BOM，Excel 可直接打开）。
        不加 --out 时打印到标准输出；--out 文件名的扩展名可决定格式。result-forms 的 --out 为文件夹，每人一个文件（评审表-C01.html）。
        --templates DIR 中与内置模板同名的 *.mustache 逐个替换内置模板；DIR/calendar/*.toml 补充工作日历。
        Without --out the document goes to standard output. --templates DIR overrides shipped templates file by file.
        """)

    @OptionGroup var session: SessionOptions

    @Argument(help: ArgumentHelp("minutes | result-forms | overview | analysis | publicity | report", valueName: "KIND"))
    var kind: String

    @Option(help: ArgumentHelp("text | md | html | csv（默认 text，或按 --out 的扩展名）", valueName: "FORMAT"))
    var format: String?

    @Option(help: ArgumentHelp("写入文件（result-forms 为文件夹）Write to this file (a folder for result-forms).", valueName: "PATH"))
    var out: String?

    @Option(help: ArgumentHelp("以此文件夹中的模板替换内置模板 Override shipped templates from this folder.", valueName: "DIR"))
    var templates: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("analysis：汇总这些会议文件夹（年度总结）Sessions to sum up.", valueName: "DIR"))
    var sessions: [String] = []

    @Option(help: ArgumentHelp("publicity：公示开始日期 First day of the publicity period.", valueName: "YYYY-MM-DD"))
    var start: String?

    @Option(help: ArgumentHelp("publicity、report：补充的工作日历文件 An extra working-day calendar file.", valueName: "FILE"))
    var calendar: String?

    @Option(name: .customLong("publicity-start"),
            help: ArgumentHelp("report：公示开始日期（公示期按工作日历计 5 个工作日）First day of the publicity period.", valueName: "YYYY-MM-DD"))
    var publicityStart: String?

    @Option(name: .customLong("publicity-outcome"),
            help: ArgumentHelp("report：公示结果，“无异议”或“有异议:情况及处理”；公示期满后方可载明 The publicity's outcome, once it has ended.", valueName: "TEXT"))
    var publicityOutcome: String?

    var documentKind: DocumentKind { DocumentKind(rawValue: kind)! }

    /// The format asked for, else the one `--out` implies, else text.
    var documentFormat: DocumentFormat {
        if let format { return DocumentFormat(rawValue: format)! }
        if let out, documentKind != .resultForms, let implied = DocumentFormat(fileName: out) { return implied }
        return .text
    }

    func validate() throws {
        guard let kind = DocumentKind(rawValue: kind) else {
            throw ValidationError("未知的文件类型“\(self.kind)”；可用：\(DocumentKind.allCases.map(\.rawValue).joined(separator: "、")) (unknown KIND)")
        }
        if let format, DocumentFormat(rawValue: format) == nil {
            throw ValidationError("未知的格式“\(format)”；可用：text、md、html、csv (unknown format)")
        }
        if documentFormat == .csv && !kind.isTable {
            throw ValidationError("\(kind.title)不是表格，不能输出 CSV；CSV 仅用于 overview 和 analysis (csv is for the tables overview and analysis only)")
        }
        if kind == .publicity {
            guard let start else { throw ValidationError("publicity 需要 --start YYYY-MM-DD（公示开始日期）(publicity needs --start)") }
            guard CivilDate(start) != nil else { throw ValidationError("--start \(start) 不是有效日期，应为 YYYY-MM-DD (not a date)") }
        } else {
            if start != nil { throw ValidationError("--start 只用于 publicity (--start is for publicity only)") }
            if calendar != nil && kind != .report { throw ValidationError("--calendar 只用于 publicity 和 report (--calendar is for publicity and report only)") }
        }
        if kind == .report {
            if let publicityStart, CivilDate(publicityStart) == nil {
                throw ValidationError("--publicity-start \(publicityStart) 不是有效日期，应为 YYYY-MM-DD (not a date)")
            }
            if let publicityOutcome {
                guard publicityStart != nil else {
                    throw ValidationError("--publicity-outcome 需要同时给出 --publicity-start（公示期）(--publicity-outcome needs --publicity-start)")
                }
                guard PublicityStatement.outcome(parsing: publicityOutcome) != nil else {
                    throw ValidationError("--publicity-outcome 应为“无异议”或“有异议:情况及处理” (--publicity-outcome must be 无异议 or 有异议:WHAT)")
                }
            }
        } else if publicityStart != nil || publicityOutcome != nil {
            throw ValidationError("--publicity-start、--publicity-outcome 只用于 report (they are for report only)")
        }
        if !sessions.isEmpty && kind != .analysis {
            throw ValidationError("--sessions 只用于 analysis (--sessions is for analysis only)")
        }
    }

    func run() throws {
        let renderer = DocumentRenderer(templates: try TemplateLibrary(overridingWith: templates))
        let format = documentFormat
        if documentKind == .analysis {
            let folders = sessions.isEmpty ? [session.path] : sessions
            let states = try folders.map { dir in try SessionFolder(path: dir).stateForDocuments() }
            try emit(try renderer.analysis(states, format: format))
            return
        }
        let folder = try session.folder
        let state = try folder.stateForDocuments()
        switch documentKind {
        case .minutes:
            try emit(try renderer.minutes(state, format: format, signatures: electronicSignatures(state)))
        case .resultForms:
            let signatures = electronicSignatures(state)
            guard let out else {
                try emit(try renderer.resultFormsTogether(state, format: format, signatures: signatures))
                return
            }
            let forms = try renderer.resultForms(state, format: format, signatures: signatures)
            guard !forms.isEmpty else {
                throw CommandFailure.badInput("尚无已表决的申报人，没有评审表可生成", "no candidate has been voted on yet, so there are no result forms")
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for form in forms { try write(form.bytes, to: out + "/" + form.fileName) }
            print("共 \(forms.count) 份评审表 (\(forms.count) result forms)")
        case .overview:
            try emit(try renderer.overview(state, format: format))
        case .publicity:
            let day = CivilDate(start!)!
            let calendarFile = calendar
            let templatesFolder = templates
            let calendar = try WorkingDays.load(templatesDirectory: templatesFolder, file: calendarFile)
            let (document, period) = try renderer.publicity(state, start: day, calendar: calendar, format: format)
            try emit(document)
            let line = "公示期 Publicity period: \(period.first) – \(period.last)（\(period.chinese)，共 \(period.workingDays) 个工作日）"
            if out == nil { printError(line) } else { print(line) }
        case .report:
            try emit(try renderer.report(state, format: format, publicity: try publicityStatement(state, renderer), today: try today()))
        case .analysis:
            break
        }
    }

    /// Writes `document` to `--out` (inside it, under the document's own name, when it is a
    /// folder), or to standard output.
    func emit(_ document: RenderedDocument) throws {
        guard let out else {
            FileHandle.standardOutput.write(Data(document.bytes))
            return
        }
        var isDirectory: ObjCBool = false
        let path = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) && isDirectory.boolValue
            ? out + "/" + document.fileName : out
        try write(document.bytes, to: path)
    }

    /// Writes a file whole (through a temporary file and a rename) and says so.
    func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure.failed("无法写入 \(path)：\(error.localizedDescription)", "cannot write \(path)")
        }
        print("已写入 wrote \(path)")
    }

    /// The 公示 as `--publicity-start` and `--publicity-outcome` state it, for the report.
    func publicityStatement(_ state: SessionState, _ renderer: DocumentRenderer) throws -> PublicityStatement? {
        guard let publicityStart, let day = CivilDate(publicityStart) else { return nil }
        let calendar = try WorkingDays.load(templatesDirectory: templates, file: self.calendar)
        let period = try renderer.publicityPeriod(state, start: day, calendar: calendar)
        return PublicityStatement(period: period, outcome: publicityOutcome.flatMap(PublicityStatement.outcome(parsing:)))
    }

    /// Today by the session clock (`PINGSHEN_TIME` when set).
    func today() throws -> CivilDate {
        let now = try sessionClock().now()
        guard let day = CivilDate(String(now.prefix(10))) else {
            throw CommandFailure.failed("无法读取当前日期：\(now)", "cannot read today's date from \(now)")
        }
        return day
    }
}
