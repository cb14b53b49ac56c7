import Records

/// R2 with R6: a host recused from a candidate hands the chair, for that candidate's
/// deliberation, vote and announcement, to a present 主任委员 or 副主任委员 who is not recused.
extension SessionState {
    /// Refuses under R2 when the host is recused from one of `ids` — counting `more`, recusals
    /// the same command is about to record — and names who could take over (`pingshen host`).
    func requireHostNotRecused(from ids: [CandidateID], more: [Recusal] = [], _ doing: String, _ doingEnglish: String) throws(Rejection) {
        guard let host else { return }
        for id in ids {
            let recusals = progress[id]!.recusals + more.filter { $0.candidate == id }
            guard let r = recusals.first(where: { $0.member == host }) else { continue }
            let free = substituteHosts(for: ids, more: more)
            let zhWho = free.isEmpty
                ? "在场的主任委员、副主任委员都须回避或不在场，目前无人可以主持"
                : "须改由在场的 \(free.map { who($0) }.joined(separator: "、")) 主持（pingshen host \(free[0])）"
            let enWho = free.isEmpty
                ? "no present chair or vice-chair is free of the recusal to take over"
                : "a present \(free.joined(separator: " or ")) must take over (pingshen host \(free[0]))"
            throw .refused(Refusal(
                .r2, "主持人 \(who(host)) 对申报人 \(whom(id)) 回避（\(r.reason)），不能主持其\(doing)；\(zhWho)",
                "the host \(host) is recused from candidate \(id) (\(r.reason)) and cannot lead its \(doingEnglish); \(enWho)"))
        }
    }

    /// Present chairs and vice-chairs, other than the host, recused from none of `ids`, in roster order.
    public func substituteHosts(for ids: [CandidateID], more: [Recusal] = []) -> [MemberID] {
        var recused = Set(more.filter { ids.contains($0.candidate) }.map(\.member))
        for id in ids { recused.formUnion(progress[id]?.recused ?? []) }
        return members.filter { $0.office.mayHost && $0.id != host && present.contains($0.id) && !recused.contains($0.id) }.map(\.id)
    }
}
