import Foundation
import Records
import Review
import Testing
@testable import Workspace

/// R8 across sessions: closing appends the decisions to the registry; the next session reads it.
@Suite("R8 across sessions (registry)")
struct RegistryAcrossSessionsTests {
    @Test("R8: a candidate rejected in one session is barred in the next session of the committee")
    func rejectedStaysRejected() throws {
        let dir = try SessionFixture.temporaryDirectory()
        let registry = dir + "/registry.jsonl"
        var first = try SessionFixture(registry: registry)
        try first.open(present: 21)
        try first.vote(["C01", "C02"])
        let rejected = try first.vote(["C05"], against: 10)
        #expect(rejected.tallies[0].outcome == .rejected)
        try first.folder.run(.recordReason("C05", "业绩不足"))
        try first.folder.run(.announce)
        let (_, registered) = try first.folder.openForWriting().closeMeeting()
        #expect(registered == 3)
        let decisions = try Registry(path: registry).decisions()
        #expect(decisions.map(\.candidate) == ["C01", "C02", "C05"])
        #expect(decisions.last?.outcome == .rejected)

        var second = try SessionFixture(registry: registry)
        let state = try second.folder.state()
        #expect(state.founding.registry.count == 3)
        if case .barred(let past)? = state.progress["C05"]?.stage { #expect(past.outcome == .rejected) } else {
            Issue.record("C05 should be barred")
        }
        try second.open(present: 21)
        do {
            try second.folder.run(.beginDeliberation(["C05"], opinion: nil))
            Issue.record("re-review must be refused")
        } catch {
            #expect(error.rule == .r8)
        }
        try second.folder.run(.beginDeliberation(["C03"], opinion: nil))
    }

    /// Two sessions of the committee prepared before either closes, both holding C05.
    func twoSessions() throws -> (first: SessionFixture, second: SessionFixture, registry: String) {
        let registry = try SessionFixture.temporaryDirectory() + "/registry.jsonl"
        var first = try SessionFixture(registry: registry)
        var second = try SessionFixture(registry: registry)
        try first.open(present: 21)
        try second.open(present: 21)
        return (first, second, registry)
    }

    /// Rejects C05 in `session` and closes it, appending the decision to the registry.
    func rejectAndClose(_ session: SessionFixture) throws {
        #expect(try session.vote(["C05"], against: 10).tallies[0].outcome == .rejected)
        try session.folder.run(.recordReason("C05", "业绩不足"))
        try session.folder.run(.announce)
        _ = try session.folder.openForWriting().closeMeeting()
    }

    @Test("R8: a session prepared before another closed reads the registry again at the deliberation")
    func readAgainAtDeliberation() throws {
        let (first, second, _) = try twoSessions()
        #expect(try second.folder.state().founding.registry.isEmpty)
        try rejectAndClose(first)
        do {
            try second.folder.run(.beginDeliberation(["C05"], opinion: nil))
            Issue.record("the second session must not deliberate C05 again")
        } catch {
            #expect(error.rule == .r8)
            #expect(error.description.contains("本评委会"))
        }
        try second.folder.run(.beginDeliberation(["C03"], opinion: nil))
    }

    @Test("R8: … and again at the vote opening, when the deliberation began before the other closed")
    func readAgainAtVoteOpening() throws {
        let (first, second, _) = try twoSessions()
        try second.folder.run(.beginDeliberation(["C05"], opinion: nil))
        try rejectAndClose(first)
        do {
            try second.folder.openForWriting().openRound(["C05"], paper: false)
            Issue.record("the second session must not count C05 again")
        } catch {
            #expect(error.rule == .r8)
        }
        #expect(try second.folder.state().rounds.isEmpty)
    }

    @Test("R8: the registry records the 评审年度; a later year's application of the same person is not barred")
    func laterYear() throws {
        let (first, _, registry) = try twoSessions()
        try rejectAndClose(first)
        #expect(try Registry(path: registry).decisions().map(\.year) == [2026])
        let dir = try SessionFixture.temporaryDirectory()
        let settings = try String(contentsOfFile: SessionFixture.samples + "/session.toml", encoding: .utf8)
            .replacingOccurrences(of: "year = 2026", with: "year = 2027")
        try settings.write(toFile: dir + "/session.toml", atomically: true, encoding: .utf8)
        let sources = SessionSources(settings: dir + "/session.toml", members: SessionFixture.samples + "/members.csv",
                                     candidates: SessionFixture.samples + "/candidates.csv", registry: registry)
        let (next, _) = try SessionFolder.create(at: dir + "/next", from: sources, clock: FixedClock("2027-11-20T09:00:00+08:00"))
        let state = try next.state()
        #expect(state.founding.registry.isEmpty && state.progress["C05"]?.stage == .pending)
    }

    @Test("appending the same session's decisions twice adds them once (an interrupted close can be repeated)")
    func idempotentAppend() throws {
        let path = try SessionFixture.temporaryDirectory() + "/registry.jsonl"
        let d = PastDecision(committee: "c", session: "s", date: "2026-11-26", candidate: "C01",
                             applicant: ApplicantKey(name: "甲", gender: "男", born: "1980-01", appliedTitle: "高级工程师", idNumber: nil),
                             unit: "u", outcome: .passed, yes: 20, denominator: 21)
        #expect(try Registry(path: path).append([d]) == 1)
        #expect(try Registry(path: path).append([d]) == 0)
        #expect(try Registry(path: path).decisions() == [d])
    }
}
