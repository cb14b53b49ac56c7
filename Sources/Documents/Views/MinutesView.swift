import Records
import Review

/// 评审会议记录: every item of 皖人社发〔2018〕5号 第二十四条, in the order the regulation lists them.
///
/// Template fields: `committee` (`CommitteeView`; its date is the day the meeting was held),
/// `plannedDate` (the settings' date in Chinese, when the meeting opened on another day),
/// `draft` (bool: the meeting has not closed),
/// `openedAt`, `closedAt`, `host`, `hostChanges`, `recorder`, `attendance` (`AttendanceLine`s),
/// `attendedCount`, `absent` (names), `absentCount`, `observers`, `agenda`, `reports`,
/// `candidates` (`CandidateView`s with `index`), `deliberations` (`DeliberationView`s),
/// `rounds` (`RoundLine`s), `votes` (`VoteLine`s), `rejections`, `matters`, `notes`,
/// `announcements`, `counted`, `passed`, `rejected`.
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

    struct DeliberationView {
        var index: Int
        var candidate: CandidateView
        var beganAt: String
        /// `与钱晓梅、马俊杰合并评议`; nil when deliberated alone.
        var batch: String?
        var opinions: [Timed]
        var speeches: [SpeechLine]
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
    /// Names of members never present, `、`-separated; nil when all came.
    var absent: String?
    var absentCount: Int
    var observers: [ObserverLine]
    var agenda: [Indexed]
    var reports: [Timed]
    var candidates: [Indexed]
    var deliberations: [DeliberationView]
    var rounds: [RoundLine]
    var votes: [VoteLine]
    var rejections: [Rejection]
    var matters: [MatterLine]
    var notes: [Indexed]
    var announcements: [Timed]
    var counted: Int
    var passed: Int
    var rejected: Int

    init(_ state: SessionState) {
        let records = state.candidateRecords()
        committee = CommitteeView(state.settings)
        committee.date = state.meetingDate
        committee.dateChinese = Numbers.chineseDate(state.meetingDate)
        plannedDate = state.plannedDateIfDifferent.map(Numbers.chineseDate)
        draft = state.phase != .closed
        openedAt = state.openedAt.map { Numbers.clock($0) }
        closedAt = state.closedAt.map { Numbers.clock($0) }
        host = state.memberLabel(state.openingHost)
        hostChanges = state.hostChanges.map { Timed(at: Numbers.clock($0.at), text: state.memberLabel($0.value)) }
        recorder = state.recorder ?? ""

        let end = state.closedAt.map { Numbers.clock($0) } ?? "—"
        var lines: [AttendanceLine] = []
        for m in state.attendedMembers {
            let stays = state.stays[m.id] ?? []
            let periods = stays.map { "\(Numbers.clock($0.arrivedAt))–\($0.leftAt.map(Numbers.clock) ?? end)" }
            let notes = stays.compactMap { s -> String? in
                guard let left = s.leftAt else { return nil }
                return "\(Numbers.clock(left)) 中途离会" + (s.reason.map { "（\($0)）" } ?? "")
            }
            var note = notes.joined(separator: "；")
            if stays.count > 1 { note += "；\(Numbers.clock(stays.last!.arrivedAt)) 返回" }
            if let opened = state.openedAt, let first = stays.first, first.arrivedAt > opened {
                note = "迟到" + (note.isEmpty ? "" : "；" + note)
            }
            lines.append(AttendanceLine(
                index: lines.count + 1, id: m.id, name: m.name, office: m.office.rawValue, unit: m.unit,
                arrived: Numbers.clock(stays.first?.arrivedAt), left: stays.last?.leftAt.map(Numbers.clock) ?? end,
                periods: periods.joined(separator: "；"), note: note))
        }
        attendance = lines
        attendedCount = lines.count
        let absentMembers = state.members.filter { (state.stays[$0.id] ?? []).isEmpty }
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

        let taken = records.filter { $0.progress.deliberationSeq != nil }
            .sorted { ($0.progress.deliberationSeq!, state.candidateIndex[$0.candidate.id]!) < ($1.progress.deliberationSeq!, state.candidateIndex[$1.candidate.id]!) }
        var batches: [Int: [String]] = [:]
        for r in taken { batches[r.progress.deliberationSeq!, default: []].append(r.candidate.name) }
        deliberations = taken.enumerated().map { i, r in
            let p = r.progress
            let batch = batches[p.deliberationSeq!]!
            var notVoted: String?
            switch p.stage {
            case .deliberating: notVoted = "已评议，未表决"
            case .voting(let n): notVoted = "第 \(n) 轮投票进行中"
            default: break
            }
            return DeliberationView(
                index: i + 1, candidate: CandidateView(r.candidate), beganAt: Numbers.clock(p.deliberationAt),
                batch: batch.count > 1 ? "与\(batch.filter { $0 != r.candidate.name }.joined(separator: "、"))合并评议" : nil,
                opinions: p.opinions.map { Timed(at: Numbers.clock($0.at), text: $0.value) },
                speeches: p.speeches.map { SpeechLine(at: Numbers.clock($0.at), member: state.memberName($0.value.member), text: $0.value.text) },
                recusals: p.recusals.map { RecusalLine(member: state.memberName($0.member), reason: $0.reason) },
                vote: VoteView(r, size: state.settings.size), notVoted: notVoted,
                reason: r.outcome == .rejected ? p.reasons.last?.value : nil)
        }

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
            guard let r = records.first(where: { $0.candidate.id == id }), let v = VoteView(r, size: state.settings.size) else { continue }
            voteLines.append(VoteLine(index: voteLines.count + 1, id: id, name: r.candidate.name, vote: v))
        }
        votes = voteLines
        counted = voteLines.count
        passed = voteLines.filter(\.vote.passed).count
        rejected = counted - passed
        rejections = voteLines.filter { !$0.vote.passed }.map { line in
            Rejection(name: line.name, reason: state.progress[line.id]!.reasons.last?.value ?? "")
        }
        matters = state.matters.enumerated().map { i, m in
            MatterLine(index: i + 1, at: Numbers.clock(m.at), text: m.value.text, handling: m.value.handling)
        }
        notes = Self.notes(state, records).enumerated().map { Indexed(index: $0 + 1, text: $1) }
        announcements = state.announcements.map { a in
            Timed(at: Numbers.clock(a.at), text: "主持人\(state.memberName(a.value.host))当场公布 \(a.value.candidates.count) 名申报人的评审结果")
        }
    }
}
