import Records
import Review
import Testing

/// R15: a paper round names its two tellers when it opens; only they enter its sheets; in a signed
/// meeting each entry carries its teller's signature over the reading; two entries agree when they
/// mean the same marks.
@Suite("R15 tellers")
struct R15TellersTests {
    func deliberated(signed: Bool = false) -> Meeting {
        var m = Meeting()
        m.checkIn(Meeting.members(1...21))
        let seal = MeetingSeal(committeeCertificate: "seal", sessionKey: "key", algorithm: "ecdsa-p256-sha256", origin: "origin", keyName: "name",
                               statement: SignedStatement(text: "statement", format: "cms", signature: "sig", certificate: "cert"))
        m.ok(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: signed ? seal : nil))
        m.ok(.beginDeliberation(["C01", "C02"], opinion: nil))
        return m
    }

    @Test("R15: a paper round must name two different tellers", arguments: [
        [], ["甲"], ["甲", "甲"], ["甲", "甲\u{200B}"], ["甲", " "], ["甲", "乙", "丙"],
    ] as [[String]])
    func twoTellers(tellers: [String]) {
        var m = deliberated()
        m.refused(.openRound(["C01", "C02"], paper: true, tellers: tellers), .r15)
    }

    @Test("R15: the tellers are recorded at the opening; an electronic round takes none")
    func recorded() {
        var m = deliberated()
        m.invalid(.openRound(["C01", "C02"], paper: false, tellers: ["甲", "乙"]))
        m.ok(.openRound(["C01", "C02"], paper: true, tellers: [" 孙计票 ", "周监票"]))
        #expect(m.state.openRound!.opened.tellers == ["孙计票", "周监票"])
    }

    @Test("R15: only the round's tellers may enter sheets; a name spelt with invisible characters is the same teller")
    func onlyTheTellers() {
        var m = deliberated()
        m.ok(Meeting.paper(["C01", "C02"], tellers: ["孙计票", "周监票"]))
        m.refused(.enterSheet(teller: "王秘书", sheet: 1, marks: ["C01": ["同意"]]), .r15)
        guard case .sheetEntered(let e)? = m.ok(.enterSheet(teller: "孙计票\u{00A0}", sheet: 1, marks: ["C01": ["同意"]])) else { return }
        #expect(e.teller == "孙计票")
        m.invalid(.enterSheet(teller: "\u{200B}孙计票", sheet: 1, marks: ["C01": ["同意"]]))
        m.ok(.enterSheet(teller: "周监票", sheet: 1, marks: ["C01": ["同意"]]))
    }

    @Test("R15: two entries agree when they mean the same marks", arguments: [
        (["同意", "不同意"], ["不同意", "同意"]), (["？"], ["?"]), (["ｙｅｓ"], ["同意"]), (["赞成"], ["同意"]),
        (["同意", ""], ["同意"]), (["X\u{200B}"], ["Ｘ"]),
    ])
    func sameMarks(first: [String], second: [String]) {
        var m = deliberated()
        m.ok(Meeting.paper(["C01", "C02"]))
        m.ok(.enterSheet(teller: "甲", sheet: 3, marks: ["C01": first]))
        m.ok(.enterSheet(teller: "乙", sheet: 3, marks: ["C01": second]))
        guard case .settled? = m.state.openRound!.status(ofSheet: 3) else {
            Issue.record("\(first) and \(second) should agree")
            return
        }
    }

    @Test("R15: different marks still disagree", arguments: [(["同意"], ["不同意"]), (["同意", "同意"], ["同意"]), (["?"], [])] as [([String], [String])])
    func differentMarks(first: [String], second: [String]) {
        var m = deliberated()
        m.ok(Meeting.paper(["C01", "C02"]))
        m.ok(.enterSheet(teller: "甲", sheet: 3, marks: ["C01": first]))
        m.ok(.enterSheet(teller: "乙", sheet: 3, marks: ["C01": second]))
        #expect(m.state.openRound!.status(ofSheet: 3) == .disputed(tellers: ["甲", "乙"]))
    }

    @Test("R15: the canonical reading and the text a teller signs")
    func signedText() {
        let marks = SheetReading.canonical(["C09": ["？"], "C08": ["同意", "不同意"], "C07": [], "C06": ["赞成"]])
        #expect(marks == ["C06": ["同意"], "C08": ["不同意", "同意"], "C09": ["?"]])
        let text = SheetReading.text(session: "0123", round: 4, sheet: 7, teller: "孙计票", marks: marks)
        #expect(text == "pingshen 纸质选票录入 paper sheet v1\n会议编号 session: 0123\n轮次 round: 4\n选票 sheet: 7\n计票人 teller: 孙计票\nC06: 同意\nC08: 不同意+同意\nC09: ?\n")
    }

    @Test("R15: in a signed meeting an entry needs its teller's signature, over exactly this reading")
    func signedMeeting() {
        var m = deliberated(signed: true)
        m.ok(Meeting.paper(["C01", "C02"]))
        let marks: [CandidateID: [String]] = ["C01": ["同意"], "C02": ["不同意", "同意"]]
        m.refused(.enterSheet(teller: "甲", sheet: 1, marks: marks), .r15)
        let session = m.state.session
        let wrong = SheetReading.text(session: session, round: 1, sheet: 2, teller: "甲", marks: SheetReading.canonical(marks))
        m.invalid(.enterSheet(teller: "甲", sheet: 1, marks: marks, signed: SignedStatement(text: wrong, format: "cms", signature: "s", certificate: "c")))
        let right = SheetReading.text(session: session, round: 1, sheet: 1, teller: "甲", marks: SheetReading.canonical(marks))
        let signed = SignedStatement(text: right, format: "cms", signature: "s", certificate: "c")
        guard case .sheetEntered(let e)? = m.ok(.enterSheet(teller: "甲", sheet: 1, marks: marks, signed: signed)) else { return }
        #expect(e.signed == signed && e.marks == ["C01": ["同意"], "C02": ["不同意", "同意"]])
    }

    @Test("R15: an unsigned drill records no teller signatures")
    func unsignedDrill() {
        var m = deliberated()
        m.ok(Meeting.paper(["C01"]))
        m.invalid(.enterSheet(teller: "甲", sheet: 1, marks: [:], signed: SignedStatement(text: "t", format: "cms", signature: "s", certificate: "c")))
    }
}
