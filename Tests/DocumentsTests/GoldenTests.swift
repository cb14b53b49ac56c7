import Documents
import Foundation
import Review
import Testing

/// Every document of the sample session, in every format, against its golden file. The
/// session id (会议编号) is random per run of the demo: it is replaced by `〈会议编号〉` before
/// comparing, and checked on its own.
@Suite("Golden documents")
struct GoldenTests {
    static let sample = SampleSession.shared
    static let renderer = SampleSession.renderer

    /// `text` with the session ids of `states` replaced by `〈会议编号〉`, after checking it names them.
    static func normalised(_ text: String, _ states: [SessionState] = [sample.state],
                           sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var text = text
        for state in states {
            #expect(text.contains(state.session), "the 会议编号 \(state.session) is printed", sourceLocation: sourceLocation)
            text = text.replacingOccurrences(of: state.session, with: "〈会议编号〉")
        }
        return text
    }

    /// The 公示 of the sample: 2026-11-30 (a Monday) through its fifth working day, 2026-12-04.
    static func publicity(_ outcome: PublicityStatement.Outcome?) throws -> PublicityStatement {
        PublicityStatement(period: try PublicityPeriod(start: CivilDate("2026-11-30")!, calendar: try WorkingDays.shipped()), outcome: outcome)
    }

    @Test("minutes", arguments: [DocumentFormat.md, .html])
    func minutes(format: DocumentFormat) throws {
        try Golden.check(Self.normalised(try Self.renderer.minutes(Self.sample.state, format: format).text), "minutes.\(format.fileExtension)")
    }

    @Test("result forms, all together", arguments: [DocumentFormat.md, .html])
    func resultForms(format: DocumentFormat) throws {
        try Golden.check(Self.normalised(try Self.renderer.resultFormsTogether(Self.sample.state, format: format).text), "result-forms.\(format.fileExtension)")
    }

    @Test("result forms one by one: stable names, and the rejected candidate's form")
    func resultFormFiles() throws {
        let forms = try Self.renderer.resultForms(Self.sample.state, format: .html)
        #expect(forms.map(\.fileName) == (1...14).map { String(format: "评审表-C%02d.html", $0) })
        try Golden.check(Self.normalised(forms[4].text), "评审表-C05.html")
        let md = try Self.renderer.resultForms(Self.sample.state, format: .md)
        #expect(md.first?.fileName == "评审表-C01.md")
    }

    @Test("overview", arguments: [DocumentFormat.md, .html, .csv])
    func overview(format: DocumentFormat) throws {
        try Golden.check(Self.normalised(try Self.renderer.overview(Self.sample.state, format: format).text), "overview.\(format.fileExtension)")
    }

    @Test("analysis", arguments: [DocumentFormat.md, .html, .csv])
    func analysis(format: DocumentFormat) throws {
        try Golden.check(Self.normalised(try Self.renderer.analysis([Self.sample.state], format: format).text), "analysis.\(format.fileExtension)")
    }

    @Test("analysis over two sessions")
    func analysisTwoSessions() throws {
        let text = try Self.renderer.analysis([Self.sample.state, SampleSession.second.state], format: .md).text
        try Golden.check(Self.normalised(text, [Self.sample.state, SampleSession.second.state]), "analysis-two-sessions.md")
    }

    @Test("publicity", arguments: [DocumentFormat.md, .html])
    func publicity(format: DocumentFormat) throws {
        let calendar = try WorkingDays.shipped()
        let (doc, period) = try Self.renderer.publicity(Self.sample.state, start: CivilDate("2026-11-30")!, calendar: calendar, format: format)
        #expect(period.last == CivilDate("2026-12-04"))
        try Golden.check(Self.normalised(doc.text), "publicity.\(format.fileExtension)")
    }

    @Test("report, final: the 公示 ended without objection", arguments: [DocumentFormat.md, .html])
    func report(format: DocumentFormat) throws {
        let text = try Self.renderer.report(Self.sample.state, format: format, publicity: try Self.publicity(.noObjection),
                                            today: CivilDate("2026-12-07")!).text
        try Golden.check(Self.normalised(text), "report.\(format.fileExtension)")
    }

    @Test("text is the Markdown rendering; documents differ only in the 会议编号, not by ballot nonces")
    func deterministic() throws {
        let a = Self.sample.state, b = SampleSession.second.state
        #expect(a.session != b.session)
        let today = CivilDate("2026-12-07")!
        for format in [DocumentFormat.text, .md, .html] {
            let minutes = try Self.renderer.minutes(a, format: format).text
            #expect(Self.normalised(minutes, [a]) == Self.normalised(try Self.renderer.minutes(b, format: format).text, [b]))
            #expect(Self.normalised(try Self.renderer.report(a, format: format, today: today).text, [a])
                    == Self.normalised(try Self.renderer.report(b, format: format, today: today).text, [b]))
            #expect(Self.normalised(try Self.renderer.overview(a, format: format).text, [a])
                    == Self.normalised(try Self.renderer.overview(b, format: format).text, [b]))
        }
        #expect((try Self.renderer.minutes(a, format: .text).text) == (try Self.renderer.minutes(a, format: .md).text))
        #expect((try Self.renderer.minutes(a, format: .text).fileName) == "评审会议记录.txt")
    }
}
