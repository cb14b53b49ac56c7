import Journal
import Records
import Review
import Testing

/// R4: a ballot only from the eligible member's own credential, only while its round is open.
@Suite("R4 no proxy, no late ballots")
struct R4NoProxyTests {
    func meetingWithOpenRound() -> Meeting {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.ok(.openRound(["C01", "C02"], paper: false))
        return m
    }

    @Test("R4/R16: a wrong PIN is refused (and counted toward the lock)")
    func wrongPIN() {
        var m = meetingWithOpenRound()
        m.refused(.castBallot(member: "M05", pinMAC: Meeting.hash("000000"), choices: ["C01": .yes]), .r16)
        #expect(m.state.openRound!.issued.isEmpty && m.state.pinFailures["M05"] == 1)
    }

    @Test("R4/R16: another member's PIN does not vote for them (no proxy)")
    func anotherMembersPIN() {
        var m = meetingWithOpenRound()
        m.refused(.castBallot(member: "M05", pinMAC: Meeting.hash(m.pins["M06"]!), choices: ["C01": .yes]), .r16)
        #expect(m.state.openRound!.issued.isEmpty)
    }

    @Test("R4: a second ballot from the same member is refused")
    func secondBallot() {
        var m = meetingWithOpenRound()
        m.ok(m.cast("M05", ["C01": .yes, "C02": .no]))
        m.refused(m.cast("M05", ["C01": .no]), .r4)
        #expect(m.state.openRound!.issued == ["M05"])
    }

    @Test("R4: a ballot naming a candidate outside the open round is refused")
    func candidateOutsideRound() {
        var m = meetingWithOpenRound()
        m.refused(m.cast("M05", ["C03": .yes]), .r4)
    }

    @Test("R4: no ballot after the round closes (会后补投票)")
    func afterRoundCloses() {
        var m = meetingWithOpenRound()
        m.ok(m.cast("M05", ["C01": .yes]))
        m.ok(.closeRound(ballots: Meeting.ballots([["C01": .yes]])))
        m.refused(m.cast("M06", ["C01": .yes]), .r4)
    }

    @Test("R4: a member who has not signed in holds no PIN and cannot vote")
    func neverSignedIn() {
        var m = meetingWithOpenRound()
        m.refused(.castBallot(member: "M24", pinMAC: Meeting.hash("anything"), choices: ["C01": .yes]), .r3)
    }

    @Test("R4: a PIN from before a departure is void after the return")
    func oldPINAfterReturn() {
        var m = Meeting()
        m.open(present: 20)
        let old = m.pins["M05"]!
        m.ok(.checkOut("M05", reason: nil))
        m.checkIn(["M05"])
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.refused(.castBallot(member: "M05", pinMAC: Meeting.hash(old), choices: ["C01": .yes]), .r16)
        m.ok(m.cast("M05", ["C01": .yes]))
    }

    @Test("R4: the count refuses more ballots than were issued")
    func moreBallotsThanIssued() {
        var m = meetingWithOpenRound()
        m.ok(m.cast("M05", ["C01": .yes]))
        m.refused(.closeRound(ballots: Meeting.ballots([["C01": .yes], ["C01": .yes]])), .r4)
    }

    @Test("R4: paper sheets beyond the number distributed are refused")
    func extraPaperSheet() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(Meeting.paper(["C01"]))
        m.ok(.enterSheet(teller: "甲", sheet: 20, marks: ["C01": ["同意"]]))
        m.refused(.enterSheet(teller: "甲", sheet: 21, marks: ["C01": ["同意"]]), .r4)
    }
}

/// R5: the stored record never links a member to a choice.
@Suite("R5 secret ballot")
struct R5SecretBallotTests {
    @Test("R5: the receipt of a ballot names the member and nothing of the choice")
    func receiptHasNoChoice() throws {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        let event = m.ok(m.cast("M05", ["C01": .no]))
        let receipt = try #require(event?.ballotIssued)
        let json = String(decoding: try EntryCoding.encodeValue(receipt), as: UTF8.self)
        #expect(json == #"{"member":"M05","round":1}"#)
    }

    @Test("R5: the closed round's ballots are one block sorted by id, whatever order they came in")
    func blockSortedById() throws {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        for id in Meeting.members(1...5) { m.ok(m.cast(id, ["C01": .yes])) }
        let ballots = (0..<5).map { Ballot(id: ["e", "a", "c", "b", "d"][$0] + "0", choices: ["C01": .yes], nonce: "\($0)") }
        let closed = try #require(m.ok(.closeRound(ballots: ballots))?.roundClosed)
        #expect(closed.ballots.map(\.id) == ["a0", "b0", "c0", "d0", "e0"])
    }

    @Test("R5: a cancelled or open round's state never maps members to choices")
    func noMappingInState() {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.openRound(["C01"], paper: false))
        m.ok(m.cast("M05", ["C01": .no]))
        // The only per-member fact a round keeps is who voted.
        #expect(m.state.openRound!.issued == ["M05"])
    }
}
