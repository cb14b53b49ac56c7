/// The rules of SPEC.md §1, each with the article it rests on.
public enum Rule: String, Sendable, CaseIterable, Codable {
    case r1 = "R1", r2 = "R2", r3 = "R3", r4 = "R4", r5 = "R5", r6 = "R6", r7 = "R7"
    case r8 = "R8", r9 = "R9", r10 = "R10", r11 = "R11", r12 = "R12", r13 = "R13", r14 = "R14"
    case r15 = "R15", r16 = "R16"

    /// The rule's name in Chinese.
    public var title: String {
        switch self {
        case .r1: "法定人数"
        case .r2: "会议主持"
        case .r3: "全程参加评议方可投票"
        case .r4: "不得委托投票或会后补投票"
        case .r5: "无记名投票"
        case .r6: "回避"
        case .r7: "三分之二以上通过"
        case .r8: "不得复评"
        case .r9: "合并表决须投票人相同"
        case .r10: "同意票限额"
        case .r11: "列席人员范围"
        case .r12: "当场公布评审结果"
        case .r13: "会议记录完整"
        case .r14: "会议结束不得追加"
        case .r15: "计票人录入"
        case .r16: "投票 PIN 保密"
        }
    }

    /// The article(s) the rule rests on, as cited in Chinese.
    public var article: String {
        switch self {
        case .r1: "皖人社发〔2018〕5号 第二十三条第五项；人社部令第40号 第十九条"
        case .r2: "皖人社发〔2018〕5号 第二十三条第五项"
        case .r3: "皖人社发〔2018〕5号 第二十三条第五项"
        case .r4: "皖人社发〔2018〕5号 第二十三条第五项；人社部令第40号 第二十条"
        case .r5: "皖人社发〔2018〕5号 第二十三条第五项"
        case .r6: "皖人社发〔2018〕5号 第五十条；人社部令第40号 第二十五条"
        case .r7: "皖人社发〔2018〕5号 第二十三条第五项、第六十三条；人社部令第40号 第二十条"
        case .r8: "皖人社发〔2018〕5号 第二十三条第五项"
        case .r9: "皖人社发〔2018〕5号 第二十三条第五项（无记名）、第五十条（回避）"
        case .r10: "皖人社发〔2018〕5号 第十条（评委会限额规定）"
        case .r11: "皖人社发〔2018〕5号 第二十三条第五项末段"
        case .r12: "皖人社发〔2018〕5号 第二十三条第五项；人社部令第40号 第二十二条"
        case .r13: "皖人社发〔2018〕5号 第二十四条；人社部令第40号 第二十三条"
        case .r14: "皖人社发〔2018〕5号 第二十三条第五项、第二十四条"
        case .r15: "皖人社发〔2018〕5号 第二十三条第五项（无记名投票，公开计票）"
        case .r16: "皖人社发〔2018〕5号 第二十三条第五项、第五十条（保密）"
        }
    }

    /// The article(s) the rule rests on, as cited in English.
    public var articleInEnglish: String {
        switch self {
        case .r1: "Wan Ren She Fa [2018] No. 5, Art. 23(5); MOHRSS Order No. 40, Art. 19"
        case .r2, .r3, .r5, .r8: "Wan Ren She Fa [2018] No. 5, Art. 23(5)"
        case .r4: "Wan Ren She Fa [2018] No. 5, Art. 23(5); MOHRSS Order No. 40, Art. 20"
        case .r6: "Wan Ren She Fa [2018] No. 5, Art. 50; MOHRSS Order No. 40, Art. 25"
        case .r7: "Wan Ren She Fa [2018] No. 5, Arts. 23(5) and 63; MOHRSS Order No. 40, Art. 20"
        case .r9: "Wan Ren She Fa [2018] No. 5, Art. 23(5) (secret ballot) and Art. 50 (recusal)"
        case .r10: "Wan Ren She Fa [2018] No. 5, Art. 10 (committee quota)"
        case .r11: "Wan Ren She Fa [2018] No. 5, Art. 23(5), last paragraph"
        case .r12: "Wan Ren She Fa [2018] No. 5, Art. 23(5); MOHRSS Order No. 40, Art. 22"
        case .r13: "Wan Ren She Fa [2018] No. 5, Art. 24; MOHRSS Order No. 40, Art. 23"
        case .r14: "Wan Ren She Fa [2018] No. 5, Arts. 23(5) and 24"
        case .r15: "Wan Ren She Fa [2018] No. 5, Art. 23(5) (secret ballot, counted openly)"
        case .r16: "Wan Ren She Fa [2018] No. 5, Art. 23(5) and Art. 50 (confidentiality)"
        }
    }
}

/// Why a command was refused: the rule, and what happened, in Chinese and English.
///
/// A refusal changes nothing: the command that met it appends nothing to the journal. One kind
/// leaves a trace: a wrong voting PIN is refused, yet the attempt must be journaled
/// so that five of them lock the member even across restarts (R16). Such a refusal carries the
/// command that records the attempt in `record`; whoever runs the refused command runs that one
/// next, and still reports the refusal.
public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: Rule
    public var chinese: String
    public var english: String
    /// What the journal must still record of this refused attempt, as the command to run next
    /// (R16: a wrong PIN); nil for every other refusal, which changes nothing.
    public var record: Command?

    public init(_ rule: Rule, _ chinese: String, _ english: String, record: Command? = nil) {
        self.rule = rule
        self.chinese = chinese
        self.english = english
        self.record = record
    }

    /// Two lines: Chinese, then English, each naming the rule and the article.
    public var description: String {
        "拒绝（\(rule.rawValue) \(rule.title)）：\(chinese)（依据：\(rule.article)）\n"
            + "Refused (\(rule.rawValue)): \(english) (basis: \(rule.articleInEnglish))"
    }
}

/// A command that cannot be carried out because its input is wrong (an unknown id, an empty
/// text), as opposed to a rule forbidding it. Also changes nothing.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var chinese: String
    public var english: String

    public init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }

    public var description: String {
        "输入错误：\(chinese)\nInput error: \(english)"
    }
}

/// What the session engine answers to a command it does not accept.
public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    case refused(Refusal)
    case invalid(InputError)

    public var description: String {
        switch self {
        case .refused(let r): r.description
        case .invalid(let e): e.description
        }
    }
}
