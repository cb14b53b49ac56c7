import Records

/// V4 — the quorum held and a present chair or vice-chair hosted (R1, R2).
///
///     size = |members| ∧ quorum ≥ ⌈2·size/3⌉
///     exactly one meeting.opened, and nothing is deliberated or voted before it
///     ∀t ∈ {open} ∪ {round.opened}: |present(t)| ≥ quorum
///     ∀t ∈ {open, host.changed, deliberation.began, round.opened, results.announced, meeting.closed}:
///         host(t) ∈ present(t) ∧ office(host(t)) ∈ {主任委员, 副主任委员}
///     ∀t ∈ {deliberation.began, round.opened, results.announced}, c concerned at t:
///         host(t) ∉ recused(c, t)                      (R2 with R6: a recused host hands over)
///     denominator = eligible: ∀ round r, c ∈ r: |attended(c, r)| ≥ quorum
///         attended(c, r) = {m : m present without a break from d(c) to open(r)}, recused included
///     attendance is consistent: no arrival while present, no departure while absent, no unknown member
enum Quorum {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v4, unit: "个时点 moments")
        let f = e.facts
        guard let settings = f.settings else {
            r.fail(1, "没有 session.created，无法得知委员名单与规定人数 (no session.created: no roster, no quorum)")
            return r
        }
        if settings.size != f.roster.count {
            r.fail(1, "委员总数设为 \(settings.size)，名单却有 \(f.roster.count) 人 (size \(settings.size) but \(f.roster.count) members listed)")
        }
        if 3 * settings.quorum < 2 * settings.size {
            r.fail(1, "规定人数 \(settings.quorum) 少于委员总数 \(settings.size) 的三分之二 (quorum below two thirds of the committee)")
        }
        for (p, message) in f.attendance.anomalies { r.fail(p, message) }
        guard let opening = f.opening else {
            r.fail(nil, "会议从未开始（没有 meeting.opened）(the meeting was never opened)")
            return r
        }
        for extra in f.openings.dropFirst() {
            r.fail(extra.p, "会议重复开始（第 \(opening.p) 条已开会）(the meeting is opened a second time)")
        }
        for (p, _) in f.deliberations where p < opening.p {
            r.fail(p, "开会之前开始评议 (deliberation before the meeting opened)")
        }
        for round in f.rounds where round.openedAt < opening.p {
            r.fail(round.openedAt, "开会之前开始投票 (a vote before the meeting opened)")
        }
        func quorum(at p: Int, _ what: String) {
            let present = f.attendance.present(at: p, roster: f.roster).count
            r.count += 1
            if present < settings.quorum {
                r.fail(p, "\(what)时出席委员 \(present) 人，少于规定人数 \(settings.quorum) 人 (R1: \(present) present, quorum \(settings.quorum))")
            }
        }
        func host(_ id: MemberID?, at p: Int, _ what: String) {
            guard let id, let member = f.members[id] else {
                return r.fail(p, "\(what)：主持人 \(id ?? "?") 不在委员名单中 (R2: the host is not a member)")
            }
            if member.office != .chair && member.office != .viceChair {
                r.fail(p, "\(what)：主持人 \(id)（\(member.name)）职务为\(member.office.rawValue)，须为主任委员或副主任委员 (R2: the host must be the chair or a vice-chair)")
            }
            if !f.attendance.isPresent(id, at: p) {
                r.fail(p, "\(what)：主持人 \(id)（\(member.name)）不在场 (R2: the host is not present)")
            }
        }
        quorum(at: opening.p, "开会")
        host(opening.value.host, at: opening.p, "开会")
        for (p, id) in f.hostChanges { host(id, at: p, "更换主持人") }
        /// R2 with R6: the host leads nothing about a candidate they are recused from.
        func notRecused(_ id: MemberID?, from candidates: [CandidateID], upTo last: Int, at p: Int, _ what: String) {
            guard let id else { return }
            for c in candidates where f.recusals.contains(where: { $0.p <= last && $0.value.candidate == c && $0.value.member == id }) {
                r.fail(p, "\(what)：主持人 \(id) 已对申报人 \(c) 回避，须由未回避的主任委员或副主任委员主持 (R2: the host is recused from \(c))")
            }
        }
        for (p, d) in f.deliberations where p > opening.p {
            host(f.host(at: p), at: p, "开始评议 \(d.candidates.joined(separator: "、"))")
            notRecused(f.host(at: p), from: d.candidates, upTo: p, at: p, "开始评议")
        }
        for round in f.rounds {
            let q = round.openedAt
            quorum(at: q, "第 \(round.number) 轮开始投票")
            host(f.host(at: q), at: q, "第 \(round.number) 轮开始投票")
            notRecused(f.host(at: q), from: round.opened.candidates, upTo: q - 1, at: q, "第 \(round.number) 轮开始投票")
            if settings.denominator == .eligible { deliberationQuorum(round, f, settings, &r) }
        }
        for (p, a) in f.announcements {
            if a.host != f.host(at: p) { r.fail(p, "公布结果的 \(a.host) 不是当时的主持人 \(f.host(at: p) ?? "?") (R12: announced by someone other than the host)") }
            host(a.host, at: p, "公布结果")
            notRecused(a.host, from: a.candidates, upTo: p - 1, at: p, "公布结果")
        }
        for (p, c) in f.closings {
            if c.host != f.host(at: p) { r.fail(p, "结束会议的 \(c.host) 不是当时的主持人 \(f.host(at: p) ?? "?") (closed by someone other than the host)") }
            host(c.host, at: p, "结束会议")
        }
        return r
    }

    /// R1 under `denominator = "eligible"`: for each candidate of the round, the members who
    /// attended its whole deliberation (voters and recused alike) number at least the quorum.
    static func deliberationQuorum(_ round: SessionFacts.Round, _ f: SessionFacts, _ settings: Settings, _ r: inout CheckResult) {
        let q = round.openedAt
        for c in round.opened.candidates {
            guard let d = f.deliberations.last(where: { $0.p < q && $0.value.candidates.contains(c) })?.p else { continue }
            let attended = f.roster.filter { f.attendance.wasPresentThroughout($0, from: d, to: q) }.count
            if attended < settings.quorum {
                r.fail(q, "第 \(round.number) 轮：全程参加对 \(c) 评议的委员仅 \(attended) 人，少于规定人数 \(settings.quorum) 人（denominator = eligible）(R1: \(attended) attended the deliberation of \(c), quorum \(settings.quorum))")
            }
        }
    }
}
