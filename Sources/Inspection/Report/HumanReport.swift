import Foundation

/// The report an inspector reads: Chinese first, English where it helps; each check ✓ or ✗
/// with its count, its relation, and every failing entry quoted by its number.
public enum HumanReport {
    /// The full report of one session.
    ///
    /// With `onlyFailing`, passing checks are left out (the many-session report lists failures only).
    public static func session(_ report: SessionReport, relations: Bool = true, onlyFailing: Bool = false, maxFindings: Int = 50) -> String {
        let safe = SafeText.visible
        var out = ["会议 Session: \(safe(report.path))"]
        if let committee = report.committee {
            out.append("  评委会 \(safe(committee)) · 开会日期 \(safe(report.date ?? "?")) · 会议编号 \(safe(report.session ?? "?"))")
        }
        if let unreadable = report.unreadable {
            out.append("  ✗ 无法读取 unreadable: \(safe(unreadable))")
            out.append("结论 Result: ✗ 未通过 FAILED")
            return out.joined(separator: "\n")
        }
        if let first = report.duplicateOf {
            out.append("  ✗ 重复 duplicate: 与 \(safe(first)) 是同一次会议（会议编号相同），只计一次 (the same session as \(safe(first)): counted once)")
        }
        if report.unpinned {
            out.append("  ⚠ 未用 --committee-cert 固定信任根（--unpinned 预览）：任何人自制的印章都会被接受，不作结论 (no trust root pinned: a dry look, no conclusion)")
        }
        for check in report.checks where !onlyFailing || !check.passed {
            let mark = check.passed ? "✓" : "✗"
            out.append("  \(mark) \(check.id.name) \(check.id.title) — \(check.count) \(check.unit)")
            if relations { out.append("      \(check.id.relation)") }
            let shown = check.findings.prefix(maxFindings)
            for finding in shown {
                let place = finding.seq.map { "第 \($0) 条 #\($0)" } ?? "整体 overall"
                out.append("      \(finding.isError ? "✗" : "⚠") \(place)：\(safe(finding.message))")
            }
            if check.findings.count > shown.count {
                out.append("      … 另有 \(check.findings.count - shown.count) 项 (\(check.findings.count - shown.count) more)")
            }
        }
        out.append(verdict(report))
        return out.joined(separator: "\n")
    }

    /// The last line of a session's report: passed, failed (naming the checks), or no conclusion.
    static func verdict(_ report: SessionReport) -> String {
        let failed = report.failed
        if !failed.isEmpty { return "结论 Result: ✗ 未通过 FAILED — \(failed.map(\.name).joined(separator: " "))" }
        if report.duplicateOf != nil { return "结论 Result: ✗ 未通过 FAILED — 重复 duplicate" }
        if report.unpinned { return "结论 Result: 未固定信任根，不作结论 (no trust root pinned: NO CONCLUSION)" }
        return "结论 Result: ✓ 全部 \(report.checks.count) 项检查通过 PASSED"
    }

    /// The summary of many sessions: one line per committee, totals, failures by check.
    public static func summary(_ s: Summary, seconds: Double?) -> String {
        var out = ["", "汇总 Summary"]
        let unpinned = s.unconcluded > 0
        var header = ["评委会 committee", "会议 sessions", "通过 passed", "未通过 failed"]
        if unpinned { header.append("不作结论 no conclusion") }
        header += ["计票 counted", "电子选票 ballots"]
        func row(_ name: String, _ sessions: Int, _ passed: Int, _ failed: Int, _ unconcluded: Int, _ counted: Int, _ ballots: Int) -> [String] {
            ["\(SafeText.visible(name))", "\(sessions)", "\(passed)", "\(failed)"] + (unpinned ? ["\(unconcluded)"] : []) + ["\(counted)", "\(ballots)"]
        }
        var rows = s.committees.map { c in row(c.name, c.sessions, c.passed, c.failed, c.unconcluded, c.counted, c.ballots) }
        rows.append(row("合计 total", s.sessions, s.passed, s.failed, s.unconcluded, s.counted, s.ballots))
        out += table(header, rows)
        out.append("签名验证 signatures checked: RSA 投票凭证 \(s.credentialChecks) 个，ECDSA/SM2 签名 \(s.signatureChecks) 个"
            + (seconds.map { String(format: "，用时 %.1f 秒 (%.1f s)", $0, $0) } ?? ""))
        if !s.warningsByCheck.isEmpty {
            out.append("提示 warnings (sessions): " + CheckID.allCases.compactMap { id in
                s.warningsByCheck[id].map { "\(id.name)×\($0)" } }.joined(separator: " "))
        }
        if !s.failuresByCheck.isEmpty {
            out.append("未通过的检查 failing checks: " + CheckID.allCases.compactMap { id in
                s.failuresByCheck[id].map { "\(id.name)×\($0)" } }.joined(separator: " "))
        }
        if !s.duplicates.isEmpty {
            out.append("重复 duplicates: \(s.duplicates.count) 份与前面的会议编号相同，只计一次 (\(s.duplicates.count) copies of sessions already counted): "
                + s.duplicates.map { SafeText.visible($0.path) }.joined(separator: "、"))
        }
        out.append(summaryVerdict(s))
        return out.joined(separator: "\n")
    }

    /// The last line of the summary.
    static func summaryVerdict(_ s: Summary) -> String {
        var problems: [String] = []
        if s.failed > 0 { problems.append("\(s.failed) 次会议未通过 \(s.failed) of \(s.sessions) sessions FAILED") }
        if !s.duplicates.isEmpty { problems.append("\(s.duplicates.count) 份重复 \(s.duplicates.count) duplicates") }
        if !problems.isEmpty { return "结论 Result: ✗ " + problems.joined(separator: "；") }
        if s.unconcluded > 0 {
            return "结论 Result: 未固定信任根，不作结论 (no trust root pinned: NO CONCLUSION) — \(s.unconcluded) 次会议 sessions"
        }
        return "结论 Result: ✓ \(s.sessions) 次会议全部通过 all \(s.sessions) sessions PASSED"
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
