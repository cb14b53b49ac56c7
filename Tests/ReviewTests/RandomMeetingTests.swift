import Records
import Review
import Testing
import TestSupport

/// Random meetings: a chair, members and a careless or hostile keyboard issue random commands,
/// accepted or not; afterwards the accepted events are checked against the rules by a model
/// built here from the events alone, never from the engine's state.
@Suite("Random meetings (property-based)")
struct RandomMeetingTests {
    @Test("properties hold in random meetings", arguments: Array(UInt64(1)...UInt64(200)))
    func randomMeeting(seed: UInt64) {
        let m = Self.play(seed: seed)
        let problems = Self.violations(in: m.history, settings: m.state.settings, members: m.state.members)
        #expect(problems.isEmpty, "seed \(seed): \(problems.joined(separator: "; "))")
        #expect(m.history.count > 10, "seed \(seed): the meeting did too little to test anything")
    }

    @Test("the random meetings reach the rarer states: PIN locks and unlocks, recusals, cancellations")
    func coverage() {
        var kinds: [String: Int] = [:]
        for seed in UInt64(1)...UInt64(200) {
            for e in Self.play(seed: seed).history { kinds[e.kind, default: 0] += 1 }
        }
        for kind in ["pin.failed", "member.locked", "member.unlocked", "member.recused", "round.cancelled", "round.closed", "results.announced"] {
            #expect(kinds[kind, default: 0] > 0, "no \(kind) in 200 random meetings")
        }
    }

    /// One random meeting from `seed`.
    static func play(seed: UInt64) -> Meeting {
        var rng = SeededRandom(seed: seed)
        let size = [11, 15, 25][Int.random(in: 0..<3, using: &rng)]
        var m = Meeting(size: size, candidates: 8, denominator: Bool.random(using: &rng) ? .eligible : .present,
                        recusedLeaveDenominator: Bool.random(using: &rng), yesCap: Int.random(in: 0...2, using: &rng))
        let all = Meeting.members(1...size)
        let candidates = (1...8).map(Meeting.candidate)
        var castChoices: [[CandidateID: Choice]] = []
        m.checkIn(Array(all.prefix(size - Int.random(in: 0...3, using: &rng))))

        for _ in 0..<160 {
            let absent = all.filter { !m.state.present.contains($0) }
            let present = m.state.presentInOrder
            switch Int.random(in: 0..<14, using: &rng) {
            case 0: if let a = absent.randomElement(using: &rng) { m.checkIn([a]) }
            case 1: if let p = present.randomElement(using: &rng) { _ = try? m.run(.checkOut(p, reason: nil)) }
            case 2: _ = try? m.run(.openMeeting(host: all[Int.random(in: 0..<4, using: &rng)], recorder: "记录人", agenda: [], seal: nil))
            case 3:
                let pick = Array(candidates.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
                _ = try? m.run(.beginDeliberation(pick, opinion: nil))
            case 4:
                let deliberating = candidates.filter { m.state.progress[$0]!.stage == .deliberating }
                let pick = Array(deliberating.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
                if !pick.isEmpty, (try? m.run(.openRound(pick, paper: false))) != nil { castChoices = [] }
            case 5, 6, 7, 8:
                guard let round = m.state.openRound else { continue }
                var voter = all.randomElement(using: &rng)!
                var choices: [CandidateID: Choice] = [:]
                for c in round.opened.candidates where Int.random(in: 0..<6, using: &rng) > 0 {
                    choices[c] = Choice.allCases.randomElement(using: &rng)!
                }
                // One cast in three tries someone else's PIN, most of those for M05, whose five
                // wrong ones lock them until the host unlocks (R16).
                let wrong = Int.random(in: 0..<3, using: &rng) == 0
                if wrong && Int.random(in: 0..<4, using: &rng) > 0 { voter = all[4] }
                let holder = wrong ? all.randomElement(using: &rng)! : voter
                let command = Command.castBallot(member: voter, pinMAC: m.pins[holder].map(Meeting.hash), choices: choices)
                if (try? m.run(command)) != nil { castChoices.append(choices) }
            case 9:
                if m.state.openRound != nil, (try? m.run(.closeRound(ballots: Meeting.ballots(castChoices)))) != nil { castChoices = [] }
            case 10: _ = try? m.run(.cancelRound(reason: "测试"))
            case 11:
                if let p = all.randomElement(using: &rng), let c = candidates.randomElement(using: &rng) {
                    _ = try? m.run(.recuse(p, candidate: c, reason: "测试"))
                }
            case 12:
                _ = try? m.run(.announce)
                _ = try? m.run(.unlock(Bool.random(using: &rng) ? all[4] : present.randomElement(using: &rng) ?? all[0]))
            default:
                if let c = m.state.rejectedWithoutReason.first { _ = try? m.run(.recordReason(c, "原因")) }
                _ = try? m.run(.changeHost(all[Int.random(in: 0..<3, using: &rng)]))
            }
        }
        return m
    }

    /// Every rule broken by `events`, re-derived from the events alone.
    static func violations(in events: [Event], settings: Settings, members: [Member]) -> [String] {
        var problems: [String] = []
        var present = Set<MemberID>()
        var open = false
        var host: MemberID?
        var attended: [CandidateID: Set<MemberID>] = [:]
        var recused: [CandidateID: Set<MemberID>] = [:]
        var rounds: [Int: (eligible: Set<MemberID>, issued: Set<MemberID>, open: Bool)] = [:]
        var counted = Set<CandidateID>()
        var wrongPINs: [MemberID: Int] = [:]
        var locked = Set<MemberID>()
        let offices = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.office) })

        for (i, event) in events.enumerated() {
            switch event {
            case .membersArrived(let e):
                for a in e.arrivals {
                    if present.contains(a.member) { problems.append("#\(i) \(a.member) arrived twice") }
                    present.insert(a.member)
                    wrongPINs[a.member] = 0
                }
            case .memberLeft(let e):
                present.remove(e.member)
                for c in attended.keys { attended[c]!.remove(e.member) }
            case .meetingOpened(let e):
                if present.count < settings.quorum { problems.append("#\(i) R1: opened with \(present.count)") }
                if !present.contains(e.host) || offices[e.host] == .member { problems.append("#\(i) R2: host \(e.host)") }
                open = true
                host = e.host
            case .hostChanged(let e):
                if !present.contains(e.host) || offices[e.host] == .member { problems.append("#\(i) R2: host \(e.host)") }
                host = e.host
            case .deliberationBegan(let e):
                if !open { problems.append("#\(i) deliberation before opening") }
                if let host, !present.contains(host) { problems.append("#\(i) R2: host absent") }
                for c in e.candidates {
                    if attended[c] != nil || counted.contains(c) { problems.append("#\(i) \(c) deliberated twice") }
                    attended[c] = present
                }
                for r in e.recusals { recused[r.candidate, default: []].insert(r.member) }
                if let host, e.candidates.contains(where: { recused[$0]?.contains(host) ?? false }) { problems.append("#\(i) R2: recused host deliberates") }
            case .memberRecused(let r):
                recused[r.candidate, default: []].insert(r.member)
            case .roundOpened(let e):
                if present.count < settings.quorum { problems.append("#\(i) R1: vote opened with \(present.count)") }
                if let host, e.candidates.contains(where: { recused[$0]?.contains(host) ?? false }) { problems.append("#\(i) R2: recused host opens a vote") }
                if settings.denominator == .eligible, e.candidates.contains(where: { (attended[$0] ?? []).count < settings.quorum }) {
                    problems.append("#\(i) R1: fewer than the quorum attended the deliberation")
                }
                let first = e.candidates.first.map { (attended[$0] ?? []).subtracting(recused[$0] ?? []) } ?? []
                for c in e.candidates {
                    if counted.contains(c) { problems.append("#\(i) R8: \(c) voted again") }
                    let allowed = (attended[c] ?? []).subtracting(recused[c] ?? [])
                    if Set(e.eligible) != allowed { problems.append("#\(i) R3/R6: eligible for \(c) ≠ attended − recused") }
                    if allowed != first { problems.append("#\(i) R9: batch with different voters") }
                    let base = settings.denominator == .eligible ? (attended[c] ?? []) : present
                    let n = settings.recusedLeaveDenominator ? base.subtracting(recused[c] ?? []).count : base.count
                    if e.denominators[c] != n { problems.append("#\(i) R7: N for \(c) is \(e.denominators[c] ?? -1), expected \(n)") }
                }
                if rounds.values.contains(where: \.open) { problems.append("#\(i) two rounds open") }
                rounds[e.round] = (Set(e.eligible), [], true)
            case .ballotIssued(let e):
                guard var r = rounds[e.round], r.open else { problems.append("#\(i) R4: ballot outside an open round"); continue }
                if !present.contains(e.member) { problems.append("#\(i) R4: absent \(e.member) voted") }
                if !r.eligible.contains(e.member) { problems.append("#\(i) R3: ineligible \(e.member) voted") }
                if r.issued.contains(e.member) { problems.append("#\(i) R4: \(e.member) voted twice") }
                if locked.contains(e.member) { problems.append("#\(i) R16: locked \(e.member) voted") }
                wrongPINs[e.member] = 0
                r.issued.insert(e.member)
                rounds[e.round] = r
            case .roundCancelled(let e):
                if let r = rounds[e.round], !r.issued.isEmpty { problems.append("#\(i) R8: cancelled after ballots") }
                rounds[e.round]?.open = false
            case .roundClosed(let e):
                guard let r = rounds[e.round] else { problems.append("#\(i) closed an unknown round"); continue }
                if e.ballots.count > r.issued.count { problems.append("#\(i) R4: more ballots than issued") }
                if e.ballots.map(\.id) != e.ballots.map(\.id).sorted() { problems.append("#\(i) R5: block not sorted") }
                for t in e.tallies {
                    if !counted.insert(t.candidate).inserted { problems.append("#\(i) R8: \(t.candidate) counted twice") }
                    if t.yes + t.no + t.abstain + t.void != t.denominator { problems.append("#\(i) R7: \(t.candidate) counts do not add up") }
                    if t.yes + t.no + t.abstain > e.ballots.count { problems.append("#\(i) R7: more marks than ballots") }
                    if (t.outcome == .passed) != (3 * t.yes >= 2 * t.denominator) { problems.append("#\(i) R7: wrong outcome for \(t.candidate)") }
                    let recount = e.ballots.filter { $0.choices[t.candidate] == .yes }.count
                    if recount != t.yes { problems.append("#\(i) R7: recount \(recount) ≠ \(t.yes)") }
                }
                rounds[e.round]?.open = false
            case .meetingClosed:
                open = false
            case .resultsAnnounced(let e):
                if e.candidates.contains(where: { recused[$0]?.contains(e.host) ?? false }) { problems.append("#\(i) R2: recused host announces") }
            case .pinFailed(let e):
                wrongPINs[e.member, default: 0] += 1
                if locked.contains(e.member) || e.failures != wrongPINs[e.member] || e.failures >= 5 { problems.append("#\(i) R16: wrong-PIN count") }
            case .memberLocked(let e):
                wrongPINs[e.member, default: 0] += 1
                if locked.contains(e.member) || e.failures != wrongPINs[e.member] || e.failures != 5 { problems.append("#\(i) R16: lock at \(e.failures)") }
                locked.insert(e.member)
            case .memberUnlocked(let e):
                if locked.remove(e.member) == nil { problems.append("#\(i) R16: unlocked \(e.member), not locked") }
                if e.host != host || !present.contains(e.host) { problems.append("#\(i) R16: unlocked by \(e.host)") }
                wrongPINs[e.member] = 0
            default:
                break
            }
        }
        return problems
    }
}
