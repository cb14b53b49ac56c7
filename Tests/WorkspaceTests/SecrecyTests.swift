import Foundation
import Journal
import Records
import Review
import Testing
@testable import Workspace

/// R5 in the stored record: the journal says who received a ballot, never who cast which.
@Suite("R5 secret ballot in the journal")
struct SecrecyTests {
    /// Runs one round where members vote in `order`, member i choosing `choice(i)`; returns the journal lines.
    func session(order: [Int]) throws -> (lines: [String], closed: RoundClosed, session: String) {
        var f = try SessionFixture()
        try f.open(present: 21)
        try f.folder.run(.beginDeliberation(["C01", "C02"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01", "C02"], paper: false)
        for i in order {
            let m = i < 10 ? "M0\(i)" : "M\(i)"
            let choices: [CandidateID: Choice] = i % 3 == 0 ? ["C01": .no, "C02": .yes] : ["C01": .yes, "C02": i % 2 == 0 ? .abstain : .yes]
            try f.folder.openForWriting().castBallot(member: m, pin: f.pins[m]!, choices: choices)
        }
        let closeStep = try f.folder.openForWriting().closeRound(); let (closed, _) = (closeStep.closedRound!, closeStep.notices)
        let text = try f.folder.journal.read()
        let lines = text.lines.indices.map { String(decoding: text.line($0), as: UTF8.self) }
        return (lines, closed, try f.folder.state().session)
    }

    @Test("R5: no member id appears in any ballot entry; receipts carry no choice")
    func noMemberInBallots() throws {
        let (lines, closed, _) = try session(order: Array(1...21))
        let members = (1...25).map { $0 < 10 ? "M0\($0)" : "M\($0)" }
        for line in lines where line.contains("\"round.closed\"") {
            for m in members { #expect(!line.contains("\"\(m)\""), "ballot block names \(m)") }
        }
        for line in lines where line.contains("\"ballot.issued\"") {
            for word in ["同意", "不同意", "弃权", "choices"] { #expect(!line.contains(word)) }
        }
        #expect(closed.ballots.count == 21)
    }

    @Test("R5: the ballot block is sorted by id, and each id is the hash of its own content")
    func blockOrderIsContentOnly() throws {
        let forward = try session(order: Array(1...21))
        let backward = try session(order: Array((1...21).reversed()))
        for run in [forward, backward] {
            let ids = run.closed.ballots.map(\.id)
            #expect(ids == ids.sorted())
            for b in run.closed.ballots {
                #expect(b.id == BallotSpool.ballotID(b, session: run.session, round: 1))
            }
        }
        // The same marks were cast in opposite orders; the counts agree and neither block's order
        // follows its casting order (it follows the random-nonce hashes).
        #expect(forward.closed.tallies == backward.closed.tallies)
        let castOrder = (1...21).map { $0 % 3 == 0 ? Choice.no : .yes }
        #expect(forward.closed.ballots.map { $0.choices["C01"]! } != castOrder || backward.closed.ballots.map { $0.choices["C01"]! } != castOrder.reversed())
    }

    @Test("R5: nothing in the session folder links a member to a choice after the close")
    func folderHoldsNoLink() throws {
        let (lines, _, _) = try session(order: Array(1...21))
        // Receipts come before the block; the block is a single line; no line holds both a member id and a choice.
        for line in lines where !line.contains("\"session.created\"") {
            let hasChoice = line.contains("\"choices\"")
            let hasMember = line.contains("\"member\"")
            #expect(!(hasChoice && hasMember))
        }
    }
}
