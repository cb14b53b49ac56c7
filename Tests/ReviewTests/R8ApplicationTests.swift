import Records
import Review
import Testing

/// R8 read per application: one person's application for one 申报职称 in one 评审年度 has at most
/// one counted round, whichever committee counted it; names are compared normalised; and the
/// registry is read again at every deliberation and vote opening (`registry:` in the commands).
@Suite("R8 one application, one review")
struct R8ApplicationTests {
    /// C02 of the test committee (申报人2, 女, 1985-03, 高级工程师), as another session decided it.
    static func decision(committee: String = "测试评委会", date: String = "2026-06-20", year: Int? = nil,
                         name: String = "申报人2", born: String = "1985-03", idNumber: String? = nil) -> PastDecision {
        PastDecision(committee: committee, session: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", date: date, candidate: "C9",
                     applicant: ApplicantKey(name: name, gender: "女", born: born, appliedTitle: "高级工程师", idNumber: idNumber),
                     unit: "企业2", outcome: .rejected, yes: 3, denominator: 21, year: year)
    }

    @Test("R8: a decision in an earlier or later 评审年度 is another application, not a re-review", arguments: ["2025-11-20", "2027-01-15"])
    func otherYear(date: String) {
        var m = Meeting(registry: [Self.decision(date: date)])
        #expect(m.state.progress["C02"]?.stage == .pending)
        m.open(present: 21)
        m.ok(.beginDeliberation(["C02"], opinion: nil, registry: [Self.decision(date: date)]))
    }

    @Test("R8: the 评审年度 is the settings' year when given, else the year of the meeting date")
    func yearSetting() {
        // This meeting (2026-11-26) reviews the 2025 评审年度.
        let same = Meeting(registry: [Self.decision(date: "2026-03-01", year: 2025)], year: 2025)
        #expect(same.state.settings.reviewYear == 2025)
        if case .barred = same.state.progress["C02"]!.stage {} else { Issue.record("a 2025 decision should bar the 2025 review") }
        // A decision of 2026 (by its date: no year recorded) is another year's application.
        let other = Meeting(registry: [Self.decision(date: "2026-06-20")], year: 2025)
        #expect(other.state.progress["C02"]!.stage == .pending)
        #expect(Meeting().state.settings.reviewYear == 2026)
    }

    @Test("R8: names, dates and 证件号码 are compared after NFKC with invisible characters dropped", arguments: [
        ("申报人2\u{00A0}", "1985-03", nil), ("申报人\u{200B}2", "1985-03", nil), ("\u{FEFF}申报人２", "１９８５-０３", nil),
        ("申报人2\u{2060}", "1985\u{200D}-03", nil), (" 申报人2\u{3000}", "1985-03", nil),
    ] as [(String, String, String?)])
    func normalisedMatch(name: String, born: String, idNumber: String?) {
        let m = Meeting(registry: [Self.decision(name: name, born: born)])
        if case .barred = m.state.progress["C02"]!.stage {} else { Issue.record("\(name.unicodeScalars.map { String($0.value, radix: 16) }) should match 申报人2") }
    }

    @Test("R8: 证件号码 match across full width and case, and decide alone when both sides carry one")
    func idNumbers() {
        let key = ApplicantKey(name: "张三", gender: "男", born: "1980-01", appliedTitle: "高级工程师", idNumber: "34010119800101001X")
        #expect(key.matches(ApplicantKey(name: "张叁", gender: "男", born: "1980-02", appliedTitle: "高级工程师", idNumber: "３４０１０１１９８００１０１００１ｘ")))
        #expect(key.matches(ApplicantKey(name: "张三", gender: "男", born: "1980-01", appliedTitle: "高级工程师\u{200B}", idNumber: nil)))
        #expect(!key.matches(ApplicantKey(name: "张三", gender: "男", born: "1980-01", appliedTitle: "高级工程师", idNumber: "340101198001010028")))
        #expect(!key.matches(ApplicantKey(name: "张三", gender: "男", born: "1980-01", appliedTitle: "正高级工程师", idNumber: "34010119800101001X")))
    }

    @Test("R8: another committee's decision on the same application bars it too, and the refusal names that committee")
    func otherCommittee() throws {
        var m = Meeting(registry: [Self.decision(committee: "安徽省工程系列通信专业高级职称评审委员会")])
        m.open(present: 21)
        let refusal = try #require(m.refusal(.beginDeliberation(["C02"], opinion: nil)))
        #expect(refusal.rule == .r8 && refusal.chinese.contains("「安徽省工程系列通信专业高级职称评审委员会」"))
        #expect(refusal.english.contains("the committee '安徽省工程系列通信专业高级职称评审委员会'"))
    }

    @Test("R8: a decision read from the registry now bars the deliberation, or the vote opening, though init never saw it")
    func registryReadAgain() {
        var m = Meeting()
        m.open(present: 21)
        m.refused(.beginDeliberation(["C02"], opinion: nil, registry: [Self.decision()]), .r8)
        m.ok(.beginDeliberation(["C02"], opinion: nil))
        // Another session closed meanwhile and recorded C02's application.
        m.refused(.openRound(["C02"], paper: false, registry: [Self.decision()]), .r8)
        m.ok(.openRound(["C02"], paper: false, registry: [Self.decision(date: "2025-10-01")]))
    }

    @Test("R8: the session's own decisions in the registry do not bar it (a close interrupted and repeated)")
    func ownSession() {
        var m = Meeting()
        m.open(present: 21)
        var own = Self.decision()
        own.session = m.state.session
        m.ok(.beginDeliberation(["C02"], opinion: nil, registry: [own]))
    }

    @Test("Normalised.text: the steps of its contract", arguments: [
        ("余洋\u{00A0}", "余洋"), ("余\u{00A0}洋", "余洋"), ("余\u{3000}洋", "余 洋"), ("  a \t\n b  ", "a b"),
        ("ＡＢＣ１２３", "ABC123"), ("？", "?"), ("同意\u{FE0F}", "同意"), ("x\u{00AD}y", "xy"), ("\u{200E}C01\u{200F}", "C01"),
        ("㈱", "(株)"), ("ﬁ", "fi"), ("e\u{0301}", "é"), ("", ""), ("\u{200B}\u{2060}\u{FEFF}", ""),
    ])
    func normalised(input: String, expected: String) {
        #expect(Normalised.text(input) == expected)
        #expect(Normalised.text(Normalised.text(input)) == expected, "idempotent")
    }
}
