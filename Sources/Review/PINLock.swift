import Records

/// A member's voting PIN: checked, counted when wrong, locked after five, unlocked by the host,
/// re-issued without leaving the meeting (R16).
///
/// Every wrong PIN typed during an open round is journaled (`pin.failed`; the fifth is
/// `member.locked`), so the count and the lock survive a restart of the program. The count
/// starts again when a new PIN is issued (arrival or re-issue), when the host unlocks, and when
/// the member's vote is accepted. A lock lasts until the host lifts it, whatever else happens.
extension SessionState {
    /// Wrong PINs that lock a member.
    public static let pinTriesBeforeLock = 5

    /// Refuses a cast whose PIN MAC is not the member's current one, or whose member is locked.
    /// A wrong PIN's refusal carries the command that journals the attempt (`Refusal.record`).
    func requirePIN(_ typed: String?, _ expected: String, of id: MemberID) throws(Rejection) {
        if locked.contains(id) { throw .refused(lockedRefusal(id)) }
        guard typed != expected else { return }
        let attempt = (pinFailures[id] ?? 0) + 1
        let left = Self.pinTriesBeforeLock - attempt
        let (zh, en) = left > 0
            ? ("再错 \(left) 次将被锁定", "\(left) more and the member is locked")
            : ("已连续错误 \(attempt) 次，现已锁定，须主持人解锁（pingshen unlock \(id)）", "that is \(attempt) in a row: locked until the host unlocks (pingshen unlock \(id))")
        throw .refused(Refusal(
            .r16, "委员 \(who(id)) 的投票 PIN 不正确（第 \(attempt) 次，\(zh)）；每位委员只能以本人领取的 PIN 投本人的票，不得代投",
            "wrong PIN for member \(id) (attempt \(attempt); \(en)); each member votes only with their own PIN, never for another",
            record: .recordWrongPIN(id)))
    }

    func lockedRefusal(_ id: MemberID) -> Refusal {
        Refusal(.r16, "委员 \(who(id)) 的投票 PIN 已连续错误 \(Self.pinTriesBeforeLock) 次而被锁定，须主持人解锁（pingshen unlock \(id)）后方可投票",
                "member \(id) is locked after \(Self.pinTriesBeforeLock) wrong PINs; the host must unlock them (pingshen unlock \(id)) before they vote")
    }

    /// Journals a wrong PIN for `id` during the open electronic round: `pin.failed`, or
    /// `member.locked` when it is the fifth.
    func recordWrongPIN(_ id: MemberID) throws(Rejection) -> Event {
        let round = try requireOpenRound("记录 PIN 错误", "record a wrong PIN")
        _ = try requireMember(id)
        guard !round.opened.paper, present.contains(id), pins[id] != nil else {
            throw .invalid(InputError("委员 \(who(id)) 当前不能投电子票，无 PIN 错误可记", "member \(id) cannot vote electronically now; no wrong PIN to record"))
        }
        if locked.contains(id) { throw .refused(lockedRefusal(id)) }
        let failures = (pinFailures[id] ?? 0) + 1
        return failures >= Self.pinTriesBeforeLock
            ? .memberLocked(MemberLocked(member: id, round: round.number, failures: failures))
            : .pinFailed(PINFailed(member: id, round: round.number, failures: failures))
    }

    /// The host lifts a member's lock (R16).
    func unlock(_ id: MemberID) throws(Rejection) -> Event {
        try requireOpenMeeting("解除 PIN 锁定", "unlock a member")
        _ = try requireMember(id)
        try requireHostPresent("解除 PIN 锁定", "unlock a member")
        guard locked.contains(id) else {
            throw .invalid(InputError("委员 \(who(id)) 未被锁定", "member \(id) is not locked"))
        }
        return .memberUnlocked(MemberUnlocked(member: id, host: host!))
    }

    /// A new PIN for a present member, who keeps their place: their attendance is unbroken and
    /// the old PIN stops working (R16). A lock stays until the host lifts it.
    func reissuePIN(_ arrival: Arrival) throws(Rejection) -> Event {
        _ = try requireMember(arrival.member)
        guard present.contains(arrival.member) else {
            throw .invalid(InputError("委员 \(who(arrival.member)) 不在场；补发 PIN 只给在场的委员（不在场请签到）",
                                      "member \(arrival.member) is not present; a PIN is re-issued only to a present member (sign in instead)"))
        }
        return .pinReissued(arrival)
    }
}
