import Records

/// 专业技术资格评审表·评审结论 of one candidate (皖人社发〔2018〕5号 第二十三条第六项), made from
/// `ResultFormFacts` alone (and, on a print copy, the signatures made over it).
///
/// Template fields: `committee` (`name`, `dateChinese`, `session`), `candidate`
/// (`CandidateView`), `vote` (`round`, `kind` 电子/纸质, `expected`, `present`, `voters`, `n`,
/// `basis`, `yes`, `no`, `abstain`, `void`, `needed`, `passed`, `conclusion` 通过/不通过), `host`
/// (`陈建国（主任委员）`), `sentence` (the conclusion in words), `fileStem` (`评审表-C01`),
/// `last` (bool: the last form of a set), `signatures` (`SignatureLine`s: on a print copy of a
/// signed form only) and `signed` (bool: there are some).
struct ResultFormView {
    struct Committee {
        var name: String
        var dateChinese: String
        var session: String
    }
    struct Vote {
        var round: Int
        var kind: String
        var expected: Int
        var present: Int
        var voters: Int
        var n: Int
        var basis: String
        var yes: Int
        var no: Int
        var abstain: Int
        var void: Int
        var needed: Int
        var passed: Bool
        var conclusion: String
    }

    var committee: Committee
    var candidate: CandidateView
    var vote: Vote
    var host: String
    var sentence: String
    var fileStem: String
    var candidateID: String
    var last: Bool
    var signatures: [SignatureLine]
    var signed: Bool

    init(_ f: ResultFormFacts, last: Bool, signatures: [SignatureLine] = []) {
        committee = Committee(name: f.committee, dateChinese: Numbers.chineseDate(f.date), session: f.session)
        candidate = CandidateView(f.candidate)
        let passed = f.outcome == .passed
        vote = Vote(round: f.round, kind: f.paper ? "纸质" : "电子", expected: f.expected, present: f.present, voters: f.voters,
                    n: f.denominator, basis: f.policy.basis, yes: f.yes, no: f.no, abstain: f.abstain, void: f.void,
                    needed: f.needed, passed: passed, conclusion: passed ? "通过" : "不通过")
        host = f.host.isEmpty ? "" : "\(f.host)（\(f.hostOffice)）"
        let bound = passed ? "达到表决基数的三分之二以上" : "未达到表决基数的三分之二"
        let nonVoters = f.denominator > f.voters
            ? "其中有表决权的委员 \(f.voters) 人，其余 \(f.denominator - f.voters) 人不得投票，计为未投同意票" : ""
        sentence = "本次会议应到委员 \(f.expected) 人，实到 \(f.present) 人；表决基数 \(f.denominator) 人（\(f.policy.basis)）"
            + (nonVoters.isEmpty ? "" : "，" + nonVoters) + "。"
            + "无记名投票结果：同意 \(f.yes) 票，不同意 \(f.no) 票，弃权 \(f.abstain) 票，无效 \(f.void) 票。"
            + "同意票\(bound)（通过至少需 \(f.needed) 票），评审结论：\(vote.conclusion)。"
        fileStem = ResultFormView.fileStem(f.candidate.id)
        candidateID = f.candidate.id
        self.last = last
        self.signatures = signatures
        signed = !signatures.isEmpty
    }

    /// The stable file name (without extension) of a candidate's form: `评审表-C01`.
    static func fileStem(_ id: CandidateID) -> String {
        "评审表-" + String(id.map { $0 == "/" || $0 == "\\" || $0 == ":" ? "_" : $0 })
    }
}
