import Records
import Review
import Testing

/// Paper rounds: sheets entered by two different tellers, disagreements re-entered, marks read as on paper.
@Suite("Paper rounds")
struct PaperRoundTests {
    func paperRound(_ candidates: [CandidateID] = ["C01", "C02"]) -> Meeting {
        var m = Meeting()
        m.open(present: 21)
        m.ok(.beginDeliberation(candidates, opinion: nil))
        m.ok(Meeting.paper(candidates))
        return m
    }

    @Test("a sheet needs a second, different teller")
    func secondTeller() {
        var m = paperRound()
        m.ok(.enterSheet(teller: "甲", sheet: 1, marks: ["C01": ["同意"]]))
        m.invalid(.enterSheet(teller: "甲", sheet: 1, marks: ["C01": ["同意"]]))
        m.invalid(.closeRound(ballots: []))
        m.ok(.enterSheet(teller: "乙", sheet: 1, marks: ["C01": ["同意"]]))
        m.invalid(.enterSheet(teller: "乙", sheet: 1, marks: ["C01": ["同意"]]))
        m.ok(.closeRound(ballots: []))
    }

    @Test("a disagreement blocks the close until one teller re-enters the sheet")
    func disagreement() throws {
        var m = paperRound()
        m.ok(.enterSheet(teller: "甲", sheet: 3, marks: ["C01": ["同意"], "C02": ["不同意"]]))
        m.ok(.enterSheet(teller: "乙", sheet: 3, marks: ["C01": ["同意"], "C02": ["同意"]]))
        #expect(m.state.openRound!.status(ofSheet: 3) == .disputed(tellers: ["甲", "乙"]))
        m.invalid(.closeRound(ballots: []))
        m.ok(.enterSheet(teller: "乙", sheet: 3, marks: ["C01": ["同意"], "C02": ["不同意"]]))
        let c = try #require(m.ok(.closeRound(ballots: []))?.roundClosed)
        #expect(c.returned == 1 && c.tallies[0].yes == 1 && c.tallies[1].no == 1)
    }

    @Test("an invalid mark or two marks void that candidate only; synonyms count; blanks are void")
    func marks() throws {
        var m = paperRound(["C01", "C02", "C03", "C04"])
        let sheet: [CandidateID: [String]] = ["C01": ["X"], "C02": ["同意", "不同意"], "C03": ["赞成"], "C04": []]
        m.ok(.enterSheet(teller: "甲", sheet: 1, marks: sheet))
        m.ok(.enterSheet(teller: "乙", sheet: 1, marks: sheet))
        let c = try #require(m.ok(.closeRound(ballots: []))?.roundClosed)
        #expect(c.tallies.map(\.yes) == [0, 0, 1, 0])
        #expect(c.tallies.map(\.void) == [21, 21, 20, 21])
    }

    @Test("sheets are numbered from 1 to the number distributed, which equals the eligible count")
    func sheetNumbers() {
        var m = paperRound()
        #expect(m.state.openRound!.sheetsDistributed == 21)
        m.invalid(.enterSheet(teller: "甲", sheet: 0, marks: [:]))
        m.invalid(.enterSheet(teller: "甲", sheet: 1, marks: ["C09": ["同意"]]))
        m.invalid(.enterSheet(teller: " ", sheet: 1, marks: [:]))
    }

    @Test("electronic casts are refused in a paper round and sheets in an electronic one")
    func kinds() {
        var m = paperRound()
        m.invalid(m.cast("M02", ["C01": .yes]))
        var e = Meeting()
        e.open(present: 21)
        e.ok(.beginDeliberation(["C01"], opinion: nil))
        e.ok(.openRound(["C01"], paper: false))
        e.invalid(.enterSheet(teller: "甲", sheet: 1, marks: ["C01": ["同意"]]))
    }
}
