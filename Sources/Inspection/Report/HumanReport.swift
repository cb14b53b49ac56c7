import Foundation

/// The report an inspector reads: Chinese first, English where it helps; each check ✓ or ✗
/// with its count, its relation, and every failing entry quoted by its number.
public enum HumanReport {
    /// The full report of one session.
    ///
    /// With `onlyFailing`, passing checks are left out (the many-session report lists failures only).
    public static func session(_ report: SessionReport, relations: Bool = true, onlyFailing: Bool = false, maxFindings: Int = 50) -> String {
        var out = ["会议 Session: \(report.path)"]
        if let committee = report.committee {
            out.append("  评委会 \(committee) · 开会日期 \(report.date ?? "?") · 会议编号 \(report.session ?? "?")")
        }
        if let unreadable = report.unreadable {
            out.append("  ✗ 无法读取 unreadable: \(unreadable)")
            out.append("结论 Result: ✗ 未通过 FAILED")
            return out.joined(separator: "\n")
        }
        for check in report.checks where !onlyFailing || !check.passed {
            let mark = check.passed ? "✓" : "✗"
            out.append("  \(mark) \(check.id.name) \(check.id.title) — \(check.count) \(check.unit)")
            if relations { out.append("      \(check.id.relation)") }
            let shown = check.findings.prefix(maxFindings)
            for finding in shown {
                let place = finding.seq.map { "第 \($0) 条 #\($0)" } ?? "整体 overall"
                out.append("      \(finding.isError ? "✗" : "⚠") \(place)：\(finding.message)")
            }
            if check.findings.count > shown.count {
                out.append("      … 另有 \(check.findings.count - shown.count) 项 (\(check.findings.count - shown.count) more)")
            }
        }
        let failed = report.failed
        out.append(failed.isEmpty
            ? "结论 Result: ✓ 全部 \(report.checks.count) 项检查通过 PASSED"
            : "结论 Result: ✗ 未通过 FAILED — \(failed.map(\.name).joined(separator: " "))")
        return out.joined(separator: "\n")
    }

    /// The summary of many sessions: one line per committee, totals, failures by check.
    public static func summary(_ s: Summary, seconds: Double?) -> String {
        var out = ["", "汇总 Summary"]
        let header = ["评委会 committee", "会议 sessions", "通过 passed", "未通过 failed", "计票 counted", "电子选票 ballots"]
        var rows = s.committees.map { c in [c.name, "\(c.sessions)", "\(c.passed)", "\(c.sessions - c.passed)", "\(c.counted)", "\(c.ballots)"] }
        rows.append(["合计 total", "\(s.sessions)", "\(s.passed)", "\(s.failed)", "\(s.counted)", "\(s.ballots)"])
        out += table(header, rows)
        out.append("签名验证 signatures checked: RSA 投票凭证 \(s.credentialChecks) 个，ECDSA/SM2 签名 \(s.signatureChecks) 个"
            + (seconds.map { String(format: "，用时 %.1f 秒 (%.1f s)", $0, $0) } ?? ""))
        if !s.warningsByCheck.isEmpty {
            out.append("提示 warnings (sessions): " + CheckID.allCases.compactMap { id in
                s.warningsByCheck[id].map { "\(id.name)×\($0)" } }.joined(separator: " ")
                + (s.warningsByCheck[.v3] != nil ? "（V3 提示多为信任根未固定：请用 --committee-cert 指定评委会印章证书）" : ""))
        }
        if !s.failuresByCheck.isEmpty {
            out.append("未通过的检查 failing checks: " + CheckID.allCases.compactMap { id in
                s.failuresByCheck[id].map { "\(id.name)×\($0)" } }.joined(separator: " "))
        }
        out.append(s.failed == 0
            ? "结论 Result: ✓ \(s.sessions) 次会议全部通过 all \(s.sessions) sessions PASSED"
            : "结论 Result: ✗ \(s.failed) 次会议未通过 \(s.failed) of \(s.sessions) sessions FAILED")
        return out.joined(separator: "\n")
    }

    /// A plain text table; widths count a CJK character as two columns.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { width($0[i]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - width(cell))
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }
}
