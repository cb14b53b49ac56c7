import Records

/// V6 — ballot credentials went only to eligible members, present, once, while the round was open (R4).
///
///     ∀ ballot.issued(r, m) at p: r is electronic ∧ open(r) < p < end(r)
///                                 ∧ m ∈ eligible(r) ∧ m ∈ present(p)
///     ∀ r, m: |issued(r, m)| ≤ 1
///     signed meetings: each issue records the hash of the blinded message (32 bytes), unique in its round
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
        return r
    }
}
