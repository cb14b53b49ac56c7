import Records

/// V9 — no candidate is counted twice or put to a vote again, in this session or after a past
/// decision of the committee, and a round is cancelled only before its first ballot (R8).
///
///     ∀c: |{r : c counted in r}| ≤ 1, and no round opens for c after c was counted
///     ∀ round r, c ∈ r: ∄ d ∈ registry (session.created's and --registry's, other sessions only,
///                       any committee) with the same 评审年度 (d.year, else d.date's year;
///                       settings.year, else settings.date's), the same 申报职称, and the same
///                       证件号码 (when both have one), else the same 姓名, 性别 and 出生年月 —
///                       every text compared after NFKC with invisible characters dropped
///     cancelled(r) ⇒ no ballot.issued and no sheet.entered in r before the cancellation,
///                    a reason is given, and r is not also closed
enum ReReview {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v9, unit: "名申报人 candidates")
        let f = e.facts
        var countedAt: [CandidateID: (p: Int, round: Int)] = [:]
        for item in f.counted {
            r.count += 1
            if let first = countedAt[item.candidate] {
                r.fail(item.p, "申报人 \(item.candidate) 已于第 \(first.round) 轮计票，第 \(item.round) 轮再次计票（复评）(R8: counted twice)")
            } else {
                countedAt[item.candidate] = (item.p, item.round)
            }
        }
        let session = f.session
        let year = f.settings.map { $0.year ?? Int($0.date.prefix(4)) ?? 0 }
        let registry = ((f.founding?.registry ?? []) + e.options.registry).filter { d in
            d.session != session && (d.year ?? Int(d.date.prefix(4)) ?? 0) == year
        }
        var reported = Set<String>()
        for round in f.rounds {
            for c in round.opened.candidates {
                if let first = countedAt[c], first.p < round.openedAt {
                    r.fail(round.openedAt, "申报人 \(c) 已于第 \(first.round) 轮表决，第 \(round.number) 轮又付表决（不得复评）(R8: put to the vote again)")
                }
                guard let candidate = f.candidates[c] else { continue }
                if let past = registry.first(where: { sameApplication($0.applicant, candidate) }), reported.insert(c).inserted {
                    r.fail(round.openedAt, "申报人 \(c)（\(candidate.name)）的同一申报已于 \(past.date) 经「\(past.committee)」评审（\(past.outcome.chinese)，会议 \(past.session.prefix(8))），不得复评 (R8: the same application was already decided)")
                }
            }
            for (p, cancel) in round.cancels {
                let cast = round.issued.filter { $0.p < p }.count + round.sheets.filter { $0.p < p }.count
                if cast > 0 {
                    r.fail(p, "第 \(round.number) 轮已有 \(cast) 张选票，仍被取消（等同复评）(R8: a round cancelled after ballots were cast)")
                }
                if cancel.reason.trimmingWhitespace().isEmpty {
                    r.fail(p, "取消第 \(round.number) 轮没有说明原因 (a cancellation without a reason)")
                }
                if !round.closes.isEmpty {
                    r.fail(p, "第 \(round.number) 轮既被取消又被计票 (a round both cancelled and closed)")
                }
            }
            for extra in round.cancels.dropFirst() {
                r.fail(extra.p, "第 \(round.number) 轮被重复取消 (a round cancelled twice)")
            }
        }
        for orphan in f.orphans where orphan.kind == "round.cancelled" {
            r.fail(orphan.p, "取消了未开始的第 \(orphan.round) 轮 (round \(orphan.round) cancelled but never opened)")
        }
        var numbers = Set<Int>()
        for round in f.rounds where !numbers.insert(round.number).inserted {
            r.fail(round.openedAt, "第 \(round.number) 轮被重复开始 (round number \(round.number) opened twice)")
        }
        return r
    }

    /// Whether a past decision's applicant and `c` are the same person applying for the same title.
    static func sameApplication(_ past: ApplicantKey, _ c: Candidate) -> Bool {
        guard PlainText.same(past.appliedTitle, c.appliedTitle) else { return false }
        let a = PlainText.of(past.idNumber ?? "").uppercased(), b = PlainText.of(c.idNumber ?? "").uppercased()
        if !a.isEmpty && !b.isEmpty { return a == b }
        return PlainText.same(past.name, c.name) && PlainText.same(past.gender, c.gender) && PlainText.same(past.born, c.born)
    }
}
