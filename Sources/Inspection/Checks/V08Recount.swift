import Records

/// V8 — the recount equals the recorded tally, and the two-thirds rule gives the recorded result (R7, R10).
///
///     ∀ closed r, c ∈ candidates(r), exactly one tally(c):
///         (yes, no, abstain) = recount(c)      from the ballots (electronic) or the settled
///                                              sheets (paper: over-cap sheet void; 0 or ≥ 2
///                                              marks, or an invalid mark, void for that candidate)
///         N = denominators(r)(c) ∧ void = N − yes − no − abstain ≥ 0
///         outcome = passed ⇔ 3·yes ≥ 2·N        (integers only; "以上" includes the bound)
///     paper: returned = |settled sheets|
enum Recount {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v8, unit: "项计票 tallies")
        for round in e.facts.rounds {
            guard let (p, closed) = round.closed else { continue }
            let candidates = round.opened.candidates
            let recount: [CandidateID: (yes: Int, no: Int, abstain: Int)]
            if round.opened.paper {
                let reading = PaperReading(round.sheets.filter { $0.p < p }.map(\.value))
                recount = reading.count(candidates: candidates, cap: round.opened.yesCap)
                if closed.returned != reading.settled.count {
                    r.fail(p, "第 \(round.number) 轮记回收 \(closed.returned) 张，双人一致录入的选票为 \(reading.settled.count) 张 (returned differs from the settled sheets)")
                }
            } else {
                var counts: [CandidateID: (yes: Int, no: Int, abstain: Int)] = [:]
                for c in candidates { counts[c] = (0, 0, 0) }
                for ballot in closed.ballots {
                    for (c, choice) in ballot.choices where counts[c] != nil { tally(&counts[c]!, choice) }
                }
                recount = counts
            }
            let named = closed.tallies.map(\.candidate)
            if named.sorted() != candidates.sorted() {
                r.fail(p, "第 \(round.number) 轮的计票对象 \(named.joined(separator: "、")) 与选票上的申报人 \(candidates.joined(separator: "、")) 不符 (tallies do not match the sheet's candidates)")
            }
            for t in closed.tallies {
                r.count += 1
                guard let counted = recount[t.candidate] else { continue }
                let n = round.opened.denominators[t.candidate] ?? -1
                if t.denominator != n {
                    r.fail(p, "申报人 \(t.candidate) 的计票基数 N 记为 \(t.denominator)，开始投票时为 \(n) (R7: N changed after the vote opened)")
                }
                if (t.yes, t.no, t.abstain) != (counted.yes, counted.no, counted.abstain) {
                    r.fail(p, "申报人 \(t.candidate) 记为同意 \(t.yes)、不同意 \(t.no)、弃权 \(t.abstain)，重新计票为同意 \(counted.yes)、不同意 \(counted.no)、弃权 \(counted.abstain) (the recount differs from the tally)")
                }
                if t.void != t.denominator - t.yes - t.no - t.abstain || t.void < 0 {
                    r.fail(p, "申报人 \(t.candidate)：同意 \(t.yes) + 不同意 \(t.no) + 弃权 \(t.abstain) + 无效 \(t.void) ≠ N = \(t.denominator) (the counts do not add up to N)")
                }
                let passes = 3 * t.yes >= 2 * t.denominator
                if (t.outcome == .passed) != passes {
                    r.fail(p, "申报人 \(t.candidate)：3×\(t.yes) \(passes ? "≥" : "<") 2×\(t.denominator)，应为\(passes ? "通过" : "未通过")，记为\(t.outcome.chinese) (R7: the two-thirds rule gives \(passes ? "passed" : "rejected"))")
                }
            }
        }
        return r
    }
}
