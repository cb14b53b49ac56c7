import Foundation
import Inspection
import Records
import Testing

/// The rules' own checks on edits an insider re-sealed (so V1–V3 hold), each caught by the check
/// that re-derives the fact, and nothing else.
@Suite("Rule checks on re-sealed edits", .serialized)
struct RuleChecksTests {
    /// The main sample with `edit` applied to its journal, re-sealed by the chair, the secretary and
    /// the witness together (so V1–V3 and V15 hold).
    func resealed(_ edit: (inout JournalEdit) throws -> Void) throws -> SessionReport {
        let f = Fixtures.main
        var files = f.files
        var j = try JournalEdit(files["journal.jsonl"]!)
        try edit(&j)
        files["journal.jsonl"] = try Resealer(chair: f.committee.chair, secretary: f.committee.secretary, witness: f.committee.witness).reseal(try j.bytes())
        return Fixtures.verify(files, f.options)
    }

    @Test("V5: a candidate's deliberation begun a second time, re-sealed")
    func deliberationTwice() throws {
        let report = try resealed { j in
            let i = try #require(j.index { if case .deliberationBegan(let d) = $0 { return d.candidates == ["C04"] }; return false })
            let open = try #require(j.roundOpened(2))
            // With the checkpoint every entry gets (the re-sealer signs it).
            j.insert(.checkpointSigned(CheckpointSigned(note: "", cosigners: [])), at: open)
            j.insert(j.entries[i].event, at: open)
        }
        #expect(report.failed == [.v5], "\(HumanReport.session(report, relations: false, onlyFailing: true))")
        let finding = report.checks[4].findings.first
        #expect(finding?.message.contains("C04") == true && finding?.message.contains("再次开始") == true)
    }

    @Test("V14: an observer's unit spelt with a no-break space and full-width letters is the listed unit; a look-alike company is not")
    func observers() throws {
        let same = try resealed { j in
            let i = try #require(j.index { if case .observerAdmitted = $0 { return true }; return false })
            j.entries[i].event = .observerAdmitted(ObserverAdmitted(name: "赵华", unit: "合肥市人力资源和社会保障局\u{00A0}", kind: .hrss))
        }
        #expect(same.passed, "\(HumanReport.session(same, relations: false, onlyFailing: true))")
        let other = try resealed { j in
            let i = try #require(j.index { if case .observerAdmitted = $0 { return true }; return false })
            j.entries[i].event = .observerAdmitted(ObserverAdmitted(name: "赵华", unit: "合肥人社咨询有限公司", kind: .hrss))
        }
        #expect(other.failed == [.v14])
    }

    @Test("V10: a sheet entry whose marks were re-ordered still agrees; its signature then covers other text")
    func reorderedMarks() throws {
        let report = try resealed { j in
            let i = try #require(j.index { if case .sheetEntered(let s) = $0 { return s.sheet == 6 && s.teller == "周监票" }; return false })
            guard case .sheetEntered(var s) = j.entries[i].event else { return }
            s.marks["C08"] = s.marks["C08"]!.reversed()
            j.entries[i].event = .sheetEntered(s)
        }
        // The reading means the same marks (V8's recount stands); the teller did not sign this text.
        #expect(report.failed == [.v10], "\(HumanReport.session(report, relations: false, onlyFailing: true))")
        #expect(report.checks[9].findings.allSatisfy { $0.message.contains("签名的内容") })
    }
}
