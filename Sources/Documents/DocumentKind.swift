import Printer

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
