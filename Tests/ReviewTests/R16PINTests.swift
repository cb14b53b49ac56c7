import Records
import Review
import Testing

/// R16: a wrong PIN is refused and journaled; five lock the member until the host unlocks; the
/// lock survives a replay; a PIN is re-issued to a present member without breaking attendance.
@Suite("R16 PINs")
struct R16PINTests {
    func openRound() -> Meeting {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        return m
    }

    func wrong(_ member: MemberID) -> Command {
        .castBallot(member: member, pinMAC: Meeting.hash("999999"), choices: ["C01": .yes])
    }

    @Test("R16: each wrong PIN is journaled; the fifth locks the member, whose right PIN is then refused")
    func fiveLock() throws {
        var m = openRound()
        for n in 1...4 {
            let refusal = try #require(m.refusal(wrong("M05")))
            #expect(refusal.rule == .r16 && refusal.record == .recordWrongPIN("M05") && refusal.chinese.contains("第 \(n) 次"))
            m.refused(wrong("M05"), .r16)
            #expect(m.history.last == .pinFailed(PINFailed(member: "M05", round: 1, failures: n)))
        }
        m.refused(wrong("M05"), .r16)
        #expect(m.history.last == .memberLocked(MemberLocked(member: "M05", round: 1, failures: 5)))
        #expect(m.state.locked == ["M05"])
        let before = m.state.lastSeq
        m.refused(m.cast("M05", ["C01": .yes]), .r16)
        m.refused(wrong("M05"), .r16)
        #expect(m.state.lastSeq == before, "a locked member's attempts record nothing more")
        m.ok(m.cast("M06", ["C01": .yes]))
    }

    @Test("R16: the lock survives a restart (replaying the journal); the host unlocks, and the member votes")
    func survivesReplay() throws {
        var m = openRound()
        for _ in 1...5 { m.refused(wrong("M05"), .r16) }
        var entries = [Entry(seq: 1, at: "2026-11-26T08:00:00+08:00", event: .sessionCreated(m.state.founding))]
        for (i, e) in m.history.enumerated() { entries.append(Entry(seq: i + 2, at: "2026-11-26T09:00:00+08:00", event: e)) }
        let replayed = try SessionState.replay(entries)
        #expect(replayed.locked == ["M05"] && replayed.pinFailures["M05"] == 5)
        m.invalid(.unlock("M06"))
        m.ok(.checkOut("M01", reason: nil))
        m.refused(.unlock("M05"), .r2)
        m.ok(.changeHost("M02"))
        guard case .memberUnlocked(let u)? = m.ok(.unlock("M05")) else { return }
        #expect(u == MemberUnlocked(member: "M05", host: "M02") && m.state.pinFailures["M05"] == 0)
        m.ok(m.cast("M05", ["C01": .no]))
    }

    @Test("R16: the count starts again after an accepted vote and after a new PIN")
    func countResets() {
        var m = openRound()
        for _ in 1...4 { m.refused(wrong("M05"), .r16) }
        m.ok(m.cast("M05", ["C01": .yes]))
        #expect(m.state.pinFailures["M05"] == 0)
        for _ in 1...4 { m.refused(wrong("M06"), .r16) }
        m.ok(.reissuePIN(Arrival(member: "M06", pinSalt: "new", pinMAC: Meeting.hash("654321"))))
        #expect(m.state.pinFailures["M06"] == 0)
        m.refused(wrong("M06"), .r16)
        #expect(m.state.locked.isEmpty && m.state.pinFailures["M06"] == 1)
    }

    @Test("R16: a re-issued PIN replaces the old one, and the member keeps their place in the deliberation")
    func reissue() {
        var m = openRound()
        let old = m.pins["M07"]!
        m.ok(.reissuePIN(Arrival(member: "M07", pinSalt: "new", pinMAC: Meeting.hash("654321"))))
        m.refused(.castBallot(member: "M07", pinMAC: Meeting.hash(old), choices: ["C01": .yes]), .r16)
        m.ok(.castBallot(member: "M07", pinMAC: Meeting.hash("654321"), choices: ["C01": .yes]))
        #expect(m.state.progress["C01"]!.attended.contains("M07"))
        m.invalid(.reissuePIN(Arrival(member: "M24", pinSalt: "s", pinMAC: "h")))
        m.invalid(.reissuePIN(Arrival(member: "M99", pinSalt: "s", pinMAC: "h")))
    }

    @Test("R16: a wrong PIN is recorded only during an open electronic round, for a present member")
    func recordOnlyInRound() {
        var m = Meeting()
        m.open(present: 20)
        m.refused(.recordWrongPIN("M05"), .r4)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(Meeting.paper(["C01"]))
        m.invalid(.recordWrongPIN("M05"))
    }
}
