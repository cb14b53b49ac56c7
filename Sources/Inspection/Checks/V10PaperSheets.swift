import Records

/// V10 — in paper rounds every returned sheet was read alike by two tellers, and no more sheets
/// came back than were handed out (R4).
///
///     ∀ paper r, sheet s entered in r: 1 ≤ s ≤ |eligible(r)| (one sheet per voter)
///                                      ∧ open(r) < entry < end(r) ∧ marks ⊆ candidates(r)
///                                      ∧ teller named
///     closed r: every entered sheet has ≥ 2 distinct tellers whose latest readings agree
///     electronic r: no sheets
enum PaperSheets {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v10, unit: "次录入 sheet entries")
        for orphan in e.facts.orphans where orphan.kind == "sheet.entered" {
            r.fail(orphan.p, "为未开始的第 \(orphan.round) 轮录入纸质选票 (a sheet for round \(orphan.round), never opened)")
        }
        for round in e.facts.rounds {
            let distributed = round.opened.eligible.count
            let onSheet = Set(round.opened.candidates)
            for (p, entry) in round.sheets {
                r.count += 1
                if !round.opened.paper {
                    r.fail(p, "第 \(round.number) 轮为电子投票，却录入纸质选票 (a paper sheet in an electronic round)")
                }
                if entry.sheet < 1 || entry.sheet > distributed {
                    r.fail(p, "第 \(round.number) 轮共发出 \(distributed) 张选票，录入的是第 \(entry.sheet) 张 (R4: sheet \(entry.sheet) of \(distributed) handed out)")
                }
                if p < round.openedAt || round.endedAt.map({ p > $0 }) ?? false {
                    r.fail(p, "第 \(round.number) 轮未在进行中时录入选票 (R4: a sheet entered outside the open round)")
                }
                if entry.teller.trimmingWhitespace().isEmpty {
                    r.fail(p, "录入人姓名为空 (no teller named)")
                }
                for c in entry.marks.keys.sorted() where !onSheet.contains(c) {
                    r.fail(p, "第 \(entry.sheet) 张选票上有不在本轮的申报人 \(c) (a mark for \(c), not on this sheet)")
                }
            }
            guard round.opened.paper, let (p, _) = round.closed else { continue }
            let reading = PaperReading(round.sheets.filter { $0.p < p }.map(\.value))
            for sheet in reading.readings.keys.sorted() where reading.settled[sheet] == nil {
                let tellers = reading.readings[sheet]!.map(\.teller)
                let why = tellers.count < 2 ? "仅由 \(tellers.joined()) 一人录入" : "\(tellers.joined(separator: "、")) 的录入不一致"
                r.fail(p, "第 \(round.number) 轮第 \(sheet) 张选票\(why)，却已结束计票 (sheet \(sheet) not settled by two tellers)")
            }
        }
        return r
    }
}
