import Records
import Review
import Testing

/// R7: passes iff 3 × yes ≥ 2 × N, in integers; everything but 同意 is not-yes.
@Suite("R7 two-thirds")
struct R7TwoThirdsTests {
    /// REFERENCE.md's worked examples: N → the least passing number of 同意.
    static let worked = [(11, 8), (17, 12), (21, 14), (23, 16), (24, 16), (25, 17)]

    @Test("R7: votesNeeded matches the worked examples", arguments: worked)
    func votesNeeded(n: Int, needed: Int) {
        #expect(Tally.votesNeeded(denominator: n) == needed)
        #expect(Tally.passes(yes: needed, denominator: n))
        #expect(!Tally.passes(yes: needed - 1, denominator: n))
    }

    @Test("R7: the bound is included for every N up to 35 (以上 includes the bound)")
    func exhaustive() {
        for n in 1...35 {
            for yes in 0...n {
                // Rational comparison done independently: yes/n ≥ 2/3.
                let expected = Double(yes) * 3.0 >= Double(n) * 2.0 - 1e-9
                #expect(Tally.passes(yes: yes, denominator: n) == expected, "N=\(n) yes=\(yes)")
            }
        }
    }

    @Test("R7: N=24 — 16 同意 passes, 15 fails, in real rounds")
    func twentyFour() {
        var m = Meeting(size: 25)
        m.open(present: 24)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        #expect(m.vote(["C01"], yes: 16, no: 8).first?.outcome == .passed)
        m.ok(.beginDeliberation(["C02"], opinion: nil))
        let t = m.vote(["C02"], yes: 15, no: 5, abstain: 4).first
        #expect(t?.outcome == .rejected)
        #expect(t.map { $0.yes + $0.no + $0.abstain + $0.void } == 24)
    }

    @Test("R7: N=25 — 17 passes, 16 fails")
    func twentyFive() {
        var m = Meeting(size: 25)
        m.open(present: 25)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        #expect(m.vote(["C01"], yes: 17, no: 8).first?.outcome == .passed)
        m.ok(.beginDeliberation(["C02"], opinion: nil))
        #expect(m.vote(["C02"], yes: 16, no: 9).first?.outcome == .rejected)
    }

    @Test("R7: unreturned ballots count as not-yes and as void")
    func unreturnedAreNotYes() {
        var m = Meeting(size: 25)
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        let t = m.vote(["C01"], yes: 13).first!
        #expect(t.denominator == 21 && t.yes == 13 && t.void == 8 && t.outcome == .rejected)
    }

    @Test("R7: a blank on an electronic ballot is void for that candidate only")
    func blankIsVoid() throws {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.ok(.openRound(["C01", "C02"], paper: false))
        m.ok(m.cast("M01", ["C01": .yes]))
        let c = try #require(m.ok(.closeRound(ballots: Meeting.ballots([["C01": .yes]])))?.roundClosed)
        #expect(c.tallies[0].yes == 1 && c.tallies[1].void == 20)
    }

    @Test("R7: by default (出席会议评委总数) N counts members present who could not vote on the candidate")
    func presentDenominator() {
        var m = Meeting(size: 25)
        #expect(m.state.settings.denominator == .present)
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.checkIn(Meeting.members(21...22))
        // 20 eligible, 22 present: N = 22, so 14 同意 (enough for 20) is not enough.
        let t = m.vote(["C01"], yes: 14, no: 6).first!
        #expect(t.denominator == 22 && t.outcome == .rejected && t.void == 2)
    }

    @Test("R7: denominator = eligible counts only those entitled to vote on the candidate")
    func eligibleDenominator() {
        var m = Meeting(size: 25, denominator: .eligible)
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.checkIn(Meeting.members(21...22))
        // 20 eligible: 14 同意 is enough (42 ≥ 40).
        let t = m.vote(["C01"], yes: 14, no: 6).first!
        #expect(t.denominator == 20 && t.outcome == .passed && t.void == 0)
    }

    @Test("R7: by default a recused member leaves N; a member present but out of the deliberation stays in it")
    func presentLessRecused() {
        var m = Meeting(size: 25)
        m.open(present: 20)
        m.ok(.recuse("M05", candidate: "C01", reason: "同一单位"))
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.checkIn(["M21"])
        m.ok(.openRound(["C01"], paper: false))
        // 21 present − 1 recused = 20; 19 may vote (M21 came late).
        #expect(m.state.openRound!.opened.denominators["C01"] == 20 && m.state.openRound!.opened.eligible.count == 19)
    }
}
