import Documents
import Foundation
import Records
import Review
import Testing
@testable import Workspace

/// `SessionFolder.stateForDocuments()`: the load that skims the ballot blocks of `round.closed`
/// lines gives the same documents as the ordinary load.
@Suite("Loading for documents")
struct LoadForDocumentsTests {
    @Test("every document is the same whether the session is loaded in full or for documents")
    func sameDocuments() throws {
        let sample = SampleSession.shared
        let fast = try SessionFolder(path: sample.folder).stateForDocuments()
        let full = sample.state
        let r = SampleSession.renderer
        for format in [DocumentFormat.md, .html] {
            #expect(try r.minutes(fast, format: format) == r.minutes(full, format: format))
            #expect(try r.resultFormsTogether(fast, format: format) == r.resultFormsTogether(full, format: format))
            #expect(try r.overview(fast, format: format) == r.overview(full, format: format))
            #expect(try r.report(fast, format: format, today: CivilDate("2026-12-07")!) == r.report(full, format: format, today: CivilDate("2026-12-07")!))
        }
        #expect(try r.overview(fast, format: .csv) == r.overview(full, format: .csv))
        #expect(fast.rounds.count == full.rounds.count)
        for (a, b) in zip(fast.rounds, full.rounds) {
            guard case .closed(let x) = a.status, case .closed(let y) = b.status else { continue }
            #expect(x.tallies == y.tallies && x.returned == y.returned && x.ballots.isEmpty)
        }
    }

    @Test("a damaged journal is reported exactly as the ordinary load reports it")
    func damaged() throws {
        let dir = try SampleSession.temporaryDirectory() + "/s"
        try FileManager.default.copyItem(atPath: SampleSession.shared.folder, toPath: dir)
        let journal = dir + "/journal.jsonl"
        var text = try String(contentsOfFile: journal, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"event\":\"round.closed\"", with: "\"event\":\"round.closd\"")
        try text.write(toFile: journal, atomically: true, encoding: .utf8)
        var fast = "", full = ""
        do { _ = try SessionFolder(path: dir).stateForDocuments() } catch { fast = error.description }
        do { _ = try SessionFolder(path: dir).load() } catch { full = error.description }
        #expect(!fast.isEmpty && fast == full)
    }
}
