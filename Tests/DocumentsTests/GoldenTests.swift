import Documents
import Foundation
import Testing

/// Every document of the sample session, in every format, against its golden file.
@Suite("Golden documents")
struct GoldenTests {
    static let sample = SampleSession.shared
    static let renderer = SampleSession.renderer

    @Test("minutes", arguments: [DocumentFormat.md, .html])
    func minutes(format: DocumentFormat) throws {
        try Golden.check(try Self.renderer.minutes(Self.sample.state, format: format).text, "minutes.\(format.fileExtension)")
    }

    @Test("result forms, all together", arguments: [DocumentFormat.md, .html])
    func resultForms(format: DocumentFormat) throws {
        try Golden.check(try Self.renderer.resultFormsTogether(Self.sample.state, format: format).text, "result-forms.\(format.fileExtension)")
    }

    @Test("result forms one by one: stable names, and the rejected candidate's form")
    func resultFormFiles() throws {
        let forms = try Self.renderer.resultForms(Self.sample.state, format: .html)
        #expect(forms.map(\.fileName) == (1...14).map { String(format: "评审表-C%02d.html", $0) })
        try Golden.check(forms[4].text, "评审表-C05.html")
        let md = try Self.renderer.resultForms(Self.sample.state, format: .md)
        #expect(md.first?.fileName == "评审表-C01.md")
    }

    @Test("overview", arguments: [DocumentFormat.md, .html, .csv])
    func overview(format: DocumentFormat) throws {
        try Golden.check(try Self.renderer.overview(Self.sample.state, format: format).text, "overview.\(format.fileExtension)")
    }

    @Test("analysis", arguments: [DocumentFormat.md, .html, .csv])
    func analysis(format: DocumentFormat) throws {
        try Golden.check(try Self.renderer.analysis([Self.sample.state], format: format).text, "analysis.\(format.fileExtension)")
    }

    @Test("analysis over two sessions")
    func analysisTwoSessions() throws {
        let text = try Self.renderer.analysis([Self.sample.state, SampleSession.second.state], format: .md).text
        try Golden.check(text, "analysis-two-sessions.md")
    }

    @Test("publicity", arguments: [DocumentFormat.md, .html])
    func publicity(format: DocumentFormat) throws {
        let calendar = try WorkingDays.shipped()
        let (doc, period) = try Self.renderer.publicity(Self.sample.state, start: CivilDate("2026-11-30")!, calendar: calendar, format: format)
        #expect(period.last == CivilDate("2026-12-04"))
        try Golden.check(doc.text, "publicity.\(format.fileExtension)")
    }

    @Test("report", arguments: [DocumentFormat.md, .html])
    func report(format: DocumentFormat) throws {
        try Golden.check(try Self.renderer.report(Self.sample.state, format: format).text, "report.\(format.fileExtension)")
    }

    @Test("text is the Markdown rendering; documents do not depend on the session id or ballot nonces")
    func deterministic() throws {
        let a = Self.sample.state, b = SampleSession.second.state
        #expect(a.session != b.session)
        for format in [DocumentFormat.text, .md, .html] {
            let minutes = try Self.renderer.minutes(a, format: format).text
            #expect(minutes == (try Self.renderer.minutes(b, format: format).text))
            #expect(!minutes.contains(a.session))
            #expect((try Self.renderer.report(a, format: format).text) == (try Self.renderer.report(b, format: format).text))
            #expect((try Self.renderer.overview(a, format: format).text) == (try Self.renderer.overview(b, format: format).text))
        }
        #expect((try Self.renderer.minutes(a, format: .text).text) == (try Self.renderer.minutes(a, format: .md).text))
        #expect((try Self.renderer.minutes(a, format: .text).fileName) == "评审会议记录.txt")
    }
}
