import Records
import Review
import Testing

/// R3: a member votes on C only if present from the start of C's deliberation until its vote opens.
@Suite("R3 attendance per candidate")
struct R3AttendanceTests {
    @Test("R3: a late arrival may not vote on a deliberation that began before they came")
    func lateArrival() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.checkIn(["M21"])
        m.ok(.openRound(["C01"], paper: false))
        #expect(!m.state.openRound!.opened.eligible.contains("M21"))
        m.refused(m.cast("M21", ["C01": .yes]), .r3)
    }

    @Test("R3: a late arrival votes on deliberations that begin after they arrive")
    func lateArrivalJoinsLaterDeliberations() {
        var m = Meeting()
        m.open(present: 20)
        m.checkIn(["M21"])
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.ok(m.cast("M21", ["C01": .yes]))
    }

    @Test("R3: a member who leaves during deliberation loses that vote, even after coming back")
    func departureLosesVote() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.ok(.checkOut("M07", reason: "接电话"))
        m.checkIn(["M07"])
        m.ok(.openRound(["C01", "C02"], paper: false))
        #expect(m.state.openRound!.opened.eligible.count == 19)
        m.refused(m.cast("M07", ["C01": .yes]), .r3)
        // The refusal says when they left.
        #expect(m.refusal(m.cast("M07", ["C01": .yes]))?.chinese.contains("中途离会") == true)
    }

    @Test("R3: leaving affects only deliberations under way, not ones begun after the return")
    func returnAndLaterDeliberation() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.checkOut("M07", reason: nil))
        m.checkIn(["M07"])
        m.ok(.beginDeliberation(["C02"], opinion: nil))
        m.ok(.openRound(["C02"], paper: false))
        m.ok(m.cast("M07", ["C02": .no]))
    }

    @Test("R3: leaving while a round is open, which is then cancelled, loses the vote in the next round")
    func departureDuringCancelledRound() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.ok(.checkOut("M07", reason: nil))
        m.checkIn(["M07"])
        m.ok(.cancelRound(reason: "选票有误"))
        m.ok(.openRound(["C01"], paper: false))
        #expect(!m.state.openRound!.opened.eligible.contains("M07"))
        m.refused(m.cast("M07", ["C01": .yes]), .r3)
    }

    @Test("R3: no vote without deliberation")
    func voteNeedsDeliberation() {
        var m = Meeting()
        m.open(present: 20)
        m.refused(.openRound(["C01"], paper: false), .r3)
    }

    @Test("R3: the eligible set is frozen at opening; a member leaving after it keeps N but cannot cast while away")
    func frozenAtOpening() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.ok(.checkOut("M09", reason: nil))
        m.refused(m.cast("M09", ["C01": .yes]), .r4)
        #expect(m.state.openRound!.opened.denominators["C01"] == 20)
    }
}
