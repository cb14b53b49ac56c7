import Records
import Review
import Testing

/// R12–R14: results announced on the spot; complete minutes; closed is closed.
@Suite("R12–R14 closing")
struct ClosingTests {
    func meetingWithARejection() -> Meeting {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.vote(["C01"], yes: 20)
        m.vote(["C02"], yes: 10, no: 11)
        return m
    }

    @Test("R12: the meeting cannot close before the host announces every result")
    func announceBeforeClose() {
        var m = meetingWithARejection()
        m.ok(.recordReason("C02", "业绩不足"))
        m.refused(.closeMeeting(registered: 0), .r12)
        m.ok(.announce)
        m.ok(.closeMeeting(registered: 0))
        #expect(m.state.phase == .closed)
    }

    @Test("R12: the host must be present to announce")
    func announceNeedsHost() {
        var m = meetingWithARejection()
        m.ok(.checkOut("M01", reason: nil))
        m.refused(.announce, .r2)
    }

    @Test("R12: announcing with nothing new to announce is an input error")
    func nothingToAnnounce() {
        var m = meetingWithARejection()
        m.ok(.announce)
        m.invalid(.announce)
    }

    @Test("R13: the meeting cannot close while a rejected candidate has no reason")
    func reasonBeforeClose() {
        var m = meetingWithARejection()
        m.ok(.announce)
        m.refused(.closeMeeting(registered: 0), .r13)
        #expect(m.state.rejectedWithoutReason == ["C02"])
        m.invalid(.recordReason("C01", "通过者无需原因"))
        m.ok(.recordReason("C02", "近五年业绩成果不足"))
        m.ok(.closeMeeting(registered: 0))
    }

    @Test("R14: after the close nothing is appended", arguments: [
        Command.checkIn([Arrival(member: "M22", pinSalt: "s", pinMAC: "h")]), .checkOut("M02", reason: nil),
        .beginDeliberation(["C03"], opinion: nil), .openRound(["C03"], paper: false),
        .castBallot(member: "M02", pinMAC: "h", choices: ["C03": .yes]), .recordReason("C02", "补记"),
        .recordMatter("补记", handling: nil), .announce, .closeMeeting(registered: 0),
        .admitObserver(name: "某人", unit: "安徽省人力资源和社会保障厅", kind: "organizer"), .reportMaterials("补记"),
    ])
    func closedIsClosed(command: Command) {
        var m = meetingWithARejection()
        m.ok(.announce)
        m.ok(.recordReason("C02", "业绩不足"))
        m.ok(.closeMeeting(registered: 0))
        m.refused(command, .r14)
    }

    @Test("R14: an open round must be closed before the meeting is")
    func openRoundBlocksClose() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.invalid(.closeMeeting(registered: 0))
    }
}
