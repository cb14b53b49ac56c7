import Printer
import Records
import Review

/// 评审情况综合报告 for the 职称管理部门 (皖人社发〔2018〕5号 第二十五条第一项): how the meeting
/// went, what it decided, what had to be handled, the 公示 and its outcome, and the papers
/// attached. It is final only once the meeting has closed and the 公示 period has ended with
/// its outcome stated; until then it is a draft and says why.
///
/// Template fields: `committee`, `draft` (why the report is a draft; nil when final),
/// `publicity` (`text`, `workingDays`, `outcome`: the 公示 in a sentence; nil when not stated),
/// `reportDate` (the day it is rendered), `host`, `recorder`, `openedAt`, `closedAt`,
/// `attended`, `absent`, `quorumMet` (bool), `observers` (text), `rounds`, `electronicRounds`,
/// `paperRounds`, `cancelledRounds`, `recusals`, `departures`, `declared`, `reviewed`, `passed`,
/// `rejected`, `rate`, `exceptional` (`declared`, `reviewed`, `passed`), `barred`,
/// `rejections` (`name`, `unit`, `reason`), `matters` (`index`, `text`, `handling`),
/// `notes` (`index`, `text`), `announcedAt`, `forms`.
struct ReportView {
    struct Figures { var declared: Int; var reviewed: Int; var passed: Int }
    struct Rejection { var name: String; var unit: String; var reason: String }
    struct MatterLine { var index: Int; var text: String; var handling: String? }

    struct Publicity { var text: String; var workingDays: Int; var outcome: String }

    var committee: CommitteeView
    var draft: String?
    var publicity: Publicity?
    var reportDate: String
    var host: String
    var recorder: String
    /// nil before the meeting opens.
    var openedAt: String?
    var closedAt: String?
    var attended: Int
    var absent: Int
    var quorumMet: Bool
    /// `安徽省人力资源和社会保障厅李明、…`; nil when nobody observed.
    var observers: String?
    var rounds: Int
    var electronicRounds: Int
    var paperRounds: Int
    var cancelledRounds: Int
    var recusals: Int
    var departures: Int
    var declared: Int
    var reviewed: Int
    var passed: Int
    var rejected: Int
    var rate: String
    var exceptional: Figures
    var barred: Int
    var rejections: [Rejection]
    var matters: [MatterLine]
    var notes: [MinutesView.Indexed]
    var announcedAt: String?
    var forms: Int

    init(_ state: SessionState, publicity statement: PublicityStatement?, today: CivilDate) {
        let records = state.candidateRecords()
        committee = CommitteeView(state)
        reportDate = today.chinese
        if let p = statement {
            let outcome: String
            switch p.outcome {
            case nil where today <= p.period.last: outcome = "公示期尚未结束"
            case nil: outcome = "公示结果尚未载明"
            case .noObjection?: outcome = "公示期间无异议"
            case .objection(let what)?: outcome = "公示期间有异议：\(what)"
            }
            publicity = Publicity(text: p.period.chinese, workingDays: p.period.workingDays, outcome: outcome)
        }
        if state.phase != .closed {
            draft = "草稿：会议尚未结束"
        } else if let p = statement {
            if p.outcome == nil {
                draft = today <= p.period.last ? "草稿：公示期至\(p.period.last.chinese)，尚未结束；公示无异议后方可报送"
                    : "草稿：公示已于\(p.period.last.chinese)结束，尚未载明公示结果"
            }
        } else {
            draft = "草稿：尚未载明公示情况；公示无异议后方可报送职称管理部门"
        }
        host = state.memberLabel(state.openingHost)
        recorder = state.recorder ?? ""
        openedAt = state.openedAt.map { Numbers.clock($0) }
        closedAt = state.closedAt.map { Numbers.clock($0) }
        attended = state.attendedMembers.count
        absent = state.settings.size - attended
        // R1 was checked at the opening and at every vote opening; the report restates it.
        quorumMet = state.openedAt != nil && state.rounds.allSatisfy { state.presentCount(atSeq: $0.openedSeq) >= state.settings.quorum }
        observers = state.observers.isEmpty ? nil : state.observers.map { "\($0.value.unit)\($0.value.name)" }.joined(separator: "、")
        let counted = state.rounds.filter { if case .closed = $0.status { true } else { false } }
        rounds = counted.count
        paperRounds = counted.filter(\.opened.paper).count
        electronicRounds = rounds - paperRounds
        cancelledRounds = state.rounds.filter { if case .cancelled = $0.status { true } else { false } }.count
        recusals = records.reduce(0) { $0 + $1.progress.recusals.count }
        departures = state.stays.values.reduce(0) { $0 + $1.filter { $0.leftSeq != nil }.count }
        let considered = records.filter { !$0.isBarred }
        declared = considered.count
        reviewed = considered.filter { $0.tally != nil }.count
        passed = considered.filter { $0.outcome == .passed }.count
        rejected = reviewed - passed
        rate = Numbers.rate(passed, of: reviewed)
        let ex = considered.filter(\.candidate.exceptional)
        exceptional = Figures(declared: ex.count, reviewed: ex.filter { $0.tally != nil }.count,
                              passed: ex.filter { $0.outcome == .passed }.count)
        barred = records.count - considered.count
        rejections = records.filter { $0.outcome == .rejected }.map {
            Rejection(name: $0.candidate.name, unit: $0.candidate.unit, reason: $0.progress.reasons.last?.value ?? "（未记录）")
        }
        matters = state.matters.filter { $0.value.handling != nil }.enumerated().map {
            MatterLine(index: $0 + 1, text: $1.value.text, handling: $1.value.handling)
        }
        let others = state.matters.filter { $0.value.handling == nil }.map(\.value.text)
        notes = (others + MinutesView.notes(state, records)).enumerated().map { MinutesView.Indexed(index: $0 + 1, text: $1) }
        announcedAt = state.announcements.last.map { Numbers.clock($0.at) }
        forms = reviewed
    }
}
