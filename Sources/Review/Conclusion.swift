import Records

/// Reasons, matters, the announcement and the close (R12, R13, R14).
extension SessionState {
    /// Counted candidates in the order their rounds closed.
    public var countedInOrder: [CandidateID] {
        rounds.flatMap { r -> [CandidateID] in
            if case .closed(let c) = r.status { return c.tallies.map(\.candidate) }
            return []
        }
    }

    /// Rejected candidates that still lack a recorded reason (R13).
    public var rejectedWithoutReason: [CandidateID] {
        countedInOrder.filter { progress[$0]!.result == .rejected && progress[$0]!.reasons.isEmpty }
    }

    /// Counted candidates whose result the host has not yet announced (R12).
    public var unannounced: [CandidateID] {
        countedInOrder.filter { !progress[$0]!.announced }
    }

    func recordReason(_ id: CandidateID, _ text: String) throws(Rejection) -> Event {
        try requireOpenMeeting("记录未通过原因", "record a reason")
        _ = try requireCandidate(id)
        guard progress[id]!.result == .rejected else {
            let state = progress[id]!.result == .passed ? "已通过" : "尚未表决"
            throw .invalid(InputError("申报人 \(whom(id)) \(state)，只有评审未通过的申报人需要记录原因",
                                      "candidate \(id) was not rejected; reasons are recorded for rejected candidates only"))
        }
        return .reasonRecorded(CandidateNote(candidate: id, text: try requireText(text, "未通过原因", "the reason")))
    }

    func recordMatter(_ text: String, handling: String?) throws(Rejection) -> Event {
        try requireOpenMeeting("记录专项问题", "record a matter")
        let text = try requireText(text, "事项内容", "the matter")
        let h = handling?.trimmingWhitespace()
        return .matterRecorded(Matter(text: text, handling: (h?.isEmpty ?? true) ? nil : h))
    }

    func announce() throws(Rejection) -> Event {
        try requireOpenMeeting("公布结果", "announce results")
        try requireHostPresent("公布结果", "announce results")
        let list = unannounced
        guard !list.isEmpty else {
            throw .invalid(InputError("没有待公布的评审结果", "there are no results waiting to be announced"))
        }
        try requireHostNotRecused(from: list, "评审结果公布", "announcement")
        return .resultsAnnounced(ResultsAnnounced(host: host!, candidates: list))
    }

    func closeMeeting(registered: Int) throws(Rejection) -> Event {
        try requireOpenMeeting("结束会议", "close the meeting")
        if let open = openRound {
            throw .invalid(InputError("第 \(open.number) 轮投票尚未结束，不能结束会议", "round \(open.number) is still open; close it first"))
        }
        try requireHostPresent("结束会议", "close the meeting")
        let waiting = unannounced
        guard waiting.isEmpty else {
            throw .refused(Refusal(.r12, "\(waiting.map { whom($0) }.joined(separator: "、")) 的评审结果尚未由主持人当场公布（pingshen announce），不能结束会议",
                                   "the results for \(waiting.joined(separator: ", ")) have not been announced by the host; announce before closing"))
        }
        let missing = rejectedWithoutReason
        guard missing.isEmpty else {
            throw .refused(Refusal(.r13, "未通过的申报人 \(missing.map { whom($0) }.joined(separator: "、")) 尚未记录未通过原因（pingshen reason），会议记录不完整",
                                   "no reason is recorded for rejected candidate(s) \(missing.joined(separator: ", ")); the minutes would be incomplete"))
        }
        return .meetingClosed(MeetingClosed(host: host!, registered: registered))
    }
}
