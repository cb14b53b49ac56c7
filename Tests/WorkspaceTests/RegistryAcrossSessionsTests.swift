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
