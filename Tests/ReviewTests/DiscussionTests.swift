import Records
import Review
import Testing

/// 评审讨论情况 (皖人社发〔2018〕5号 第二十四条): recorded per candidate from the start of its
/// deliberation until the meeting closes; a batch's opinion is recorded once, for the batch.
@Suite("Discussion and batch opinions")
struct DiscussionTests {
    @Test("a discussion is recorded once the deliberation has begun, also after the vote, in order")
    func recorded() {
        var m = Meeting()
        m.open(present: 20)
        m.invalid(.recordDiscussion("C01", "过早"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.recordDiscussion("C01", "第一轮讨论"))
        m.invalid(.recordDiscussion("C01", "  "))
        m.invalid(.recordDiscussion("C99", "无此人"))
        m.vote(["C01"], yes: 20)
        m.ok(.recordDiscussion("C01", "表决后补记"))
        #expect(m.state.progress["C01"]!.discussions.map(\.value) == ["第一轮讨论", "表决后补记"])
        if case .discussionRecorded(let note)? = m.history.last {
            #expect(note == CandidateNote(candidate: "C01", text: "表决后补记"))
        } else {
            Issue.record("expected discussion.recorded, got \(String(describing: m.history.last))")
        }
    }

    @Test("no discussion after the close (R14)")
    func refusedAfterClose() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.vote(["C01"], yes: 20)
        m.ok(.announce)
        m.ok(.closeMeeting(registered: 1))
        m.refused(.recordDiscussion("C01", "会后补记"), .r14)
    }

    @Test("the opinion given when several are deliberated together is the batch's, not copied to each")
    func batchOpinion() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: "两人均符合条件"))
        m.ok(.beginDeliberation(["C03"], opinion: "符合条件"))
        #expect(m.state.batches.map(\.candidates) == [["C01", "C02"], ["C03"]])
        #expect(m.state.batches[0].opinion == "两人均符合条件" && m.state.batches[1].opinion == nil)
        #expect(m.state.progress["C01"]!.opinions.isEmpty && m.state.progress["C02"]!.opinions.isEmpty)
        #expect(m.state.progress["C03"]!.opinions.map(\.value) == ["符合条件"])
    }
}
