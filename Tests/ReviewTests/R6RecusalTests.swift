import Records
import Review
import Testing

/// R6: a recused member does not vote on that candidate; by default they leave N.
@Suite("R6 recusal")
struct R6RecusalTests {
    @Test("R6: a recused member cannot vote on the candidate, and leaves N by default")
    func recusedCannotVote() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.recuse("M07", candidate: "C01", reason: "亲属"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        #expect(m.state.openRound!.opened.denominators["C01"] == 20)
        m.refused(m.cast("M07", ["C01": .yes]), .r6)
    }

    @Test("R6: with recused_leave_denominator = false a recused member stays in N (as not-yes)")
    func recusedStayInDenominator() {
        var m = Meeting(recusedLeaveDenominator: false)
        m.open(present: 21)
        m.ok(.recuse("M07", candidate: "C01", reason: "亲属"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        let tallies = m.vote(["C01"], yes: 14)
        #expect(tallies.first?.denominator == 21)
        // 3 × 14 = 42 ≥ 42: passes exactly at the bound.
        #expect(tallies.first?.outcome == .passed)
    }

    @Test("R6: recusal must come before the vote opens")
    func recusalAfterOpeningRefused() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.refused(.recuse("M07", candidate: "C01", reason: "亲属"), .r6)
    }

    @Test("R6: a recused member's speech on the candidate is refused")
    func recusedMemberDoesNotSpeak() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.recuse("M07", candidate: "C01", reason: "同事"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.refused(.recordSpeech("C01", member: "M07", text: "……"), .r6)
    }

    @Test("R6: same-employer members are recused automatically when the committee requires it")
    func sameEmployerRecusal() throws {
        var m = Meeting(sameEmployerRecusal: true) { members, candidates in
            candidates[0].unit = members[6].unit
        }
        m.open(present: 21)
        let e = try #require(m.ok(.beginDeliberation(["C01"], opinion: nil))?.deliberationBegan)
        #expect(e.recusals.map(\.member) == ["M07"])
        m.ok(.openRound(["C01"], paper: false))
        m.refused(m.cast("M07", ["C01": .yes]), .r6)
    }

    @Test("R6: a member who is the applicant is always recused")
    func ownApplication() throws {
        var m = Meeting { members, candidates in
            candidates[0].name = members[9].name
            candidates[0].unit = members[9].unit
        }
        m.open(present: 21)
        let e = try #require(m.ok(.beginDeliberation(["C01"], opinion: nil))?.deliberationBegan)
        #expect(e.recusals.map(\.reason) == ["本人申报"])
    }

    @Test("R6: recusal needs a reason")
    func recusalNeedsReason() {
        var m = Meeting()
        m.open(present: 21)
        m.invalid(.recuse("M07", candidate: "C01", reason: "  "))
    }
}
