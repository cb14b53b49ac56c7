import Records

/// The 组建单位 report, deliberation, 初审 opinions, recusals, speeches and discussion (R3, R6, R8).
extension SessionState {
    func reportMaterials(_ text: String) throws(Rejection) -> Event {
        try requireOpenMeeting("报告评审材料审查情况", "report on the review of materials")
        return .materialsReported(Note(text: try requireText(text, "报告内容", "the report")))
    }

    func beginDeliberation(_ ids: [CandidateID], opinion: String?, registry: [PastDecision]) throws(Rejection) -> Event {
        try requireOpenMeeting("开始评议", "begin deliberation")
        try requireHostPresent("开始评议", "begin deliberation")
        let list = try requireCandidates(ids)
        var recusals: [Recusal] = []
        for c in list {
            try refuseReReview(c.id, registry: registry)
            try requireStage(c.id, is: .pending, doing: "开始评议", doingEnglish: "begin its deliberation")
            recusals += automaticRecusals(for: c)
        }
        try requireHostNotRecused(from: ids, more: recusals, "评议", "deliberation")
        let text = opinion?.trimmingWhitespace()
        return .deliberationBegan(DeliberationBegan(candidates: ids, opinion: (text?.isEmpty ?? true) ? nil : text, recusals: recusals))
    }

    /// Recusals the roster itself demands: a member applying themselves (same 姓名 and 工作单位),
    /// and, when the committee requires it, members of the candidate's own 工作单位 (R6).
    func automaticRecusals(for c: Candidate) -> [Recusal] {
        let already = progress[c.id]!.recused
        var out: [Recusal] = []
        for m in members where !already.contains(m.id) {
            if m.name == c.name && m.unit == c.unit {
                out.append(Recusal(member: m.id, candidate: c.id, reason: "本人申报"))
            } else if settings.sameEmployerRecusal && !c.unit.isEmpty && m.unit == c.unit {
                out.append(Recusal(member: m.id, candidate: c.id, reason: "与申报人同一工作单位"))
            }
        }
        return out
    }

    func requireStage(_ id: CandidateID, is wanted: Stage, doing: String, doingEnglish: String) throws(Rejection) {
        let stage = progress[id]!.stage
        guard stage != wanted else { return }
        let (zh, en): (String, String) = switch stage {
        case .pending: ("尚未开始评议", "its deliberation has not begun")
        case .deliberating: ("已于 \(clockTime(progress[id]!.deliberationAt ?? "")) 开始评议", "its deliberation already began at \(clockTime(progress[id]!.deliberationAt ?? ""))")
        case .voting(let r): ("正在第 \(r) 轮投票中", "it is on the ballot of open round \(r)")
        case .counted(let r): ("已在第 \(r) 轮表决", "it was counted in round \(r)")
        case .barred: ("已由本评委会评审过", "the committee already decided it")
        }
        throw .invalid(InputError("申报人 \(whom(id)) \(zh)，不能\(doing)", "candidate \(id): \(en); cannot \(doingEnglish)"))
    }

    func recordOpinion(_ id: CandidateID, _ text: String) throws(Rejection) -> Event {
        try requireOpenMeeting("介绍初审意见", "present a preliminary opinion")
        _ = try requireCandidate(id)
        try refuseReReview(id)
        if progress[id]!.stage != .pending {
            try requireStage(id, is: .deliberating, doing: "记录初审意见", doingEnglish: "record a preliminary opinion")
        }
        return .opinionRecorded(CandidateNote(candidate: id, text: try requireText(text, "初审意见", "the opinion")))
    }

    func recuse(_ memberID: MemberID, candidate id: CandidateID, reason: String) throws(Rejection) -> Event {
        _ = try requireMember(memberID)
        _ = try requireCandidate(id)
        let reason = try requireText(reason, "回避理由", "the reason for recusal")
        if let existing = progress[id]!.recusals.first(where: { $0.member == memberID }) {
            throw .invalid(InputError("委员 \(who(memberID)) 已对 \(whom(id)) 回避（\(existing.reason)）",
                                      "member \(memberID) is already recused from \(id)"))
        }
        switch progress[id]!.stage {
        case .pending, .deliberating: break
        case .voting(let r):
            throw .refused(Refusal(.r6, "第 \(r) 轮投票已开始，投票人范围已确定，回避须在表决前提出",
                                   "round \(r) is open and its voters are fixed; recusal must be declared before the vote"))
        case .counted, .barred:
            try refuseReReview(id)
        }
        return .memberRecused(Recusal(member: memberID, candidate: id, reason: reason))
    }

    func recordSpeech(_ id: CandidateID, member memberID: MemberID, text: String) throws(Rejection) -> Event {
        try requireOpenMeeting("记录发言", "record a speech")
        _ = try requireCandidate(id)
        _ = try requireMember(memberID)
        try refuseReReview(id)
        try requireStage(id, is: .deliberating, doing: "记录发言", doingEnglish: "record a speech")
        if let r = progress[id]!.recusals.first(where: { $0.member == memberID }) {
            throw .refused(Refusal(.r6, "委员 \(who(memberID)) 已对 \(whom(id)) 回避（\(r.reason)），不参加对其的评议",
                                   "member \(memberID) is recused from \(id) (\(r.reason)) and takes no part in its deliberation"))
        }
        guard present.contains(memberID) else {
            throw .refused(Refusal(.r3, "委员 \(who(memberID)) 不在场，不能记录其发言",
                                   "member \(memberID) is not present; no speech can be recorded for them"))
        }
        return .speechRecorded(Speech(candidate: id, member: memberID, text: try requireText(text, "发言摘要", "the speech summary")))
    }

    /// 评审讨论情况 of a candidate whose deliberation has begun, until the meeting closes (the
    /// secretary may write it up after the vote); never of one an earlier session decided (R8).
    func recordDiscussion(_ id: CandidateID, _ text: String) throws(Rejection) -> Event {
        try requireOpenMeeting("记录评审讨论情况", "record the discussion")
        _ = try requireCandidate(id)
        switch progress[id]!.stage {
        case .barred: try refuseReReview(id)
        case .pending: try requireStage(id, is: .deliberating, doing: "记录评审讨论情况", doingEnglish: "record its discussion")
        case .deliberating, .voting, .counted: break
        }
        return .discussionRecorded(CandidateNote(candidate: id, text: try requireText(text, "讨论情况", "the discussion")))
    }
}
