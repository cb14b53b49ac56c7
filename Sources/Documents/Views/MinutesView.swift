import Printer
import Records
import Review

/// 评审会议记录: every item of 皖人社发〔2018〕5号 第二十四条, in the order the regulation lists them.
///
/// Template fields: `committee` (`CommitteeView`; its date is the day the meeting was held),
/// `plannedDate` (the settings' date in Chinese, when the meeting opened on another day),
/// `draft` (bool: the meeting has not closed),
/// `openedAt`, `closedAt`, `host`, `hostChanges`, `recorder`, `attendance` (`AttendanceLine`s),
/// `attendedCount` (the rows of `attendance`), `attendedSummary` (how they came and went),
/// `absent` (names), `absentCount`, `observers`, `agenda`, `reports`, `candidates` (`index`,
/// `text`), `batches` (`BatchView`s, each with its `candidates`: `DeliberationView`s),
/// `deliberations` (every `DeliberationView`, in order), `rounds` (`RoundLine`s), `votes`
/// (`VoteLine`s), `rejections`, `matters` (专项问题: those with a 处理办法), `others` (the
/// user's 其他需要说明的问题: matters without one), `notes` (what the journal itself calls for
/// explaining), `announcements`, `counted`, `passed`, `rejected`, `signatures`
/// (`SignatureLine`s, on a print copy of signed minutes) and `signed`.
struct MinutesView {
    struct Timed { var at: String; var text: String }
    struct Indexed { var index: Int; var text: String }

    /// A member's attendance: every stretch in the room, and the departures with reasons.
    struct AttendanceLine {
        var index: Int
        var id: String
        var name: String
        var office: String
        var unit: String
        var arrived: String
        var left: String
        /// `08:40–10:05；10:20–12:05` when the member left and came back.
        var periods: String
        var note: String
    }

    struct ObserverLine { var index: Int; var name: String; var unit: String; var kind: String; var at: String }

    /// An opinion as printed: its own label when the text starts with one (`电子信息一组评议意见：…`),
    /// else `评议组/初审意见`, so the label is never printed twice.
    struct Opinion {
        var label: String
        var text: String

        init(_ text: String) {
            if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                let head = text[..<colon]
                if head.hasSuffix("意见"), head.count <= 24, !head.contains("。"), !head.contains("，") {
                    label = String(head)
                    self.text = String(text[text.index(after: colon)...]).trimmingWhitespace()
                    return
                }
            }
            label = "评议组/初审意见"
            self.text = text
        }
    }

    /// Candidates whose deliberation began together, and the opinion given once for all.
    struct BatchView {
        var index: Int
        var beganAt: String
        /// Whether several candidates were deliberated together.
        var several: Bool
        /// `许文博、钱晓梅、马俊杰`.
        var names: String
        var opinion: Opinion?
        var candidates: [DeliberationView]
    }

    struct DeliberationView {
        var index: Int
        var candidate: CandidateView
        var beganAt: String
        /// `与钱晓梅、马俊杰合并评议`; nil when deliberated alone.
        var batch: String?
        /// The opinions on this candidate alone (a batch's shared one is `BatchView.opinion`).
        var opinions: [Opinion]
        var speeches: [SpeechLine]
        /// 评审讨论情况, in the order recorded.
        var discussions: [Timed]
        var recusals: [RecusalLine]
        var vote: VoteView?
        /// Why there is no vote (not yet voted, or a round still open); nil when voted.
        var notVoted: String?
        /// The recorded reason for a rejection; nil unless rejected.
        var reason: String?
    }
    struct SpeechLine { var at: String; var member: String; var text: String }
    struct RecusalLine { var member: String; var reason: String }

    struct RoundLine {
        var number: Int
        var candidates: String
        var kind: String
        var openedAt: String
        var closedAt: String
        var distributed: Int
        var returned: String
        var status: String
    }

    struct VoteLine {
        var index: Int
        var id: String
        var name: String
        var vote: VoteView
    }

    struct Rejection { var name: String; var reason: String }
    struct MatterLine { var index: Int; var at: String; var text: String; var handling: String? }

    var committee: CommitteeView
    /// The planned date (`date` in the settings) when the meeting was held on another day (第二十四条: 开会日期).
    var plannedDate: String?
    var draft: Bool
    /// nil before the meeting opens.
    var openedAt: String?
    /// nil while the meeting is open.
    var closedAt: String?
    var host: String
    var hostChanges: [Timed]
    var recorder: String
    var attendance: [AttendanceLine]
    var attendedCount: Int
    /// `开会时在场 21 人，会议开始后到会 1 人；中途离会 1 人次，离会后返回 1 人`.
    var attendedSummary: String
    /// Names of members never present, `、`-separated; nil when all came.
    var absent: String?
    var absentCount: Int
    var observers: [ObserverLine]
    var agenda: [Indexed]
    var reports: [Timed]
    var candidates: [Indexed]
    var batches: [BatchView]
    var deliberations: [DeliberationView]
    var rounds: [RoundLine]
    var votes: [VoteLine]
    var rejections: [Rejection]
    var matters: [MatterLine]
    var others: [Indexed]
    var notes: [Indexed]
    var announcements: [Timed]
    var counted: Int
    var passed: Int
    var rejected: Int
    var signatures: [SignatureLine]
    var signed: Bool

    init(_ state: SessionState, signatures: [SignatureLine] = []) {
        let records = state.candidateRecords()
        committee = CommitteeView(state)
        self.signatures = signatures
        signed = !signatures.isEmpty
        plannedDate = state.plannedDateIfDifferent.map(Numbers.chineseDate)
        draft = state.phase != .closed
        openedAt = state.openedAt.map { Numbers.clock($0) }
        closedAt = state.closedAt.map { Numbers.clock($0) }
        host = state.memberLabel(state.openingHost)
        hostChanges = state.hostChanges.map { Timed(at: Numbers.clock($0.at), text: state.memberLabel($0.value)) }
        recorder = state.recorder ?? ""

        let end = state.closedAt.map { Numbers.clock($0) } ?? "—"
        var lines: [AttendanceLine] = []
        var late = 0, departures = 0, returns = 0
        // A member who signed in and left again before the meeting opened did not attend it.
        let attended = state.members.filter { m in
            (state.stays[m.id] ?? []).contains { s in state.openedAt.map { opened in s.leftAt.map { $0 > opened } ?? true } ?? true }
        }
        for m in attended {
            let stays = state.stays[m.id] ?? []
            let periods = stays.map { "\(Numbers.clock($0.arrivedAt))–\($0.leftAt.map(Numbers.clock) ?? end)" }
            let notes = stays.compactMap { s -> String? in
                guard let left = s.leftAt else { return nil }
                return "\(Numbers.clock(left)) 中途离会" + (s.reason.map { "（\($0)）" } ?? "")
            }
            departures += notes.count
            if stays.count > 1 { returns += 1 }
            var note = notes.joined(separator: "；")
            if stays.count > 1 { note += "；\(Numbers.clock(stays.last!.arrivedAt)) 返回" }
            if let opened = state.openedAt, let first = stays.first, first.arrivedAt > opened {
                note = "迟到" + (note.isEmpty ? "" : "；" + note)
                late += 1
            }
            lines.append(AttendanceLine(
                index: lines.count + 1, id: m.id, name: m.name, office: m.office.rawValue, unit: m.unit,
                arrived: Numbers.clock(stays.first?.arrivedAt), left: stays.last?.leftAt.map(Numbers.clock) ?? end,
                periods: periods.joined(separator: "；"), note: note))
        }
        attendance = lines
        attendedCount = lines.count
        var summary = state.openedAt == nil ? "均为会前签到" : "开会时在场 \(lines.count - late) 人"
        if late > 0 { summary += "，会议开始后到会 \(late) 人" }
        if departures > 0 { summary += "；中途离会 \(departures) 人次" + (returns > 0 ? "，离会后返回 \(returns) 人" : "") }
        attendedSummary = summary
        let absentMembers = state.members.filter { m in !attended.contains { $0.id == m.id } }
        absent = absentMembers.isEmpty ? nil : absentMembers.map(\.name).joined(separator: "、")
        absentCount = absentMembers.count

        observers = state.observers.enumerated().map { i, o in
            ObserverLine(index: i + 1, name: o.value.name, unit: o.value.unit, kind: o.value.kind.chinese, at: Numbers.clock(o.at))
        }
        agenda = state.agenda.enumerated().map { Indexed(index: $0 + 1, text: $1) }
        reports = state.reports.map { Timed(at: Numbers.clock($0.at), text: $0.value) }
        candidates = state.candidates.enumerated().map { i, c in
            let title = "\(c.appliedTitle)（\(c.series)/\(c.specialty)/\(c.level)）"
            return Indexed(index: i + 1, text: "\(c.name)，\(c.gender)，\(c.unit)，申报\(title)\(c.exceptional ? "，破格" : "")")
        }

        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.candidate.id, $0) })
        let policy = DenominatorPolicy(state.settings)
        var all: [DeliberationView] = []
        batches = state.batches.enumerated().map { b, batch in
            let names = batch.candidates.map(state.candidateName)
            let views = batch.candidates.compactMap { byID[$0] }.map { r -> DeliberationView in
                let p = r.progress
                var notVoted: String?
                switch p.stage {
                case .deliberating: notVoted = "已评议，未表决"
                case .voting(let n): notVoted = "第 \(n) 轮投票进行中"
                default: break
                }
                let view = DeliberationView(
                    index: all.count + 1, candidate: CandidateView(r.candidate), beganAt: Numbers.clock(p.deliberationAt),
                    batch: names.count > 1 ? "与\(names.filter { $0 != r.candidate.name }.joined(separator: "、"))合并评议" : nil,
                    opinions: p.opinions.map { Opinion($0.value) },
                    speeches: p.speeches.map { SpeechLine(at: Numbers.clock($0.at), member: state.memberName($0.value.member), text: $0.value.text) },
                    discussions: p.discussions.map { Timed(at: Numbers.clock($0.at), text: $0.value) },
                    recusals: p.recusals.map { RecusalLine(member: state.memberName($0.member), reason: $0.reason) },
                    vote: VoteView(r, size: state.settings.size, policy: policy), notVoted: notVoted,
                    reason: r.outcome == .rejected ? p.reasons.last?.value : nil)
                all.append(view)
                return view
            }
            return BatchView(index: b + 1, beganAt: Numbers.clock(batch.at), several: names.count > 1,
                             names: names.joined(separator: "、"), opinion: batch.opinion.map(Opinion.init), candidates: views)
        }
        deliberations = all

        rounds = state.rounds.map { round in
            let names = round.opened.candidates.map(state.candidateName).joined(separator: "、")
            var status = "进行中"
            var returned = ""
            switch round.status {
            case .open: status = "进行中"
            case .closed(let c):
                status = "已计票"
                returned = "\(c.returned)"
            case .cancelled(let reason): status = "已取消（\(reason)）"
            }
            return RoundLine(number: round.number, candidates: names, kind: round.opened.paper ? "纸质" : "电子",
                             openedAt: Numbers.clock(round.openedAt), closedAt: Numbers.clock(round.closedAt),
                             distributed: round.opened.eligible.count, returned: returned, status: status)
        }

        var voteLines: [VoteLine] = []
        for id in state.countedInOrder {
            guard let r = byID[id], let v = VoteView(r, size: state.settings.size, policy: policy) else { continue }
            voteLines.append(VoteLine(index: voteLines.count + 1, id: id, name: r.candidate.name, vote: v))
        }
        votes = voteLines
        counted = voteLines.count
        passed = voteLines.filter(\.vote.passed).count
        rejected = counted - passed
        rejections = voteLines.filter { !$0.vote.passed }.map { line in
            Rejection(name: line.name, reason: state.progress[line.id]!.reasons.last?.value ?? "")
        }
        // A 专项问题 is recorded with its 处理办法; a matter without one is something else the
        // minutes must explain (其他需要说明的问题).
        matters = state.matters.filter { $0.value.handling != nil }.enumerated().map { i, m in
            MatterLine(index: i + 1, at: Numbers.clock(m.at), text: m.value.text, handling: m.value.handling)
        }
        others = state.matters.filter { $0.value.handling == nil }.enumerated().map { Indexed(index: $0 + 1, text: $1.value.text) }
        notes = Self.notes(state, records).enumerated().map { Indexed(index: $0 + 1, text: $1) }
        announcements = state.announcements.map { a in
            Timed(at: Numbers.clock(a.at), text: "主持人\(state.memberName(a.value.host))当场公布 \(a.value.candidates.count) 名申报人的评审结果")
        }
    }
}
