import Records

/// Whom N (表决基数) counts, as the committee's settings chose it (R7), in the words every
/// paper that prints N uses: a paper never prints a number without saying which rule gave it.
///
/// - `present`, recused leave: 出席会议评委 when the round opened, less the members recused from
///   the candidate (the regulation's "出席会议评委总数", 皖人社发〔2018〕5号 第二十三条第五项).
/// - `present`, recused stay: 出席会议评委, the recused counted too.
/// - `eligible`, recused leave: the members entitled to vote on the candidate.
/// - `eligible`, recused stay: the members who attended the whole deliberation, recused included.
public struct DenominatorPolicy: Sendable, Equatable {
    public var denominator: Denominator
    /// Whether a member recused from the candidate leaves N (`recused_leave_denominator`).
    public var recusedLeave: Bool

    public init(denominator: Denominator, recusedLeave: Bool) {
        self.denominator = denominator
        self.recusedLeave = recusedLeave
    }

    /// The policy of a session's settings.
    public init(_ settings: Settings) {
        self.init(denominator: settings.denominator, recusedLeave: settings.recusedLeaveDenominator)
    }

    /// Who N counts, to follow the number: `21 人（出席会议评委，回避委员不计）`.
    public var basis: String {
        switch (denominator, recusedLeave) {
        case (.present, true): "出席会议评委，回避委员不计"
        case (.present, false): "出席会议评委，回避委员计入"
        case (.eligible, true): "对该申报人有表决权的委员"
        case (.eligible, false): "全程参加该申报人评议的委员，回避委员计入"
        }
    }

    /// One sentence for the foot of a table: how N was counted, and who of them could not vote.
    public var note: String {
        let rule: String = switch (denominator, recusedLeave) {
        case (.present, true):
            "表决基数 N 为该轮投票开始时出席会议的评委人数，回避该申报人的委员不计入；出席但未全程参加评议的委员不得投票，计为未投同意票"
        case (.present, false):
            "表决基数 N 为该轮投票开始时出席会议的评委人数，回避该申报人的委员也计入；回避委员和未全程参加评议的委员不得投票，计为未投同意票"
        case (.eligible, true):
            "表决基数 N 为对该申报人有表决权的委员人数，即自评议开始至投票开始一直在场、且未回避的委员"
        case (.eligible, false):
            "表决基数 N 为自评议开始至投票开始一直在场的委员人数，回避该申报人的委员也计入；回避委员不得投票，计为未投同意票"
        }
        return rule + "（评委会设置 denominator = \(denominator.rawValue)，recused_leave_denominator = \(recusedLeave)）"
    }
}
