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
    package var templateSuffix: String {
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
