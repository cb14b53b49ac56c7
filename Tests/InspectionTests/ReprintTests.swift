import Documents
import Foundation
import Inspection
import Records
import Testing
import Workspace

/// V11 prints every signed 评审表 again from the journal's facts and compares bytes: a form
/// that says what the record does not is found, whatever signed it; a form printed with the
/// office's own templates is accepted when it prints the record, and its templates are named.
@Suite("V11 re-prints the signed result forms")
struct ReprintTests {
    /// A short sealed meeting: C01 passes 18 of 20, C02 is rejected 10 of 20; closed, minutes signed.
    static func meeting() throws -> (SampleSession, TestCommittee) {
        let committee = try TestCommittee()
        var s = try SampleSession(committee: committee)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        try s.open(host: "M01", at: "09:05")
        try s.run(.beginDeliberation(["C01", "C02"], opinion: nil), at: "09:10")
        try s.electronicRound(["C01", "C02"], ["C01": (18, 2, 0), "C02": (10, 8, 2)], open: "09:20", close: "09:25")
        try s.run(.recordReason("C02", "同意票未达到三分之二。"), at: "09:26")
        try s.run(.announce, at: "09:30")
        try s.close(at: "09:35")
        let minutes = try DocumentRenderer(templates: try TemplateLibrary.shipped()).minutes(try s.at("09:40").state(), format: .md)
        for (signer, paths) in [(DocumentSigner.host, committee.chairPaths), (.recorder, committee.secretaryPaths)] {
            _ = try s.at("09:40").openForWriting().signDocuments(
                [DocumentFile(name: minutes.fileName, bytes: minutes.bytes, document: "minutes")], as: signer, identity: committee.files(paths))
        }
        return (s, committee)
    }

    /// Prints and signs (host, then seal) every result form with the shipped templates and `custom` over them.
    static func signForms(_ s: SampleSession, _ committee: TestCommittee, custom: [UserTemplate]) throws {
        let sources = TemplateLibrary.shippedSources() + custom.map { TemplateLibrary.Source(name: $0.name, file: "custom/" + $0.name, text: $0.text) }
        let forms = try DocumentRenderer(templates: try TemplateLibrary(sources)).resultForms(try s.at("09:45").state(), format: .md)
        let files = forms.map { DocumentFile(name: $0.fileName, bytes: $0.bytes, document: "result-form", candidate: $0.candidate, templates: custom) }
        _ = try s.at("09:45").openForWriting().signDocuments(files, as: .host, identity: committee.files(committee.chairPaths))
        _ = try s.at("09:46").openForWriting().signDocuments(files, as: .seal, identity: committee.files(committee.sealPaths))
    }

    static func verify(_ s: SampleSession, _ committee: TestCommittee) -> SessionReport {
        Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate])).verify(.folder(s.path), path: s.path)
    }

    static func v11(_ report: SessionReport) -> [Finding] {
        report.checks.first { $0.id == .v11 }?.findings ?? []
    }

    static let shippedForm = TemplateLibrary.shippedSources().first { $0.name == "result-form.md" }!.text

    @Test("V11: forms printed with the shipped templates pass, with no warning")
    func shipped() throws {
        let (s, committee) = try Self.meeting()
        try Self.signForms(s, committee, custom: [])
        let report = Self.verify(s, committee)
        #expect(report.passed, "\(report.checks.flatMap(\.findings).map(\.message))")
        #expect(Self.v11(report).isEmpty)
    }

    @Test("V11: a template that prints 同意 21 … 通过 for a candidate rejected 10 of 20 is found, though host and seal signed it")
    func fixedNumbers() throws {
        let (s, committee) = try Self.meeting()
        let forged = Self.shippedForm
            .replacingOccurrences(of: "{{vote.yes}} 票", with: "21 票")
            .replacingOccurrences(of: "{{vote.conclusion}}", with: "通过")
            .replacingOccurrences(of: "{{sentence}}", with: "同意 21 票，评审结论：通过。")
        #expect(forged != Self.shippedForm)
        try Self.signForms(s, committee, custom: [UserTemplate(name: "result-form.md", text: forged)])
        let report = Self.verify(s, committee)
        #expect(report.failed == [.v11])
        let messages = Self.v11(report).filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains { $0.contains("C02") && $0.contains("同意票数") }, "\(messages)")
        // The form of C01 says 21 too, which is not what the journal counted either.
        #expect(messages.contains { $0.contains("C01") })
    }

    @Test("V11: the office's own wording around the record's numbers passes, and the template is named")
    func ownWording() throws {
        let (s, committee) = try Self.meeting()
        let worded = Self.shippedForm + "\n本表由评委会办公室印制。\n"
        try Self.signForms(s, committee, custom: [UserTemplate(name: "result-form.md", text: worded)])
        let report = Self.verify(s, committee)
        #expect(report.passed, "\(report.checks.flatMap(\.findings).map(\.message))")
        let warnings = Self.v11(report).filter { $0.severity == .warning }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.message.contains("result-form.md") })
        let copies = try FileManager.default.subpathsOfDirectory(atPath: s.path + "/out/templates").filter { $0.hasSuffix(".mustache") }
        #expect(copies.count == 1)
    }

    @Test("V11: a template changed in the folder after signing is found")
    func templateChanged() throws {
        let (s, committee) = try Self.meeting()
        try Self.signForms(s, committee, custom: [UserTemplate(name: "result-form.md", text: Self.shippedForm + "\n（办公室印制）\n")])
        let copy = try #require(FileManager.default.subpathsOfDirectory(atPath: s.path + "/out/templates").first { $0.hasSuffix(".mustache") })
        try Data((Self.shippedForm + "\n（已改）\n").utf8).write(to: URL(fileURLWithPath: s.path + "/out/templates/" + copy))
        let report = Self.verify(s, committee)
        #expect(report.failed == [.v11])
        #expect(Self.v11(report).contains { $0.message.contains("SHA-256") })
    }

    @Test("V11: a form the laptop wrote itself (right hash, right signatures, wrong words) is found")
    func handWritten() throws {
        let (s, committee) = try Self.meeting()
        let state = try s.at("09:45").state()
        for c in state.countedInOrder {
            let text = "# 评审表 \(c)\n\n同意 20 票，评审结论：通过\n"
            try s.sign(document: "result-form", candidate: c, name: "评审表-\(c).md", text: text, signer: "host", identity: committee.chair, at: "09:45")
            try s.sign(document: "result-form", candidate: c, name: "评审表-\(c).md", text: text, signer: "seal", identity: committee.seal, at: "09:46")
        }
        let report = Self.verify(s, committee)
        #expect(report.failed == [.v11])
        #expect(Self.v11(report).filter { $0.severity == .error }.count == 2)
    }
}
