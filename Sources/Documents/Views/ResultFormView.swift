import Records
import Review

/// 专业技术资格评审表·评审结论: one per counted candidate (皖人社发〔2018〕5号 第二十三条第六项).
///
/// Template fields: `committee`, `candidate` (`CandidateView`), `vote` (`VoteView`),
/// `sentence` (the conclusion in words), `fileStem` (`评审表-C01`), `last` (bool: the last form
/// of a set, so a page break can be left out after it).
struct ResultFormView {
    var committee: CommitteeView
    var candidate: CandidateView
    var vote: VoteView
    var sentence: String
    var fileStem: String
    var candidateID: String
    var last: Bool

    init(_ r: CandidateRecord, committee: CommitteeView, last: Bool) {
        let v = VoteView(r, size: committee.size)!
        self.committee = committee
        candidate = CandidateView(r.candidate)
        vote = v
        let bound = v.passed ? "达到表决基数的三分之二以上" : "未达到表决基数的三分之二"
        sentence = "本次会议应到委员 \(v.expected) 人，实到 \(v.present) 人；对该申报人有表决权的委员 \(v.n) 人。"
            + "无记名投票结果：同意 \(v.yes) 票，不同意 \(v.no) 票，弃权 \(v.abstain) 票，无效 \(v.void) 票。"
            + "同意票\(bound)（通过至少需 \(v.needed) 票），评审结论：\(v.conclusion)。"
        fileStem = ResultFormView.fileStem(r.candidate.id)
        candidateID = r.candidate.id
        self.last = last
    }

    /// The stable file name (without extension) of a candidate's form: `评审表-C01`.
    static func fileStem(_ id: CandidateID) -> String {
        "评审表-" + String(id.map { $0 == "/" || $0 == "\\" || $0 == ":" ? "_" : $0 })
    }

    /// One view per counted candidate, in roster order.
    static func all(_ state: SessionState) -> [ResultFormView] {
        let committee = CommitteeView(state.settings)
        let counted = state.candidateRecords().filter { $0.tally != nil && $0.round != nil }
        return counted.enumerated().map { i, r in
            ResultFormView(r, committee: committee, last: i == counted.count - 1)
        }
    }
}
