import Documents
import Foundation
import Records
import Testing

/// 评审表·评审结论 (皖人社发〔2018〕5号 第二十三条第六项): one paper per person, numbered on its
/// own, sealed by the committee it names, and saying which policy gave the N it prints.
@Suite("Result forms")
struct ResultFormTests {
    static let renderer = SampleSession.renderer

    /// A candidate's facts: 25 members, 19 present, 18 entitled to vote, all 18 同意.
    static func facts(_ policy: DenominatorPolicy, n: Int) -> ResultFormFacts {
        let c = SampleSession.shared.state.candidates[0]
        return ResultFormFacts(committee: "测试评委会", session: "0123456789abcdef0123456789abcdef", date: "2026-12-02", candidate: c,
                               round: 1, paper: false, expected: 25, present: 19, voters: 18, denominator: n, policy: policy,
                               yes: 18, no: 0, abstain: 0, void: n - 18, outcome: .passed, host: "陈建国", hostOffice: "主任委员")
    }

    @Test("each policy is named where N is printed (R7)", arguments: [
        (Denominator.present, true, 18, "表决基数 18 人（出席会议评委，回避委员不计）。"),
        (Denominator.present, false, 19, "表决基数 19 人（出席会议评委，回避委员计入），其中有表决权的委员 18 人，其余 1 人不得投票，计为未投同意票。"),
        (Denominator.eligible, true, 18, "表决基数 18 人（对该申报人有表决权的委员）。"),
        (Denominator.eligible, false, 19, "表决基数 19 人（全程参加该申报人评议的委员，回避委员计入），其中有表决权的委员 18 人，其余 1 人不得投票，计为未投同意票。"),
    ])
    func policyWording(denominator: Denominator, recusedLeave: Bool, n: Int, expected: String) throws {
        let f = Self.facts(DenominatorPolicy(denominator: denominator, recusedLeave: recusedLeave), n: n)
        let md = try Self.renderer.resultForm(f, format: .md).text
        #expect(md.contains("本次会议应到委员 25 人，实到 19 人；" + expected), "\(md)")
        #expect(md.contains("| 表决基数 | \(n) 人（"))
        // ⌈2N/3⌉: 18 → 12, 19 → 13.
        #expect(md.contains("（通过至少需 \(n == 18 ? 12 : 13) 票），评审结论：通过。"))
        let html = try Self.renderer.resultForm(f, format: .html).text
        #expect(html.contains("<strong>\(n) 人</strong>（\(f.policy.basis)）"))
        if recusedLeave == false || denominator == .present {
            #expect(!html.contains("对该申报人有表决权的委员 \(n)"))
        }
    }

    @Test("one form per person: its own page numbers, the 保密 mark, the 会议编号, the committee's seal line and box")
    func onePaperEach() throws {
        let state = SampleSession.shared.state
        let forms = try Self.renderer.resultForms(state, format: .html)
        #expect(forms.count == 14)
        for form in forms {
            #expect(form.text.contains("content: \"第 1 页　共 1 页\""), "\(form.fileName)")
            #expect(!form.text.contains("counter(pages)"), "\(form.fileName): no count across forms")
            #expect(form.text.contains("<span class=\"secret\">保密</span>"))
            #expect(form.text.contains(state.session))
            #expect(form.text.contains("<p class=\"seal\">\(state.settings.name)（盖章）</p>"))
            #expect(form.text.contains("class=\"seal-box\""))
            #expect(form.text.contains("主持会议：陈建国（主任委员）"))
            #expect(!form.text.contains("电子签名"), "the file to be signed names no signature")
        }
        let together = try Self.renderer.resultFormsTogether(state, format: .html).text
        #expect(together.components(separatedBy: "<section class=\"form").count == 15)
        #expect(together.contains("content: \"第 1 页　共 1 页\"") && !together.contains("counter(pages)"))
        let md = try Self.renderer.resultForms(state, format: .md)
        #expect(md.allSatisfy { $0.text.hasPrefix("**保密**　　会议编号：\(state.session)") && $0.text.contains("第 1 页　共 1 页") })
    }

    @Test("the form is made from its facts alone: the same facts give the same bytes")
    func fromFacts() throws {
        let state = SampleSession.shared.state
        let facts = ResultFormFacts.all(state)
        let forms = try Self.renderer.resultForms(state, format: .html)
        for (f, form) in zip(facts, forms) {
            #expect(try Self.renderer.resultForm(f, format: .html).bytes == form.bytes)
        }
        #expect(facts[4].candidate.name == "曹国平" && facts[4].outcome == .rejected && facts[4].present == 21)
    }

    @Test("present + recused counted (through the binary): N 19 of whom 18 could vote, never called 有表决权的委员 19 人")
    func presentRecusedCounted() throws {
        let s = try PolicySession(denominator: "present", recusedLeave: false)
        let r = try s.run(["render", "result-forms"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("| 表决基数 | 19 人（出席会议评委，回避委员计入） |"))
        #expect(r.stdout.contains("| 有表决权 | 18 人 |"))
        #expect(r.stdout.contains("表决基数 19 人（出席会议评委，回避委员计入），其中有表决权的委员 18 人，其余 1 人不得投票"))
        #expect(!r.stdout.contains("有表决权的委员 19 人"))
        let overview = try s.run(["render", "overview"])
        #expect(overview.stdout.contains("recused_leave_denominator = false"))
        #expect(overview.stdout.contains("回避该申报人的委员也计入"))
    }
}
