import Records
import Review
import Testing

/// R2 with R6: a host recused from a candidate hands the chair to a present vice-chair for that
/// candidate's deliberation, vote and announcement.
@Suite("R2 recused host")
struct R2RecusedHostTests {
    /// M01 (the chair, 单位1) works where C01 applies from; the committee recuses same-employer members.
    func sameEmployer() -> Meeting {
        Meeting(sameEmployerRecusal: true) { _, candidates in candidates[0].unit = "单位1" }
    }

    @Test("R2: a host the settings recuse (same employer) cannot begin the deliberation; the refusal names who can")
    func automaticRecusal() throws {
        var m = sameEmployer()
        m.open(present: 21)
        let refusal = try #require(m.refusal(.beginDeliberation(["C01"], opinion: nil)))
        #expect(refusal.rule == .r2)
        #expect(refusal.chinese.contains("M02（委员2）、M03（委员3）") && refusal.chinese.contains("pingshen host M02"))
        m.refused(.beginDeliberation(["C01"], opinion: nil), .r2)
        m.ok(.changeHost("M02"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        #expect(m.state.progress["C01"]!.recused == ["M01"])
        #expect(m.vote(["C01"], yes: 20).first?.outcome == .passed)
        m.ok(.announce)
    }

    @Test("R2: a host recused after the deliberation began cannot open the vote or announce it")
    func voteAndAnnouncement() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.ok(.recuse("M01", candidate: "C02", reason: "亲属"))
        m.ok(.openRound(["C01"], paper: false))
        m.ok(.cancelRound(reason: "测试"))
        m.refused(.openRound(["C02"], paper: false), .r2)
        m.ok(.changeHost("M03"))
        #expect(m.vote(["C02"], yes: 20).first?.outcome == .passed)
        m.ok(.changeHost("M01"))
        m.refused(.announce, .r2)
        m.ok(.changeHost("M02"))
        m.ok(.announce)
    }

    @Test("R2: when every present chair and vice-chair is recused, nobody can take over, and the refusal says so")
    func nobodyFree() throws {
        var m = Meeting()
        m.checkIn(["M01"] + Meeting.members(4...21))
        m.ok(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: nil))
        m.ok(.recuse("M01", candidate: "C01", reason: "本人指导的学生"))
        let refusal = try #require(m.refusal(.beginDeliberation(["C01"], opinion: nil)))
        #expect(refusal.rule == .r2 && refusal.chinese.contains("无人可以主持"))
        m.ok(.beginDeliberation(["C02"], opinion: nil))
    }

    @Test("R2: substitute hosts are the present chair and vice-chairs, other than the host, free of the candidates' recusals")
    func substitutes() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.recuse("M02", candidate: "C01", reason: "同事"))
        #expect(m.state.substituteHosts(for: ["C01"]) == ["M03"])
        #expect(m.state.substituteHosts(for: ["C02"]) == ["M02", "M03"])
        m.ok(.checkOut("M03", reason: nil))
        #expect(m.state.substituteHosts(for: ["C01"]).isEmpty)
    }
}
