import Records

/// The session engine: judges a command against the replayed state.
///
/// `decide` is a pure function: it reads the state, applies R1–R14 and answers with the one
/// event to append, or with the rejection that explains why nothing may be appended.
public enum Review {
    public static func decide(_ command: Command, in state: SessionState) throws(Rejection) -> Event {
        if state.phase == .closed && !command.mayFollowClose {
            throw .refused(Refusal(
                .r14, "会议已于 \(clockTime(state.closedAt ?? "")) 结束，除会议记录和评审表签名外不得追加任何记录",
                "the meeting closed at \(clockTime(state.closedAt ?? "")); nothing but signatures may be added"))
        }
        switch command {
        case .checkIn(let arrivals): return try state.checkIn(arrivals)
        case .checkOut(let id, let reason): return try state.checkOut(id, reason: reason)
        case .admitObserver(let name, let unit, let kind): return try state.admitObserver(name: name, unit: unit, kind: kind)
        case .openMeeting(let host, let recorder, let agenda, let seal): return try state.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: seal)
        case .changeHost(let id): return try state.changeHost(id)
        case .reportMaterials(let text): return try state.reportMaterials(text)
        case .beginDeliberation(let ids, let opinion, let registry): return try state.beginDeliberation(ids, opinion: opinion, registry: registry)
        case .recordOpinion(let id, let text): return try state.recordOpinion(id, text)
        case .recuse(let m, let c, let reason): return try state.recuse(m, candidate: c, reason: reason)
        case .recordSpeech(let c, let m, let text): return try state.recordSpeech(c, member: m, text: text)
        case .openRound(let ids, let paper, let key, let tellers, let registry):
            return try state.openRound(ids, paper: paper, credentialKey: key, tellers: tellers, registry: registry)
        case .castBallot(let m, let pinMAC, let choices, let blinded):
            return try state.castBallot(member: m, pinMAC: pinMAC, choices: choices, blinded: blinded)
        case .enterSheet(let teller, let sheet, let marks, let signed):
            return try state.enterSheet(teller: teller, sheet: sheet, marks: marks, signed: signed)
        case .reissuePIN(let arrival): return try state.reissuePIN(arrival)
        case .recordWrongPIN(let m): return try state.recordWrongPIN(m)
        case .unlock(let m): return try state.unlock(m)
        case .recordDiscussion(let c, let text): return try state.recordDiscussion(c, text)
        case .closeRound(let ballots): return try state.closeRound(ballots: ballots)
        case .cancelRound(let reason): return try state.cancelRound(reason: reason)
        case .recordReason(let id, let text): return try state.recordReason(id, text)
        case .recordMatter(let text, let handling): return try state.recordMatter(text, handling: handling)
        case .announce: return try state.announce()
        case .closeMeeting(let registered): return try state.closeMeeting(registered: registered)
        case .recordCheckpoint(let c): return try state.recordCheckpoint(c)
        case .recordDocumentSignature(let d): return .documentSigned(d)
        case .recordRepair(let r): return .journalRepaired(r)
        }
    }
}

extension Command {
    /// What may still be appended after the meeting closed (R14): checkpoints, the signatures of
    /// its papers, and the record of a repaired file.
    var mayFollowClose: Bool {
        switch self {
        case .recordCheckpoint, .recordDocumentSignature, .recordRepair: true
        default: false
        }
    }
}

// Shared checks used by several commands.
extension SessionState {
    func requireMember(_ id: MemberID) throws(Rejection) -> Member {
        guard let m = member(id) else {
            throw .invalid(InputError("名单中没有委员 \(id)", "no member \(id) on the roster"))
        }
        return m
    }

    func requireCandidate(_ id: CandidateID) throws(Rejection) -> Candidate {
        guard let c = candidate(id) else {
            throw .invalid(InputError("名单中没有申报人 \(id)", "no candidate \(id) on the list"))
        }
        return c
    }

    func requireText(_ text: String, _ what: String, _ whatEnglish: String) throws(Rejection) -> String {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty else { throw .invalid(InputError("\(what)不能为空", "\(whatEnglish) must not be empty")) }
        return t
    }

    /// The meeting must have been opened (with a quorum and a host) before deliberation and voting.
    func requireOpenMeeting(_ doing: String, _ doingEnglish: String) throws(Rejection) {
        guard phase == .open else {
            throw .refused(Refusal(
                .r1, "会议尚未由主持人在法定人数到会时宣布开始，不能\(doing)",
                "the meeting has not been opened by a host with a quorum present; cannot \(doingEnglish)"))
        }
    }

    /// The host must be present to lead deliberation, open votes and announce (R2).
    func requireHostPresent(_ doing: String, _ doingEnglish: String) throws(Rejection) {
        guard let host, present.contains(host) else {
            throw .refused(Refusal(
                .r2, "主持人 \(who(host ?? "?")) 不在场，须由在场的主任委员或副主任委员主持（pingshen host 成员编号）后方可\(doing)",
                "the host \(host ?? "?") is not present; a present chair or vice-chair must take over (pingshen host ID) before one can \(doingEnglish)"))
        }
    }

    /// Candidates named in one command: known, and none twice.
    func requireCandidates(_ ids: [CandidateID]) throws(Rejection) -> [Candidate] {
        guard !ids.isEmpty else { throw .invalid(InputError("至少需要一名申报人", "name at least one candidate")) }
        var seen = Set<CandidateID>()
        var out: [Candidate] = []
        for id in ids {
            guard seen.insert(id).inserted else {
                throw .invalid(InputError("申报人 \(id) 重复出现", "candidate \(id) is named twice"))
            }
            out.append(try requireCandidate(id))
        }
        return out
    }

    /// R8: an application decided before — by the registry as read at `init` (`.barred`), by the
    /// registry as read again for this command (`registry`), or counted in this session — may
    /// not be taken up again.
    func refuseReReview(_ id: CandidateID, registry: [PastDecision] = []) throws(Rejection) {
        if case .barred(let past) = progress[id]!.stage { throw .refused(alreadyDecided(id, past)) }
        if let c = candidate(id),
           let past = registry.first(where: { $0.session != session && $0.isSameApplication(as: c, year: settings.reviewYear) }) {
            throw .refused(alreadyDecided(id, past))
        }
        switch progress[id]!.stage {
        case .counted(let round):
            let outcome = progress[id]!.result?.chinese ?? ""
            throw .refused(Refusal(
                .r8, "申报人 \(whom(id)) 已在第 \(round) 轮表决（\(outcome)），每名申报人只能表决一次，不得复评",
                "candidate \(id) was already counted in round \(round); a candidate has one counted round only"))
        default:
            return
        }
    }

    /// The R8 refusal for an application a past session decided, naming the committee that did.
    func alreadyDecided(_ id: CandidateID, _ past: PastDecision) -> Refusal {
        let ours = Normalised.same(past.committee, settings.name)
        let by = ours ? "本评委会" : "「\(past.committee)」"
        let byEnglish = ours ? "this committee" : "the committee '\(past.committee)'"
        return Refusal(
            .r8, "申报人 \(whom(id)) 的本次申报（\(past.reviewYear) 评审年度）已于 \(past.date) 经\(by)评审（\(past.outcome.chinese)，会议 \(past.session.prefix(8))），同一申报只能评审一次，不得复评",
            "candidate \(id)'s application (review year \(past.reviewYear)) was already decided by \(byEnglish) on \(past.date) (\(past.outcome.rawValue)); one application, one review")
    }

    /// Whether `member` was in the room at the moment entry `seq` was written.
    func wasPresent(_ member: MemberID, atSeq seq: Int) -> Bool {
        (stays[member] ?? []).contains { $0.arrivedSeq < seq && ($0.leftSeq.map { $0 > seq } ?? true) }
    }

    /// Why `member` may not vote on `id` (R3, R6), or nil when they may.
    func ineligibility(of member: MemberID, for id: CandidateID) -> Refusal? {
        let p = progress[id]!
        if p.recused.contains(member) {
            let reason = p.recusals.last(where: { $0.member == member })?.reason ?? ""
            return Refusal(.r6, "委员 \(who(member)) 已对申报人 \(whom(id)) 回避（\(reason)），不得对其投票",
                           "member \(member) is recused from candidate \(id) (\(reason)) and may not vote on it")
        }
        if p.attended.contains(member) { return nil }
        let start = p.deliberationSeq ?? Int.max
        let startTime = clockTime(p.deliberationAt ?? "")
        if wasPresent(member, atSeq: start) {
            let left = (stays[member] ?? []).first { ($0.leftSeq ?? 0) > start }
            let when = clockTime(left?.leftAt ?? "")
            return Refusal(.r3, "委员 \(who(member)) 已于 \(when) 中途离会，未全程参加对 \(whom(id)) 的评议，不得投票",
                           "member \(member) left at \(when) and did not attend the whole deliberation of \(id); may not vote on it")
        }
        let arrival = (stays[member] ?? []).first { $0.arrivedSeq > start }
        if let arrival {
            return Refusal(.r3, "委员 \(who(member)) 于 \(clockTime(arrival.arrivedAt)) 到会，晚于对 \(whom(id)) 的评议开始（\(startTime)），不得对其投票",
                           "member \(member) arrived at \(clockTime(arrival.arrivedAt)), after the deliberation of \(id) began at \(startTime); may not vote on it")
        }
        return Refusal(.r3, "委员 \(who(member)) 未出席对 \(whom(id)) 的评议，不得投票",
                       "member \(member) did not attend the deliberation of \(id) and may not vote on it")
    }
}
