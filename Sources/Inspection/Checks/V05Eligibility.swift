import Records

/// V5 — each round's voters are exactly those who attended the whole deliberation and are not
/// recused, the same for every candidate on one sheet, and N follows the settings (R3, R6, R7, R9).
///
///     d(c) = the latest deliberation.began naming c before open(r)
///     attended(c, r) = {m : m present without a break from d(c) to open(r)}
///     recused(c, r) = {m : a recusal of m from c before open(r)}
///     ∀c ∈ r: eligible(r) = attended(c, r) ∖ recused(c, r)                     (R3, R6, R9)
///     N(c) = |base ∖ recused| (recused leave N) or |base| (they stay),
///            base = attended(c, r) (denominator = eligible) or present(open(r)) (= present)   (R7)
///     yesCap(r) = the settings' yesCap
///     ∀c: |{deliberation.began naming c}| ≤ 1      (a deliberation begun again would restore
///                                                   the vote of members who left: R3)
enum Eligibility {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v5, unit: "项（轮次×申报人）(round × candidate)")
        let f = e.facts
        guard let settings = f.settings else { return r }
        var begun: [CandidateID: Int] = [:]
        for (p, d) in f.deliberations {
            for c in d.candidates {
                if let first = begun[c] {
                    r.fail(p, "申报人 \(c) 的评议已于第 \(first) 条开始，又再次开始（不得重新评议）(R3: the deliberation of \(c) begins a second time)")
                } else {
                    begun[c] = p
                }
            }
        }
        for round in f.rounds {
            let q = round.openedAt
            let opened = round.opened
            let listed = Set(opened.eligible)
            if listed.count != opened.eligible.count {
                r.fail(q, "第 \(round.number) 轮投票人名单有重复 (round \(round.number) lists a voter twice)")
            }
            if opened.candidates.isEmpty || Set(opened.candidates).count != opened.candidates.count {
                r.fail(q, "第 \(round.number) 轮的申报人为空或重复 (round \(round.number) has no or repeated candidates)")
            }
            if Set(opened.denominators.keys) != Set(opened.candidates) {
                r.fail(q, "第 \(round.number) 轮的基数 N 与申报人不对应 (round \(round.number)'s denominators do not match its candidates)")
            }
            if opened.yesCap != settings.yesCap {
                r.fail(q, "第 \(round.number) 轮的同意票限额为 \(opened.yesCap)，设置为 \(settings.yesCap) (R10: cap differs from the settings)")
            }
            var firstEligible: (CandidateID, Set<MemberID>)?
            for c in opened.candidates {
                r.count += 1
                guard f.candidates[c] != nil else {
                    r.fail(q, "第 \(round.number) 轮的申报人 \(c) 不在名单中 (unknown candidate \(c))")
                    continue
                }
                guard let d = f.deliberations.last(where: { $0.p < q && $0.value.candidates.contains(c) })?.p else {
                    r.fail(q, "申报人 \(c) 未经评议即付表决 (R3: candidate \(c) was put to the vote without deliberation)")
                    continue
                }
                let recused = Set(f.recusals.filter { $0.p < q && $0.value.candidate == c }.map(\.value.member))
                let attended = f.roster.filter { f.attendance.wasPresentThroughout($0, from: d, to: q) }
                let eligible = Set(attended).subtracting(recused)
                for m in f.roster where listed.contains(m) && !eligible.contains(m) {
                    r.fail(q, "第 \(round.number) 轮列 \(m) 为投票人，但其对 \(c) \(why(m, c, d, q, recused, f)) (R3/R6: \(m) may not vote on \(c))")
                }
                for m in f.roster where eligible.contains(m) && !listed.contains(m) {
                    r.fail(q, "委员 \(m) 全程参加了对 \(c) 的评议且未回避，第 \(round.number) 轮却未列为投票人 (R3: \(m) was left off the voters of \(c))")
                }
                if let (first, set) = firstEligible, set != eligible {
                    r.fail(q, "第 \(round.number) 轮合并表决的 \(first) 与 \(c) 投票人不同 (R9: one sheet for candidates with different voters)")
                }
                if firstEligible == nil { firstEligible = (c, eligible) }
                let base = settings.denominator == .eligible ? Set(attended) : Set(f.attendance.present(at: q, roster: f.roster))
                let n = settings.recusedLeaveDenominator ? base.subtracting(recused).count : base.count
                if let recorded = opened.denominators[c], recorded != n {
                    r.fail(q, "申报人 \(c) 的基数 N 记为 \(recorded)，按出席与回避应为 \(n) (R7: N for \(c) is \(recorded), should be \(n))")
                }
            }
        }
        return r
    }

    /// Why `m` may not vote on `c`, for the message.
    static func why(_ m: MemberID, _ c: CandidateID, _ d: Int, _ q: Int, _ recused: Set<MemberID>, _ f: SessionFacts) -> String {
        if recused.contains(m) { return "已回避" }
        if !f.attendance.isPresent(m, at: d) { return "评议开始（第 \(d) 条）时不在场" }
        if let left = f.attendance.departure(of: m, before: q + 1), left > d { return "于第 \(left) 条中途离会" }
        return "未全程参加评议"
    }
}
