/// The papers `pingshen render` produces (SPEC.md §3).
public enum DocumentKind: String, Sendable, CaseIterable {
    /// 评审会议记录.
    case minutes
    /// 评审表·评审结论, one per counted candidate.
    case resultForms = "result-forms"
    /// 专业技术资格评审情况一览表.
    case overview
    /// 专业技术资格评审结果分析表.
    case analysis
    /// 评审结果公示.
    case publicity
    /// 评审情况综合报告.
    case report

    /// The document's Chinese title.
    public var title: String {
        switch self {
        case .minutes: "评审会议记录"
        case .resultForms: "专业技术资格评审表·评审结论"
        case .overview: "专业技术资格评审情况一览表"
        case .analysis: "专业技术资格评审结果分析表"
        case .publicity: "评审结果公示"
        case .report: "评审情况综合报告"
        }
    }

    /// Whether the document is a table that may be written as CSV.
    public var isTable: Bool { self == .overview || self == .analysis }

    /// The file name a document is saved under by default: `评审会议记录.html`.
    public func fileName(_ format: DocumentFormat) -> String { title.replacingOccurrences(of: "·", with: "-") + "." + format.fileExtension }
}

/// How a document is written.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text: the Markdown rendering, which reads as plain text in a terminal or editor.
    case text
    /// Markdown.
    case md
    /// Print-ready HTML (A4).
    case html
    /// CSV for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. Tables only.
    case csv

    /// The suffix of the template that renders this format (`minutes.md`, `minutes.html`).
    var templateSuffix: String {
        switch self {
        case .text, .md: "md"
        case .html: "html"
        case .csv: "csv"
        }
    }

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .md: "md"
        case .html: "html"
        case .csv: "csv"
        }
    }

    /// The format a file name implies (`.html`, `.htm`, `.csv`, `.md`, `.txt`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { self = .html }
        else if lower.hasSuffix(".csv") { self = .csv }
        else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .md }
        else if lower.hasSuffix(".txt") { self = .text }
        else { return nil }
    }
}
