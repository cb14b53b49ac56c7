import Records

/// Fills the result-form templates from plain facts: the one printer both the session and an
/// inspector's verifier use, so that a form re-rendered from facts the verifier derived itself
/// can be compared byte for byte with the signed one (SPEC.md §4, V11).
///
/// Depends on the records' plain types, the templates and swift-mustache only — never on the
/// session engine (`Review`) or the session folder (`Workspace`).
public enum Printer {
    /// The bytes of one candidate's 评审表·评审结论 in `format` (`html`, `md` or `text`): what a
    /// CMS signature beside `out/评审表-C01.html` covers when `signatures` is empty. Give
    /// `signatures` only for a print copy made after signing.
    /// - Throws: `PrinterError.format` for CSV; `missingTemplate` when `result-form.html` or
    ///   `result-form.md` is missing from `templates`.
    public static func resultForm(_ facts: ResultFormFacts, format: DocumentFormat, templates: TemplateLibrary,
                                  signatures: [ElectronicSignature] = []) throws(PrinterError) -> [UInt8] {
        Array(try resultFormText(facts, format: format, templates: templates, signatures: signatures).utf8)
    }

    /// The stable name a candidate's form is filed under: `评审表-C01.html`.
    public static func resultFormFileName(_ candidate: CandidateID, format: DocumentFormat) -> String {
        ResultFormView.fileStem(candidate) + "." + format.fileExtension
    }

    /// One candidate's form as text (see `resultForm`).
    public static func resultFormText(_ facts: ResultFormFacts, format: DocumentFormat, templates: TemplateLibrary,
                                      signatures: [ElectronicSignature] = []) throws(PrinterError) -> String {
        guard format != .csv else {
            throw .format(chinese: "评审表不是表格，不能输出 CSV（可用 text、md、html）", english: "result forms have no CSV form (use text, md or html)")
        }
        let lines = SignatureLine.lines(signatures, document: "result-form", candidate: facts.candidate.id)
        return try templates.render(ResultFormView(facts, last: true, signatures: lines), with: "result-form." + format.templateSuffix)
    }

    /// Every form in one document: for HTML one file (`result-forms.html`) with a page break
    /// after each form, each numbered on its own; for text and Markdown the single forms
    /// separated by form feeds.
    public static func resultForms(_ facts: [ResultFormFacts], format: DocumentFormat, templates: TemplateLibrary,
                                   signatures: [ElectronicSignature] = []) throws(PrinterError) -> String {
        guard format == .html else {
            return try facts.map { (f) throws(PrinterError) in
                try resultFormText(f, format: format, templates: templates, signatures: signatures)
            }.joined(separator: "\u{0C}\n")
        }
        let forms = facts.enumerated().map { i, f in
            ResultFormView(f, last: i == facts.count - 1,
                           signatures: SignatureLine.lines(signatures, document: "result-form", candidate: f.candidate.id))
        }
        return try templates.render(ResultFormsView(committee: ResultFormsView.Committee(name: facts.first?.committee ?? ""), forms: forms),
                                    with: "result-forms.html")
    }
}

/// All result forms in one HTML document. Template fields: `committee` (`name`), `forms`.
struct ResultFormsView {
    struct Committee { var name: String }
    var committee: Committee
    var forms: [ResultFormView]
}
