import Records

/// V12 — results were announced and rejections reasoned before the close, and nothing but
/// signatures came after it (R12, R13, R14).
///
///     exactly one meeting.closed, at position z; every round ended (closed or cancelled) before z;
///     it registered every counted decision (when the session has a registry) and no other
///     ∀c counted at q: ∃ results.announced naming c at a, q < a < z            (R12)
///     ∀c rejected at q: ∃ reason.recorded for c at s, q < s < z, text ≠ ""     (R13)
///     announcements name only counted candidates; reasons only rejected ones
///     ∀ p > z: event(p) = checkpoint.signed (p = z + 1 only, signed meetings) ∨ document.signed   (R14)
enum Closing {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v12, unit: "名计票的申报人 counted candidates")
        let f = e.facts
        guard let z = f.closing?.p else {
            r.fail(nil, "会议尚未结束（没有 meeting.closed）：记录不完整 (the meeting has not closed: the record is incomplete)")
            return r
        }
        for extra in f.closings.dropFirst() {
            r.fail(extra.p, "会议重复结束 (the meeting closed a second time)")
        }
        for round in f.rounds where (round.endedAt.map { $0 > z } ?? true) {
            r.fail(round.openedAt, "第 \(round.number) 轮在会议结束时仍未结束 (round \(round.number) still open at the close)")
        }
        let counted = f.counted
        if let closing = f.closing {
            let expected = f.founding?.registryPath == nil ? 0 : counted.count
            if closing.value.registered != expected {
                r.fail(z, "结束会议记录登记了 \(closing.value.registered) 项评审决定，应为 \(expected) 项 (the close registered \(closing.value.registered) decisions, not \(expected))")
            }
        }
        for item in counted {
            r.count += 1
            if !f.announcements.contains(where: { $0.p > item.p && $0.p < z && $0.value.candidates.contains(item.candidate) }) {
                r.fail(item.p, "申报人 \(item.candidate) 的评审结果未在结束会议前当场公布 (R12: the result of \(item.candidate) was not announced before the close)")
            }
            if item.tally.outcome == .rejected,
               !f.reasons.contains(where: { $0.p > item.p && $0.p < z && $0.value.candidate == item.candidate && !$0.value.text.trimmingWhitespace().isEmpty }) {
                r.fail(item.p, "未通过的申报人 \(item.candidate) 没有在结束会议前记录原因 (R13: no reason recorded for rejected \(item.candidate))")
            }
        }
        for (p, a) in f.announcements {
            for c in a.candidates where !counted.contains(where: { $0.candidate == c && $0.p < p }) {
                r.fail(p, "公布了尚未计票的申报人 \(c) 的结果 (R12: a result announced for \(c), not counted)")
            }
        }
        for (p, note) in f.reasons where !counted.contains(where: { $0.candidate == note.candidate && $0.p < p && $0.tally.outcome == .rejected }) {
            r.fail(p, "为未被否决的申报人 \(note.candidate) 记录了未通过原因 (a reason for \(note.candidate), who was not rejected)")
        }
        for (p, entry) in e.journal.decoded where p > z {
            switch entry.event {
            case .checkpointSigned where p == z + 1 && e.isSigned: continue
            case .documentSigned: continue
            default:
                r.fail(p, "会议结束后追加了 \(entry.event.kind)：除签名外不得追加任何记录 (R14: \(entry.event.kind) after the close)")
            }
        }
        if e.journal.count > z, e.journal.entries[z...].contains(where: { $0 == nil }) {
            r.fail(nil, "会议结束后有无法解析的记录 (unreadable entries after the close)")
        }
        return r
    }
}
