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
        不加 --out 时打印到标准输出。--out 以 / 结尾或为已存在的文件夹时，文件以其默认名称写入其中（result-forms 每人一个文件，\
        评审表-C01.html）；否则为文件，扩展名须与格式相符（未给 --format 时由扩展名决定格式）。已存在的文件不覆盖，除非加 --force；\
        不会写入会议文件夹自身的记录（日志、导入文件、keys/、spool/、out/）。
        --templates DIR 中与内置模板同名的 *.mustache 逐个替换内置模板；DIR/calendar/*.toml 补充工作日历。
        Without --out the document goes to standard output; --out DIR/ writes inside a folder, --out FILE needs an extension that fits
        the format; nothing is overwritten without --force. --templates DIR overrides shipped templates file by file.
        """)

    @OptionGroup var session: SessionOptions

    @Argument(help: ArgumentHelp("要生成的文件 The paper to render.", valueName: "KIND"))
    var kind: DocumentKind

    @Option(help: ArgumentHelp("格式（默认 text，或按 --out 的扩展名）Format (default: text, or as --out's extension says).", valueName: "FORMAT"))
    var format: DocumentFormat?

    @Option(help: ArgumentHelp("写入文件，或以 / 结尾（或已存在）的文件夹；result-forms 写入文件夹时每人一个文件 Write to this file, or into this folder.", valueName: "PATH"))
    var out: String?

    @Flag(help: "覆盖已存在的文件 Replace files that exist.")
    var force = false

    @Flag(help: "以 JSON 输出写入的文件（须有 --out）Print what was written as JSON (needs --out).")
    var json = false

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

    var documentKind: DocumentKind { kind }

    /// The format asked for, else the one `--out`'s file name implies, else text.
    var documentFormat: DocumentFormat {
        if let format { return format }
        if let out, !OutputPath(out).isFolder, let implied = DocumentFormat(fileName: out) { return implied }
        return .text
    }

    func validate() throws {
        if json && out == nil { throw ValidationError("--json 须与 --out 同用（不加 --out 时文件输出到标准输出）(--json needs --out)") }
        if let out, !OutputPath(out).isFolder {
            let suffix = (out as NSString).pathExtension.lowercased()
            if format == nil && DocumentFormat(fileName: out) == nil {
                let zh = suffix.isEmpty ? "没有扩展名" : "扩展名“.\(suffix)”不是可生成的格式", en = suffix.isEmpty ? "has no extension" : "'.\(suffix)' is none of the formats"
                throw ValidationError("--out \(out)：\(zh)（.txt .md .html .csv）；写入文件夹请以 / 结尾"
                                      + " (--out \(out) \(en) .txt .md .html .csv; end a folder with /)")
            }
            guard documentFormat.fileExtensions.contains(suffix) else {
                throw ValidationError("--out \(out)：\(documentFormat.rawValue) 格式的文件名应以 \(documentFormat.fileExtensions.map { "." + $0 }.joined(separator: " 或 ")) 结尾（写入文件夹请以 / 结尾）"
                                      + " (--out \(out): a \(documentFormat.rawValue) file must end in \(documentFormat.fileExtensions.map { "." + $0 }.joined(separator: " or ")); end a folder with /)")
            }
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
        var written: [String] = []
        var period: PublicityPeriod?
        if documentKind == .analysis {
            let folders = sessions.isEmpty ? [session.path] : sessions
            let states = try folders.map { dir in try SessionFolder(path: dir).stateForDocuments() }
            written += try emit(try renderer.analysis(states, format: format))
            return finish(written, period: nil)
        }
        let folder = try session.folder
        let state = try folder.stateForDocuments()
        switch documentKind {
        case .minutes:
            written += try emit(try renderer.minutes(state, format: format, signatures: electronicSignatures(state)))
        case .resultForms:
            let signatures = electronicSignatures(state)
            guard let out, OutputPath(out).isFolder else {
                written += try emit(try renderer.resultFormsTogether(state, format: format, signatures: signatures))
                break
            }
            let forms = try renderer.resultForms(state, format: format, signatures: signatures)
            guard !forms.isEmpty else {
                throw CommandFailure.badInput("尚无已表决的申报人，没有评审表可生成", "no candidate has been voted on yet, so there are no result forms")
            }
            written += try emitForms(forms, into: out)
            if !json { print("共 \(forms.count) 份评审表 (\(forms.count) result forms)") }
        case .overview:
            written += try emit(try renderer.overview(state, format: format))
        case .publicity:
            let day = CivilDate(start!)!
            let calendarFile = calendar
            let templatesFolder = templates
            let calendar = try WorkingDays.load(templatesDirectory: templatesFolder, file: calendarFile)
            let (document, days) = try renderer.publicity(state, start: day, calendar: calendar, format: format)
            written += try emit(document)
            period = days
            let line = "公示期 Publicity period: \(days.first) – \(days.last)（\(days.chinese)，共 \(days.workingDays) 个工作日）"
            if out == nil { printError(line) } else if !json { print(line) }
        case .report:
            written += try emit(try renderer.report(state, format: format, publicity: try publicityStatement(state, renderer), today: try today()))
        case .analysis:
            break
        }
        finish(written, period: period)
    }

    /// What `render --json` prints: the files written, and for publicity the period.
    struct Output: Encodable {
        struct Period: Encodable {
            var first: String
            var last: String
            var workingDays: Int
        }
        var kind: String
        var format: String
        var written: [String]
        var period: Period?
    }

    /// Reports the files written (with `--json`, as `Output`).
    func finish(_ written: [String], period: PublicityPeriod?) {
        if json {
            printJSON(Output(kind: kind.rawValue, format: documentFormat.rawValue, written: written,
                             period: period.map { Output.Period(first: "\($0.first)", last: "\($0.last)", workingDays: $0.workingDays) }))
            return
        }
        for path in written { print("已写入 wrote \(path)") }
    }

    /// Writes `document` to `--out` (inside it, under the document's own name, when it names a
    /// folder), or to standard output; returns the file written.
    func emit(_ document: RenderedDocument) throws -> [String] {
        guard let out else {
            FileHandle.standardOutput.write(Data(document.bytes))
            return []
        }
        let path = try OutputPath(out).file(defaultName: document.fileName, extensions: documentFormat.fileExtensions,
                                            what: "\(documentFormat.rawValue) 格式")
        try writeFile(document.bytes, to: path, force: force)
        return [path]
    }

    /// Writes each result form into the folder `out` names, under its stable name; nothing is
    /// written if any of them would replace a file (without `--force`).
    func emitForms(_ forms: [RenderedDocument], into out: String) throws -> [String] {
        let folder = try OutputPath(out).makeFolder()
        let paths = forms.map { folder + "/" + $0.fileName }
        for path in paths { try OutputPath.refuseOverwrite(path, force: force) }
        for (form, path) in zip(forms, paths) { try writeFile(form.bytes, to: path, force: force) }
        return paths
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

extension DocumentFormat {
    /// The file-name extensions a file of this format may carry.
    var fileExtensions: [String] {
        switch self {
        case .text: ["txt", "text"]
        case .md: ["md", "markdown"]
        case .html: ["html", "htm"]
        case .csv: ["csv"]
        }
    }
}
