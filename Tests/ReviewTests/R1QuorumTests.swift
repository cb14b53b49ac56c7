import Records
import Review
import Testing

/// R1: members present ≥ 规定人数, checked at opening and at every vote opening.
@Suite("R1 quorum")
struct R1QuorumTests {
    @Test("R1: the default quorum is ⌈2/3 × size⌉", arguments: [(11, 8), (15, 10), (17, 12), (21, 14), (23, 16), (25, 17), (35, 24)])
    func defaultQuorum(size: Int, expected: Int) {
        #expect(Settings.minimumQuorum(size: size) == expected)
        // Independently: the least q with 3q ≥ 2·size.
        #expect((1...size).first { 3 * $0 >= 2 * size } == expected)
    }

    @Test("R1: opening with one member fewer than the quorum is refused; with the quorum it opens")
    func openingNeedsQuorum() {
        var m = Meeting(size: 25)
        m.checkIn(Meeting.members(1...16))
        m.refused(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: nil), .r1)
        m.checkIn(["M17"])
        m.ok(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: nil))
        #expect(m.state.phase == .open)
    }

    @Test("R1: a committee-set quorum above the minimum is what counts")
    func customQuorum() {
        var m = Meeting(size: 25, quorum: 20)
        m.checkIn(Meeting.members(1...19))
        m.refused(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: nil), .r1)
    }

    @Test("R1: departures that break the quorum stop the next vote from opening")
    func departuresBreakQuorum() {
        var m = Meeting(size: 25)
        m.open(present: 17)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.checkOut("M17", reason: "急事"))
        m.refused(.openRound(["C01"], paper: false), .r1)
        m.checkIn(["M18"])
        m.ok(.openRound(["C01"], paper: false))
    }

    /// 17 present (the quorum of 25); 13 of them leave during C01's deliberation and come back,
    /// so only 4 attended it. Under `denominator = "eligible"` 3 同意 of those 4 would pass C01.
    func departedAndBack(_ denominator: Denominator) -> Meeting {
        var m = Meeting(size: 25, denominator: denominator)
        m.open(present: 17)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        for n in 5...17 {
            m.ok(.checkOut(Meeting.member(n), reason: "接电话"))
            m.checkIn([Meeting.member(n)])
        }
        #expect(m.state.present.count == 17 && m.state.eligibleNow(for: "C01").count == 4)
        return m
    }

    @Test("R1: under denominator = eligible, those who attended the whole deliberation must reach the quorum")
    func eligibleNeedsDeliberationQuorum() throws {
        var m = departedAndBack(.eligible)
        let refusal = try #require(m.refusal(.openRound(["C01"], paper: false)))
        #expect(refusal.rule == .r1 && refusal.chinese.contains("仅 4 人") && refusal.chinese.contains("规定人数 17 人"))
        m.refused(.openRound(["C01"], paper: false), .r1)
    }

    @Test("R1: under the default (present) the vote opens, and 3 同意 of 17 present fail")
    func presentCountsEveryone() {
        var m = departedAndBack(.present)
        let t = m.vote(["C01"], yes: 3).first
        #expect(t?.denominator == 17 && t?.outcome == .rejected)
    }

    @Test("R1: recused members attended the deliberation, so they count toward that quorum though they do not vote")
    func recusedCountTowardDeliberationQuorum() {
        var m = Meeting(size: 25, denominator: .eligible)
        m.open(present: 17)
        m.ok(.recuse("M09", candidate: "C01", reason: "亲属"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        #expect(m.state.openRound!.opened.eligible.count == 16 && m.state.openRound!.opened.denominators["C01"] == 16)
    }

    @Test("R1: nothing is deliberated or voted before the meeting is opened")
    func nothingBeforeOpening() {
        var m = Meeting()
        m.checkIn(Meeting.members(1...20))
        m.refused(.beginDeliberation(["C01"], opinion: nil), .r1)
        m.refused(.openRound(["C01"], paper: false), .r1)
        m.refused(.announce, .r1)
    }
}

/// R2: the meeting is hosted by the 主任委员 or a 副主任委员 who is present.
@Suite("R2 host")
struct R2HostTests {
    @Test("R2: an ordinary 委员 cannot host")
    func memberCannotHost() {
        var m = Meeting()
        m.checkIn(Meeting.members(1...20))
        m.refused(.openMeeting(host: "M05", recorder: "记录人", agenda: [], seal: nil), .r2)
        m.ok(.openMeeting(host: "M02", recorder: "记录人", agenda: [], seal: nil))
    }

    @Test("R2: an absent chair cannot host")
    func absentChairCannotHost() {
        var m = Meeting()
        m.checkIn(Meeting.members(2...20))
        m.refused(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: nil), .r2)
    }

    @Test("R2: when the host leaves, nothing proceeds until a present vice-chair takes over")
    func hostLeaves() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.checkOut("M01", reason: nil))
        m.refused(.beginDeliberation(["C01"], opinion: nil), .r2)
        m.refused(.changeHost("M05"), .r2)
        m.ok(.changeHost("M03"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        #expect(m.state.host == "M03")
    }

    @Test("R2: the standard agenda of 第二十三条第五项 is recorded when none is given")
    func standardAgenda() {
        var m = Meeting()
        m.open(present: 20)
        #expect(m.state.agenda.count == 4)
        #expect(m.state.agenda.last == "主持人当场公布评审结果")
    }
}
