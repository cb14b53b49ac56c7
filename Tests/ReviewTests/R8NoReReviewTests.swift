import Records
import Review
import Testing

/// R8: a candidate has at most one counted round, ever; a round may be cancelled only before its first ballot.
@Suite("R8 no re-review")
struct R8NoReReviewTests {
    @Test("R8: a rejected candidate cannot be deliberated or voted on again")
    func rejectedIsFinal() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        #expect(m.vote(["C01"], yes: 5, no: 16).first?.outcome == .rejected)
        m.refused(.beginDeliberation(["C01"], opinion: nil), .r8)
        m.refused(.openRound(["C01"], paper: false), .r8)
    }

    @Test("R8: a passed candidate cannot be put to a second vote either")
    func passedIsFinal() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.vote(["C01"], yes: 21)
        m.refused(.openRound(["C01", "C02"], paper: false), .r8)
    }

    @Test("R8: a candidate the committee decided in a past session of the same 评审年度 (registry) is barred")
    func registryBars() {
        let past = PastDecision(committee: "测试评委会", session: "aaaa", date: "2026-06-20", candidate: "C7",
                                applicant: ApplicantKey(name: "申报人2", gender: "女", born: "1985-03", appliedTitle: "高级工程师", idNumber: nil),
                                unit: "企业2", outcome: .rejected, yes: 3, denominator: 21)
        var m = Meeting(registry: [past])
        #expect(m.state.progress["C02"]?.stage == .barred(past))
        m.open(present: 21)
        m.refused(.beginDeliberation(["C02"], opinion: nil), .r8)
        m.refused(.openRound(["C02"], paper: false), .r8)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
    }

    @Test("R8: registry matching prefers the 证件号码 when both sides have one")
    func registryMatchesIDNumber() {
        let key = ApplicantKey(name: "申报人2", gender: "女", born: "1985-03", appliedTitle: "高级工程师", idNumber: "34010119850301002X")
        #expect(key.matches(ApplicantKey(name: "改名", gender: "女", born: "1985-04", appliedTitle: "高级工程师", idNumber: "34010119850301002x")))
        #expect(!key.matches(ApplicantKey(name: "申报人2", gender: "女", born: "1985-03", appliedTitle: "高级工程师", idNumber: "340101198503010030")))
        #expect(!key.matches(ApplicantKey(name: "申报人2", gender: "女", born: "1985-03", appliedTitle: "正高级工程师", idNumber: nil)))
    }

    @Test("R8: a round may be cancelled before its first ballot, and the candidates voted on later")
    func cancelBeforeFirstBallot() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.invalid(.cancelRound(reason: ""))
        m.ok(.cancelRound(reason: "选票打印有误"))
        #expect(m.state.progress["C01"]?.stage == .deliberating)
        #expect(m.vote(["C01"], yes: 21).first?.outcome == .passed)
    }

    @Test("R8: a round that received a ballot cannot be cancelled (electronic and paper)")
    func noCancelAfterBallot() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.ok(m.cast("M02", ["C01": .no]))
        m.refused(.cancelRound(reason: "结果不理想"), .r8)

        var p = Meeting()
        p.open(present: 21)
        p.ok(.beginDeliberation(["C01"], opinion: nil))
        p.ok(Meeting.paper(["C01"]))
        p.ok(.enterSheet(teller: "甲", sheet: 1, marks: ["C01": ["不同意"]]))
        p.refused(.cancelRound(reason: "结果不理想"), .r8)
    }
}

/// R9: one sheet covers several candidates only if they have the identical eligible set.
@Suite("R9 batch rounds")
struct R9BatchTests {
    @Test("R9: candidates with the same voters share one sheet")
    func sameVoters() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02", "C03"], opinion: nil))
        let t = m.vote(["C01", "C02", "C03"], yes: 15)
        #expect(t.count == 3)
    }

    @Test("R9: a recusal from one candidate forbids batching it with another")
    func recusalSplitsBatch() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.recuse("M07", candidate: "C02", reason: "亲属"))
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.refused(.openRound(["C01", "C02"], paper: false), .r9)
        m.ok(.openRound(["C01"], paper: false))
    }

    @Test("R9: a late arrival between two deliberations forbids batching them")
    func arrivalSplitsBatch() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.checkIn(["M21"])
        m.ok(.beginDeliberation(["C02"], opinion: nil))
        m.refused(.openRound(["C01", "C02"], paper: false), .r9)
    }
}
