import Records
import Review
import Testing

/// R3: a candidate's deliberation begins once; a journal beginning it again is damaged.
@Suite("Deliberation begins once")
struct DeliberationOnceTests {
    @Test("a second deliberation.began for a candidate does not replay")
    func secondBeginning() throws {
        var m = Meeting()
        m.open(present: 20)
        m.ok(.beginDeliberation(["C01"], opinion: nil))
        m.ok(.checkOut("M05", reason: nil))
        m.checkIn(["M05"])
        var events = m.history
        events.append(.deliberationBegan(DeliberationBegan(candidates: ["C02", "C01"], opinion: nil, recusals: [])))
        var entries = [Entry(seq: 1, at: "2026-11-26T08:00:00+08:00", event: .sessionCreated(m.state.founding))]
        for (i, e) in events.enumerated() { entries.append(Entry(seq: i + 2, at: "2026-11-26T09:00:00+08:00", event: e)) }
        #expect(throws: ReplayError.self) { try SessionState.replay(entries) }
        do { _ = try SessionState.replay(entries) } catch {
            #expect(error.seq == entries.count && error.problem.contains("C01"))
        }
        // The engine refuses it in the first place.
        m.invalid(.beginDeliberation(["C01"], opinion: nil))
    }
}
