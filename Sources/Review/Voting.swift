import Records

/// Opening, casting, paper entry, closing and cancelling ballot rounds (R1, R3–R10).
extension SessionState {
    /// The members who may vote on `id` now: present throughout its deliberation, not recused.
    public func eligibleNow(for id: CandidateID) -> [MemberID] {
        let p = progress[id]!
        let recused = p.recused
        return members.map(\.id).filter { p.attended.contains($0) && !recused.contains($0) }
    }

    /// N for `id` if its round opened now (R6, R7).
    public func denominatorNow(for id: CandidateID) -> Int {
        let p = progress[id]!
        let recused = p.recused
        let base = settings.denominator == .eligible ? p.attended : present
        return settings.recusedLeaveDenominator ? base.subtracting(recused).count : base.count
    }

    func openRound(_ ids: [CandidateID], paper: Bool, credentialKey: String?, tellers: [String], registry: [PastDecision]) throws(Rejection) -> Event {
        try requireOpenMeeting("开始投票", "open a vote")
        if let open = openRound {
            throw .invalid(InputError("第 \(open.number) 轮投票尚未结束，请先结束（vote close）或取消（vote cancel）",
                                      "round \(open.number) is still open; close or cancel it first"))
        }
        try requireHostPresent("开始投票", "open a vote")
        try requireQuorum("开始投票", "open a vote")
        let list = try requireCandidates(ids)
        for c in list {
            try refuseReReview(c.id, registry: registry)
            guard progress[c.id]!.stage == .deliberating else {
                throw .refused(Refusal(.r3, "申报人 \(whom(c.id)) 尚未经过评议，不能表决（先执行 deliberate）",
                                       "candidate \(c.id) has not been deliberated; deliberate before the vote"))
            }
        }
        try requireHostNotRecused(from: ids, "表决", "vote")
        try requireDeliberationQuorum(ids)
        let named = try requireTellers(tellers, paper: paper)
        let first = eligibleNow(for: ids[0])
        guard !first.isEmpty else {
            throw .refused(Refusal(.r3, "没有委员全程参加对 \(whom(ids[0])) 的评议且未回避，无人可以投票",
                                   "no member attended the whole deliberation of \(ids[0]) without recusal; nobody may vote"))
        }
        for id in ids.dropFirst() {
            let other = eligibleNow(for: id)
            if other != first {
                let onlyFirst = first.filter { !other.contains($0) }.map { who($0) }
                let onlyOther = other.filter { !first.contains($0) }.map { who($0) }
                var diff: [String] = []
                if !onlyFirst.isEmpty { diff.append("\(onlyFirst.joined(separator: "、")) 只能对 \(ids[0]) 投票") }
                if !onlyOther.isEmpty { diff.append("\(onlyOther.joined(separator: "、")) 只能对 \(id) 投票") }
                throw .refused(Refusal(
                    .r9, "\(whom(ids[0])) 与 \(whom(id)) 的投票人不同（\(diff.joined(separator: "；"))），不能合并在一张选票上，请分别表决",
                    "\(ids[0]) and \(id) have different eligible voters, so one sheet would reveal who cast it; vote on them separately"))
            }
        }
        let needsKey = isSigned && !paper
        guard needsKey == (credentialKey != nil) else {
            throw .invalid(InputError(
                needsKey ? "签名会议的电子投票须有本轮投票凭证密钥" : "纸质投票或未签名的演练不使用投票凭证密钥",
                needsKey ? "an electronic round of a signed meeting needs its credential key" : "paper rounds and unsigned drills take no credential key"))
        }
        var denominators: [CandidateID: Int] = [:]
        for id in ids { denominators[id] = denominatorNow(for: id) }
        return .roundOpened(RoundOpened(
            round: rounds.count + 1, candidates: ids, eligible: first, denominators: denominators,
            paper: paper, yesCap: settings.yesCap, credentialKey: credentialKey, tellers: named))
    }

    /// R1 under `denominator = "eligible"`: the members who attended the whole deliberation of
    /// each candidate — its voters, and the recused, whose absence from the vote is required
    /// rather than chosen — must themselves reach the quorum; otherwise a handful of voters
    /// could pass a candidate in a room that is quorate only on paper.
    func requireDeliberationQuorum(_ ids: [CandidateID]) throws(Rejection) {
        guard settings.denominator == .eligible else { return }
        for id in ids {
            let attended = progress[id]!.attended.count
            guard attended >= settings.quorum else {
                throw .refused(Refusal(
                    .r1, "全程参加对 \(whom(id)) 评议的委员（含回避委员）仅 \(attended) 人，少于规定人数 \(settings.quorum) 人；表决基数为有表决权的委员（denominator = \"eligible\"）时不能开始投票",
                    "only \(attended) members (recused ones included) attended the whole deliberation of \(id), fewer than the quorum of \(settings.quorum); with denominator = \"eligible\" the vote cannot open"))
            }
        }
    }

    /// The open round, or the R4 refusal for a ballot outside one.
    func requireOpenRound(_ doing: String, _ doingEnglish: String) throws(Rejection) -> RoundState {
        guard let round = openRound else {
            throw .refused(Refusal(.r4, "当前没有正在进行的投票，不能\(doing)（不得会后补投票）",
                                   "no round is open, so one cannot \(doingEnglish) (no late ballots)"))
        }
        return round
    }

    func castBallot(member id: MemberID, pinMAC: String?, choices: [CandidateID: Choice], blinded: String?) throws(Rejection) -> Event {
        let round = try requireOpenRound("投票", "cast a ballot")
        guard !round.opened.paper else {
            throw .invalid(InputError("第 \(round.number) 轮为纸质投票，选票由计票人录入（vote paper）",
                                      "round \(round.number) is on paper; tellers enter the sheets (vote paper)"))
        }
        _ = try requireMember(id)
        guard round.eligibleSet.contains(id) else {
            for c in round.opened.candidates {
                if let why = ineligibility(of: id, for: c) { throw .refused(why) }
            }
            throw .refused(Refusal(.r3, "委员 \(who(id)) 不在第 \(round.number) 轮的投票人之列",
                                   "member \(id) is not among the voters of round \(round.number)"))
        }
        guard present.contains(id), let expected = pins[id]?.pinMAC else {
            let when = lastDeparture(of: id).map { "已于 \(clockTime($0.leftAt ?? "")) 离会，" } ?? ""
            throw .refused(Refusal(.r4, "委员 \(who(id)) \(when)不在场，不得投票或委托他人投票",
                                   "member \(id) is not present and may neither vote nor have anyone vote for them"))
        }
        try requirePIN(pinMAC, expected, of: id)
        guard !round.issued.contains(id) else {
            throw .refused(Refusal(.r4, "委员 \(who(id)) 已在第 \(round.number) 轮投过票，不得重复投票",
                                   "member \(id) has already voted in round \(round.number); no second ballot"))
        }
        try checkBallot(choices, in: round)
        guard (round.opened.credentialKey != nil) == (blinded != nil) else {
            throw .invalid(InputError("选票凭证与本轮不符（本轮\(round.opened.credentialKey == nil ? "不使用" : "须有")投票凭证）",
                                      "the ballot credential does not fit the round (round \(round.number) \(round.opened.credentialKey == nil ? "takes none" : "needs one"))"))
        }
        return .ballotIssued(BallotIssued(round: round.number, member: id, blinded: blinded))
    }

    /// A ballot names only candidates of its round (R4) and stays within the cap (R10).
    func checkBallot(_ choices: [CandidateID: Choice], in round: RoundState) throws(Rejection) {
        let onSheet = Set(round.opened.candidates)
        for c in choices.keys.sorted() where !onSheet.contains(c) {
            throw .refused(Refusal(.r4, "申报人 \(whom(c)) 不在第 \(round.number) 轮表决范围内（本轮：\(round.opened.candidates.joined(separator: "、"))）",
                                   "candidate \(c) is not on the ballot of round \(round.number)"))
        }
        let cap = round.opened.yesCap
        let yes = choices.values.filter { $0 == .yes }.count
        if cap > 0 && yes > cap {
            throw .refused(Refusal(.r10, "选票上“同意”共 \(yes) 个，超过限额 \(cap) 个",
                                   "the ballot marks \(yes) candidates yes, over the cap of \(cap)"))
        }
    }

    func cancelRound(reason: String) throws(Rejection) -> Event {
        guard let round = openRound else {
            throw .invalid(InputError("当前没有正在进行的投票可以取消", "no round is open to cancel"))
        }
        let reason = try requireText(reason, "取消原因", "the reason for cancelling")
        let cast = round.opened.paper ? round.sheets.count : round.issued.count
        guard cast == 0 else {
            throw .refused(Refusal(.r8, "第 \(round.number) 轮已收到 \(cast) 张选票，不得取消（否则即为复评）",
                                   "round \(round.number) already holds \(cast) ballot(s) and may not be cancelled (that would be a re-review)"))
        }
        return .roundCancelled(RoundCancelled(round: round.number, reason: reason))
    }
}
