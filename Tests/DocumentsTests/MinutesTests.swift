import Documents
import Foundation
import Testing

/// 评审会议记录 (皖人社发〔2018〕5号 第二十四条): every item the article lists, written once each.
@Suite("Minutes")
struct MinutesTests {
    static let state = SampleSession.shared.state
    static let md = try! SampleSession.renderer.minutes(state, format: .md).text

    /// The lines of section `heading` (up to the next `## `).
    static func section(_ heading: String) -> [Substring] {
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("## " + heading) }) else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? rest.endIndex
        return Array(rest[..<end])
    }

    @Test("a batch's opinion is printed once, for the batch; its own label is not doubled")
    func batchOpinionOnce() {
        let shared = "电子信息一组评议意见（共同）：业绩和成果符合高级工程师评审条件，建议通过。"
        #expect(Self.md.components(separatedBy: "业绩和成果符合高级工程师评审条件").count == 2, "printed exactly once")
        #expect(Self.md.contains("**合并评议：许文博、钱晓梅、马俊杰（09:00 开始）**\n\n" + shared))
        #expect(!Self.md.contains("评议组/初审意见：电子信息"), "no label before a text that carries its own")
        // C04 was deliberated alone: its opinion is its own, under its own label.
        #expect(Self.md.contains("- 电子信息二组评议意见：显示器件驱动电路设计成果突出，建议通过。"))
        #expect(Self.state.batches.count == 6 && Self.state.batches[0].opinion != nil && Self.state.progress["C01"]!.opinions.isEmpty)
    }

    @Test("every candidate has a 评审讨论情况 entry: what was recorded, else 未记录")
    func discussions() {
        let five = Self.section("五、")
        let headings = five.filter { $0.hasPrefix("### ") }
        #expect(headings.count == 14)
        #expect(five.filter { $0.hasPrefix("- 评审讨论情况") }.count == 14)
        #expect(Self.md.contains("- 评审讨论情况（09:00）：委员围绕其学历与工程业绩展开讨论，多数委员认为其代表性业绩可以弥补学历不足。"))
        #expect(five.filter { $0 == "- 评审讨论情况：未记录" }.count == 12)
    }

    @Test("a matter with a 处理办法 is a 专项问题; one without is listed under 其他需要说明的问题")
    func matters() {
        #expect(Self.section("八、").contains { $0.contains("C09 一篇论文存在引用不规范问题。") && $0.contains("处理办法") })
        #expect(!Self.section("八、").contains { $0.contains("评审材料于会后全部收回") })
        #expect(Self.section("九、").contains("- 评审材料于会后全部收回，由组建单位封存。"))
    }

    @Test("实际出席 is the number of rows of the attendance table, and with the absent makes the committee")
    func attendance() throws {
        let one = Self.section("一、")
        let rows = one.filter { $0.hasPrefix("| ") && Int($0.dropFirst(2).prefix { $0 != " " }) != nil }
        #expect(rows.count == 22)
        #expect(one.contains { $0.contains("实际出席 22 人（见下表，开会时在场 21 人，会议开始后到会 1 人；中途离会 1 人次，离会后返回 1 人）；未出席 3 人：") })
        #expect(rows.count + 3 == Self.state.settings.size)
    }

    @Test("the 保密 mark and the 会议编号 head the minutes; the policy of N is stated under the votes")
    func heading() {
        #expect(Self.md.hasPrefix("**保密**\n\n# "))
        #expect(Self.md.contains("- 会议编号：\(Self.state.session)"))
        #expect(Self.section("六、").contains { $0.hasPrefix("表决基数 N 为") && $0.contains("denominator = \(Self.state.settings.denominator.rawValue)") })
    }

    @Test("the signatures share their page with the end of the text (HTML keeps 九 and the signatures together)")
    func closingBlock() throws {
        let html = try SampleSession.renderer.minutes(Self.state, format: .html).text
        let closing = try #require(html.range(of: "<div class=\"closing\">"))
        let signatures = try #require(html.range(of: "<div class=\"signatures\">"))
        let nine = try #require(html.range(of: "<h2>九、其他需要说明的问题</h2>"))
        #expect(closing.upperBound <= nine.lowerBound && nine.upperBound <= signatures.lowerBound)
        #expect(html.contains(".closing { page-break-inside: avoid; break-inside: avoid; }"))
    }

    @Test("pingshen discussion records a candidate's discussion; it is refused before the deliberation and after the close")
    func discussionCommand() throws {
        let s = try PolicySession(denominator: "present", recusedLeave: true)
        let pending = try s.run(["discussion", "C02", "过早"])
        #expect(pending.status == 2 && pending.stderr.contains("尚未开始评议"))
        try PolicySession.ok(["-C", s.folder, "discussion", "C01", "表决后补记：无不同意见。"])
        let minutes = try s.run(["render", "minutes"])
        #expect(minutes.stdout.contains("- 评审讨论情况（") && minutes.stdout.contains("委员一致认为其业绩突出。"))
        #expect(minutes.stdout.contains("表决后补记：无不同意见。"))
        let closed = try SampleSession.run(["-C", SampleSession.shared.folder, "discussion", "C01", "会后补记"])
        #expect(closed.status == 3 && closed.stderr.contains("R14"))
    }
}
