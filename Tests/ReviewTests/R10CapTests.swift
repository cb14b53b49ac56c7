import Records
import Review
import Testing

/// R10: an optional cap on 同意 marks per sheet; a paper sheet over the cap is void for all on it.
@Suite("R10 yes cap")
struct R10CapTests {
    @Test("R10: an electronic ballot over the cap is refused; at the cap it is accepted")
    func electronicCap() {
        var m = Meeting(yesCap: 2)
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02", "C03"], opinion: nil))
        m.ok(.openRound(["C01", "C02", "C03"], paper: false))
        #expect(m.state.openRound!.opened.yesCap == 2)
        m.refused(m.cast("M02", ["C01": .yes, "C02": .yes, "C03": .yes]), .r10)
        m.ok(m.cast("M02", ["C01": .yes, "C02": .yes, "C03": .no]))
    }

    @Test("R10: a paper sheet over the cap is void for every candidate on it")
    func paperCap() throws {
        var m = Meeting(yesCap: 1)
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        m.ok(Meeting.paper(["C01", "C02"]))
        for teller in ["甲", "乙"] {
            m.ok(.enterSheet(teller: teller, sheet: 1, marks: ["C01": ["同意"], "C02": ["同意"]]))
            m.ok(.enterSheet(teller: teller, sheet: 2, marks: ["C01": ["同意"], "C02": ["不同意"]]))
        }
        let c = try #require(m.ok(.closeRound(ballots: []))?.roundClosed)
        #expect(c.tallies[0].yes == 1 && c.tallies[0].void == 20)
        #expect(c.tallies[1].no == 1 && c.tallies[1].yes == 0 && c.tallies[1].void == 20)
    }

    @Test("R10: with the cap off (0) any number of 同意 is fine")
    func capOff() {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(["C01", "C02", "C03"], opinion: nil))
        m.ok(.openRound(["C01", "C02", "C03"], paper: false))
        m.ok(m.cast("M02", ["C01": .yes, "C02": .yes, "C03": .yes]))
    }
}
