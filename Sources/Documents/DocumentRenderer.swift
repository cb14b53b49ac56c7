import Printer
import Review
import TextFormats

/// A rendered paper: its text and the file name it is saved under.
public struct RenderedDocument: Sendable, Equatable {
    /// A stable file name: `评审会议记录.html`, `评审表-C01.html`.
    public var fileName: String
    public var text: String
    /// The candidate a result form is for; nil for other papers.
    public var candidate: String? = nil

    /// The bytes to write or sign: the text as UTF-8.
    public var bytes: [UInt8] { Array(text.utf8) }
}

/// Renders the session's papers from the replayed state through the templates.
///
/// Pure: the state, templates and calendar come in, text comes out; reading folders and
/// writing files is the caller's business (STYLE.md 7).
public struct DocumentRenderer: Sendable {
    public let templates: TemplateLibrary

    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// 评审会议记录. Refused while a rejected candidate has no recorded reason (R13).
    ///
    /// `signatures` (`ElectronicSignature.all(in:certificateName:)`) are printed at the end: give
    /// them for a print copy, never for the file to be signed (it cannot name its own hash).
    public func minutes(_ state: SessionState, format: DocumentFormat,
                        signatures: [ElectronicSignature] = []) throws(DocumentsError) -> RenderedDocument {
        let missing = state.rejectedWithoutReason
        guard missing.isEmpty else {
            let names = missing.map { "\($0)（\(state.candidateName($0))）" }.joined(separator: "、")
            throw .refused(Refusal(
                .r13, "未通过的申报人 \(names) 尚未记录未通过原因（pingshen reason），会议记录不完整，不能生成",
                "no reason is recorded for rejected candidate(s) \(missing.joined(separator: ", ")); the minutes would be incomplete, so they are not rendered"))
        }
        return try render(MinutesView(state, signatures: SignatureLine.lines(signatures, document: "minutes")), .minutes, format)
    }

    /// 评审表·评审结论, one document per counted candidate, in roster order.
    ///
    /// This is the seam for signing: each form's `bytes` under its stable `fileName`
    /// (`评审表-C01.html`) are what a CMS signature file beside it covers — rendered from
    /// `ResultFormFacts` alone, so a verifier holding the same facts renders the same bytes.
    /// `signatures` as for `minutes`: for print copies only.
    public func resultForms(_ state: SessionState, format: DocumentFormat,
                            signatures: [ElectronicSignature] = []) throws(DocumentsError) -> [RenderedDocument] {
        try ResultFormFacts.all(state).map { (facts) throws(DocumentsError) in
            try resultForm(facts, format: format, signatures: signatures)
        }
    }

    /// One candidate's form from its facts alone, through `Printer` (the bytes an inspector's
    /// verifier re-renders from its own facts); `signatures` for a print copy only.
    public func resultForm(_ facts: ResultFormFacts, format: DocumentFormat,
                           signatures: [ElectronicSignature] = []) throws(DocumentsError) -> RenderedDocument {
        do throws(PrinterError) {
            return RenderedDocument(fileName: Printer.resultFormFileName(facts.candidate.id, format: format),
                                    text: try Printer.resultFormText(facts, format: format, templates: templates, signatures: signatures),
                                    candidate: facts.candidate.id)
        } catch { throw DocumentsError(error) }
    }

    /// Every result form in one document: for HTML one file with a page break after each form
    /// (each form numbered on its own, 第 1 页 共 1 页); for text and Markdown the forms
    /// separated by form feeds.
    public func resultFormsTogether(_ state: SessionState, format: DocumentFormat,
                                    signatures: [ElectronicSignature] = []) throws(DocumentsError) -> RenderedDocument {
        let facts = ResultFormFacts.all(state)
        guard !facts.isEmpty else {
            throw .invalid(chinese: "尚无已表决的申报人，没有评审表可生成", english: "no candidate has been voted on yet, so there are no result forms")
        }
        do throws(PrinterError) {
            return RenderedDocument(fileName: DocumentKind.resultForms.fileName(format),
                                    text: try Printer.resultForms(facts, format: format, templates: templates, signatures: signatures))
        } catch { throw DocumentsError(error) }
    }

    /// 专业技术资格评审情况一览表.
    public func overview(_ state: SessionState, format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        let view = OverviewView(state)
        if format == .csv {
            let rows = view.rows.map(\.cells)
            return RenderedDocument(fileName: DocumentKind.overview.fileName(.csv),
                                    text: Self.csv(title: view.titleRow, header: view.columns, rows: rows, totals: view.totalsRow))
        }
        return try overview(view, format: format).document
    }

    /// The 一览表 of `view` in `format` (not CSV), and whether `RowSection`'s fast path made it.
    func overview(_ view: OverviewView, format: DocumentFormat) throws(DocumentsError) -> (document: RenderedDocument, fast: Bool) {
        let fields = view.fields(rows: [])
        let section = RowSection(rows: view.rows, fallback: fields, library: templates.library)
        let (text, fast) = try section.document(fields, key: "rows") { (fields) throws(DocumentsError) in
            try render(fields, .overview, format).text
        }
        return (RenderedDocument(fileName: DocumentKind.overview.fileName(format), text: text), fast)
    }

    /// 专业技术资格评审结果分析表 over one session or several (the annual summary).
    public func analysis(_ states: [SessionState], format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        guard !states.isEmpty else { throw .invalid(chinese: "没有会议可供分析", english: "no session to analyse") }
        let view = AnalysisView(states)
        if format == .csv {
            let table = view.table
            return RenderedDocument(fileName: DocumentKind.analysis.fileName(.csv),
                                    text: Self.csv(title: table.title, header: table.header, rows: table.rows, totals: nil))
        }
        return try render(view, .analysis, format)
    }

    /// 评审结果公示 for a period starting on `start`: the period ends on its fifth working day.
    /// - Throws: `notYet` before the meeting has closed with its results announced (there is
    ///   nothing to publish: 皖人社发〔2018〕5号 第二十三条第五项, 第二十五条); `invalid` when `start`
    ///   is before the meeting; `outsideCalendar` when the calendar lacks a year it reaches.
    public func publicity(_ state: SessionState, start: CivilDate, calendar: WorkingDays, format: DocumentFormat) throws(DocumentsError) -> (RenderedDocument, PublicityPeriod) {
        guard state.phase == .closed, !state.announcements.isEmpty else {
            let why = state.phase != .closed ? "评审会议尚未结束" : "评审结果尚未当场公布"
            let whyEn = state.phase != .closed ? "the meeting has not closed" : "no result was announced at the meeting"
            throw .notYet(chinese: "\(why)，没有可公示的评审结果（皖人社发〔2018〕5号 第二十三条第五项、第二十五条）",
                          english: "\(whyEn), so there is no result to publish (Wan Ren She Fa [2018] No. 5, Arts. 23(5) and 25)")
        }
        let period = try publicityPeriod(state, start: start, calendar: calendar)
        return (try render(PublicityView(state, period: period), .publicity, format), period)
    }

    /// The 公示 period of a session starting on `start`.
    /// - Throws: when `start` is before the meeting, or the calendar lacks a year it reaches.
    public func publicityPeriod(_ state: SessionState, start: CivilDate, calendar: WorkingDays) throws(DocumentsError) -> PublicityPeriod {
        if let meeting = CivilDate(state.settings.date), start < meeting {
            throw .invalid(chinese: "公示开始日期 \(start.chinese) 早于评审会议日期 \(meeting.chinese)",
                           english: "the publicity cannot start on \(start), before the meeting on \(meeting)")
        }
        return try PublicityPeriod(start: start, calendar: calendar)
    }

    /// 评审情况综合报告, rendered on `today` (the session clock's date).
    ///
    /// Final only when the meeting has closed and `publicity` states an outcome of a period that
    /// ended before `today`; otherwise a draft that says why (皖人社发〔2018〕5号 第二十五条: the
    /// results go to the 职称管理部门 after the 公示 has passed without objection).
    /// - Throws: `notYet` when an outcome is stated for a period that has not yet ended.
    public func report(_ state: SessionState, format: DocumentFormat, publicity: PublicityStatement? = nil,
                       today: CivilDate) throws(DocumentsError) -> RenderedDocument {
        if let p = publicity, p.outcome != nil, today <= p.period.last {
            throw .notYet(chinese: "公示期至\(p.period.last.chinese)（\(p.period.last.weekdayName)）结束，今天是\(today.chinese)，公示期未满，不能载明公示结果（皖人社发〔2018〕5号 第二十五条）",
                          english: "the publicity period runs until \(p.period.last); on \(today) its outcome cannot be stated yet (Wan Ren She Fa [2018] No. 5, Art. 25)")
        }
        return try render(ReportView(state, publicity: publicity, today: today), .report, format)
    }

    /// A table as CSV (`CSVWriter`): a title line, the header, the rows — a long table written
    /// in blocks of rows on every core, then joined in order — and a totals line.
    static func csv(title: [String], header: [String], rows: [[String]], totals: [String]?) -> String {
        let blocks = stride(from: 0, to: rows.count, by: 1_024).map { $0..<min(rows.count, $0 + 1_024) }
        var bodies = [CSVWriter.lines([header])]
        bodies += Parallel.map(blocks, minimum: 8) { _, block in CSVWriter.lines(rows[block]) }
        if let totals { bodies.append(CSVWriter.lines([totals])) }
        return CSVWriter.text(header: title, bodies: bodies)
    }

    func render(_ view: Any, _ kind: DocumentKind, _ format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        guard format != .csv else {
            throw .invalid(chinese: "\(kind.title)不是表格，不能输出 CSV（可用 text、md、html）",
                           english: "\(kind.rawValue) is not a table and has no CSV form (use text, md or html)")
        }
        let name = kind.rawValue + "." + format.templateSuffix
        do throws(PrinterError) {
            return RenderedDocument(fileName: kind.fileName(format), text: try templates.render(view, with: name))
        } catch { throw DocumentsError(error) }
    }
}
