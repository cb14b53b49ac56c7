import Records

/// V6 — ballot credentials went only to eligible members, present, once, while the round was open (R4).
///
///     ∀ ballot.issued(r, m) at p: r is electronic ∧ open(r) < p < end(r)
///                                 ∧ m ∈ eligible(r) ∧ m ∈ present(p)
///     ∀ r, m: |issued(r, m)| ≤ 1
///     signed meetings: each issue records the hash of the blinded message (32 bytes), unique in its round
///     R16, walking the journal: wrong(m) counts pin.failed since m's PIN was issued or re-issued,
///     m was unlocked or m's credential issued; pin.failed(m) at p has failures = wrong(m)+1 < 5,
///     member.locked(m) has failures = wrong(m)+1 ≥ 5, both in an open electronic round with m
///     present and not locked; no credential to a locked m; member.unlocked(m) only for a locked m,
///     by the host of the moment, present; pin.reissued only to a present member
enum Credentials {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v6, unit: "张凭证 credentials")
        let f = e.facts
        for orphan in f.orphans where orphan.kind == "ballot.issued" {
            r.fail(orphan.p, "为未开始的第 \(orphan.round) 轮发放选票凭证 (R4: a credential for round \(orphan.round), never opened)")
        }
        for round in f.rounds {
            let eligible = Set(round.opened.eligible)
            var seen = Set<MemberID>()
            var blinded = Set<String>()
            for (p, issue) in round.issued {
                r.count += 1
                let m = issue.member
                if round.opened.paper {
                    r.fail(p, "第 \(round.number) 轮为纸质投票，却发放了电子选票凭证 (an electronic credential in a paper round)")
                }
                if p < round.openedAt || round.endedAt.map({ p > $0 }) ?? false {
                    r.fail(p, "第 \(round.number) 轮未在进行中，委员 \(m) 却领取选票凭证（不得补投）(R4: credential outside the open round)")
                }
                if let close = f.closing?.p, p > close {
                    r.fail(p, "会议结束后委员 \(m) 领取选票凭证（会后补投票）(R4: credential after the meeting closed)")
                }
                if !eligible.contains(m) {
                    r.fail(p, "委员 \(m) 不是第 \(round.number) 轮的投票人，却领取了选票凭证 (R3/R4: \(m) is not a voter of round \(round.number))")
                }
                if !f.attendance.isPresent(m, at: p) {
                    r.fail(p, "委员 \(m) 领取选票凭证时不在场（不得委托投票）(R4: \(m) was not present; no proxy voting)")
                }
                if !seen.insert(m).inserted {
                    r.fail(p, "委员 \(m) 在第 \(round.number) 轮第二次领取选票凭证 (R4: a second credential for \(m))")
                }
                if e.isSigned && !round.opened.paper {
                    if let hash = issue.blinded, Encodings.isHex(hash, bytes: 32) {
                        if !blinded.insert(hash).inserted {
                            r.fail(p, "第 \(round.number) 轮两次签发同一盲化消息 (the same blinded message is issued twice)")
                        }
                    } else {
                        r.fail(p, "签名会议的选票凭证没有盲化消息的哈希 (the issue records no blinded-message hash)")
                    }
                }
            }
        }
        pinLocks(e, &r)
        return r
    }

    /// Wrong PINs, locks and unlocks agree with each other and with the credentials issued (R16).
    static func pinLocks(_ e: Evidence, _ r: inout CheckResult) {
        let f = e.facts
        let limit = 5
        var events = f.pinEvents.map { (p: $0.p, event: Optional($0.value), credential: MemberID?.none) }
        for round in f.rounds { events += round.issued.map { (p: $0.p, event: nil, credential: $0.value.member) } }
        events.sort { $0.p < $1.p }
        var wrong: [MemberID: Int] = [:]
        var locked = Set<MemberID>()
        func duringVote(_ m: MemberID, _ n: Int, at p: Int) {
            guard let round = f.round(n), !round.opened.paper, round.openedAt < p, round.endedAt.map({ p < $0 }) ?? true else {
                return r.fail(p, "委员 \(m) 的 PIN 错误记录不在进行中的第 \(n) 轮电子投票内 (R16: a wrong PIN outside an open electronic round)")
            }
            if !f.attendance.isPresent(m, at: p) { r.fail(p, "委员 \(m) 不在场，却记录其 PIN 错误 (R16: a wrong PIN for an absent member)") }
            if locked.contains(m) { r.fail(p, "委员 \(m) 已被锁定，却又记录 PIN 错误 (R16: a wrong PIN recorded for a locked member)") }
        }
        for (p, event, credential) in events {
            if let m = credential {
                if locked.contains(m) { r.fail(p, "委员 \(m) 因 PIN 连续错误被锁定，未经主持人解锁却领取了选票凭证 (R16: a credential for a locked member)") }
                wrong[m] = 0
                continue
            }
            switch event! {
            case .issued(let m):
                wrong[m] = 0
            case .reissued(let m):
                if !f.attendance.isPresent(m, at: p) { r.fail(p, "为不在场的委员 \(m) 补发 PIN (R16: a PIN re-issued to an absent member)") }
                wrong[m] = 0
            case .failed(let x):
                duringVote(x.member, x.round, at: p)
                let n = wrong[x.member, default: 0] + 1
                if x.failures != n || n >= limit {
                    r.fail(p, "委员 \(x.member) 第 \(n) 次 PIN 错误，记录为 \(x.failures) 次\(n >= limit ? "，应予锁定" : "") (R16: wrong-PIN count \(x.failures), should be \(n))")
                }
                wrong[x.member] = n
            case .locked(let x):
                duringVote(x.member, x.round, at: p)
                let n = wrong[x.member, default: 0] + 1
                if x.failures != n || n < limit {
                    r.fail(p, "委员 \(x.member) 在第 \(n) 次 PIN 错误时被锁定（应在第 \(limit) 次）(R16: locked after \(n) wrong PINs, not \(limit))")
                }
                wrong[x.member] = n
                locked.insert(x.member)
            case .unlocked(let x):
                if locked.remove(x.member) == nil { r.fail(p, "解锁未被锁定的委员 \(x.member) (R16: unlocking a member who is not locked)") }
                if x.host != f.host(at: p) || !f.attendance.isPresent(x.host, at: p) {
                    r.fail(p, "解锁委员 \(x.member) 的 \(x.host) 不是当时在场的主持人 (R16: unlocked by someone other than the present host)")
                }
                wrong[x.member] = 0
            }
        }
    }
}
