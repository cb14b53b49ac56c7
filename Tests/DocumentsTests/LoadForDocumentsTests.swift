import Documents
import Foundation
import Records
import Review
import Testing
@testable import Workspace

/// `SessionFolder.stateForDocuments()`: the faster load that cuts ballots out of `round.closed`
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
            #expect(try r.report(fast, format: format) == r.report(full, format: format))
        }
        #expect(try r.overview(fast, format: .csv) == r.overview(full, format: .csv))
        #expect(fast.rounds.count == full.rounds.count)
        for (a, b) in zip(fast.rounds, full.rounds) {
            guard case .closed(let x) = a.status, case .closed(let y) = b.status else { continue }
            #expect(x.tallies == y.tallies && x.returned == y.returned && x.ballots.isEmpty)
        }
    }

    @Test("the ballots are cut out by a scan that knows strings and escapes")
    func cutBallots() throws {
        let ballots = [
            Ballot(id: "a1", choices: ["C]1": .yes, "C\"2": .no, "C\\3": .abstain], nonce: "00"),
            Ballot(id: "b2", choices: ["C{4": .yes], nonce: "[]"),
        ]
        let tally = Tally(candidate: "C]1", denominator: 2, yes: 1, no: 0, abstain: 0, void: 1, outcome: .rejected)
        let entry = Entry(seq: 9, at: "2026-11-26T09:30:00+08:00",
                          event: .roundClosed(RoundClosed(round: 1, ballots: ballots, returned: 2, tallies: [tally])))
        let line = try EntryCoding.encode(entry)
        let cut = try #require(line.withUnsafeBufferPointer { SessionFolder.withoutBallots($0) })
        let decoded = try EntryCoding.decode(cut)
        #expect(decoded == Entry(seq: 9, at: entry.at, event: .roundClosed(RoundClosed(round: 1, ballots: [], returned: 2, tallies: [tally]))))
        // Any other line is left alone.
        let other = try EntryCoding.encode(Entry(seq: 2, at: entry.at, event: .matterRecorded(Matter(text: "\"ballots\":[", handling: nil))))
        #expect(other.withUnsafeBufferPointer { SessionFolder.withoutBallots($0) } == nil)
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
