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
    public func minutes(_ state: SessionState, format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        let missing = state.rejectedWithoutReason
        guard missing.isEmpty else {
            let names = missing.map { "\($0)（\(state.candidateName($0))）" }.joined(separator: "、")
            throw .refused(Refusal(
                .r13, "未通过的申报人 \(names) 尚未记录未通过原因（pingshen reason），会议记录不完整，不能生成",
                "no reason is recorded for rejected candidate(s) \(missing.joined(separator: ", ")); the minutes would be incomplete, so they are not rendered"))
        }
        return try render(MinutesView(state), .minutes, format)
    }

    /// 评审表·评审结论, one document per counted candidate, in roster order.
    ///
    /// This is the seam for signing: each form's `bytes` under its stable `fileName`
    /// (`评审表-C01.html`) are what a CMS signature file beside it would cover.
    public func resultForms(_ state: SessionState, format: DocumentFormat) throws(DocumentsError) -> [RenderedDocument] {
        let name = "result-form." + format.templateSuffix
        return try ResultFormView.all(state).map { (view) throws(DocumentsError) in
            RenderedDocument(fileName: view.fileStem + "." + format.fileExtension, text: try templates.render(view, with: name),
                             candidate: view.candidateID)
        }
    }

    /// Every result form in one document: for HTML one file with a page break after each form;
    /// for text and Markdown the forms separated by form feeds.
    public func resultFormsTogether(_ state: SessionState, format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        let forms = ResultFormView.all(state)
        guard !forms.isEmpty else {
            throw .invalid(chinese: "尚无已表决的申报人，没有评审表可生成", english: "no candidate has been voted on yet, so there are no result forms")
        }
        let fileName = DocumentKind.resultForms.fileName(format)
        if format == .html {
            let view = ResultFormsView(committee: CommitteeView(state.settings), forms: forms)
            return RenderedDocument(fileName: fileName, text: try templates.render(view, with: "result-forms.html"))
        }
        let texts = try resultForms(state, format: format).map(\.text)
        return RenderedDocument(fileName: fileName, text: texts.joined(separator: "\u{0C}\n"))
    }

    /// 专业技术资格评审情况一览表.
    public func overview(_ state: SessionState, format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        let view = OverviewView(state)
        if format == .csv {
            let rows = view.rows.map(\.cells)
            return RenderedDocument(fileName: DocumentKind.overview.fileName(.csv), text: Self.csv(header: view.columns, rows: rows))
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
            return RenderedDocument(fileName: DocumentKind.analysis.fileName(.csv), text: Self.csv(header: table.header, rows: table.rows))
        }
        return try render(view, .analysis, format)
    }

    /// 评审结果公示 for a period starting on `start`: the period ends on its fifth working day.
    /// - Throws: when `start` is before the meeting, or the calendar lacks a year it reaches.
    public func publicity(_ state: SessionState, start: CivilDate, calendar: WorkingDays, format: DocumentFormat) throws(DocumentsError) -> (RenderedDocument, PublicityPeriod) {
        if let meeting = CivilDate(state.settings.date), start < meeting {
            throw .invalid(chinese: "公示开始日期 \(start) 早于评审会议日期 \(meeting)",
                           english: "the publicity cannot start on \(start), before the meeting on \(meeting)")
        }
        let period = try PublicityPeriod(start: start, calendar: calendar)
        return (try render(PublicityView(state, period: period), .publicity, format), period)
    }

    /// 评审情况综合报告.
    public func report(_ state: SessionState, format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        try render(ReportView(state), .report, format)
    }

    /// A table as CSV (`CSVWriter`); a long one is written in blocks of rows on every core, then
    /// joined in order.
    static func csv(header: [String], rows: [[String]]) -> String {
        let blocks = stride(from: 0, to: rows.count, by: 1_024).map { $0..<min(rows.count, $0 + 1_024) }
        return CSVWriter.text(header: header, bodies: Parallel.map(blocks, minimum: 8) { _, block in CSVWriter.lines(rows[block]) })
    }

    func render(_ view: Any, _ kind: DocumentKind, _ format: DocumentFormat) throws(DocumentsError) -> RenderedDocument {
        guard format != .csv else {
            throw .invalid(chinese: "\(kind.title)不是表格，不能输出 CSV（可用 text、md、html）",
                           english: "\(kind.rawValue) is not a table and has no CSV form (use text, md or html)")
        }
        let name = kind.rawValue + "." + format.templateSuffix
        return RenderedDocument(fileName: kind.fileName(format), text: try templates.render(view, with: name))
    }
}

/// All result forms in one HTML document. Template fields: `committee`, `forms`.
struct ResultFormsView {
    var committee: CommitteeView
    var forms: [ResultFormView]
}
