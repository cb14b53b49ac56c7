import Printer
import Records
import Review

/// The committee and meeting, as every document's heading names them.
///
/// Template fields: `name`, `series`, `specialty`, `level`, `organizer`, `date` (`2026-11-26`: the
/// day the meeting was held, which is the settings' date until it opens), `dateChinese` (`2026年11月26日`), `venue`, `size` (委员总数), `quorum` (规定人数), `session`
/// (会议编号: the session id), `policy` (`basis`, `note`: whom N counts, `DenominatorPolicy`).
struct CommitteeView {
    var name: String
    var series: String
    var specialty: String
    var level: String
    var organizer: String
    var date: String
    var dateChinese: String
    var venue: String
    var size: Int
    var quorum: Int
    var session: String
    var policy: PolicyText

    init(_ state: SessionState) {
        let settings = state.settings
        name = settings.name
        series = settings.series
        specialty = settings.specialty
        level = settings.level
        organizer = settings.organizer
        date = state.meetingDate
        dateChinese = Numbers.chineseDate(state.meetingDate)
        venue = settings.venue
        size = settings.size
        quorum = settings.quorum
        session = state.session
        policy = PolicyText(DenominatorPolicy(settings))
    }
}

/// `DenominatorPolicy`'s words as stored fields (templates see stored properties only).
struct PolicyText {
    var basis: String
    var note: String

    init(_ policy: DenominatorPolicy) {
        basis = policy.basis
        note = policy.note
    }
}

/// The counted result of one candidate, as the minutes, result forms and tables print it.
///
/// Template fields: `round`, `paper` (bool), `kind` (电子/纸质), `openedAt`, `closedAt`,
/// `expected` (应到 = 委员总数), `present` (实到 when the vote opened), `eligible`, `recused`,
/// `n`, `basis` (whom N counts, `DenominatorPolicy.basis`), `yes`, `no`, `abstain`, `void`,
/// `needed`, `passed` (bool), `result` (通过/未通过), `conclusion` (通过/不通过).
struct VoteView {
    var round: Int
    var paper: Bool
    var kind: String
    var openedAt: String
    var closedAt: String
    var expected: Int
    var present: Int
    var eligible: Int
    var recused: Int
    var n: Int
    var basis: String
    var yes: Int
    var no: Int
    var abstain: Int
    var void: Int
    var needed: Int
    var passed: Bool
    var result: String
    var conclusion: String

    init?(_ r: CandidateRecord, size: Int, policy: DenominatorPolicy) {
        guard let t = r.tally, let round = r.round else { return nil }
        self.round = round.number
        paper = round.opened.paper
        kind = paper ? "纸质" : "电子"
        openedAt = Numbers.clock(round.openedAt)
        closedAt = Numbers.clock(round.closedAt)
        expected = size
        present = r.presentAtVote ?? 0
        eligible = round.opened.eligible.count
        recused = r.progress.recusals.count
        n = t.denominator
        basis = policy.basis
        yes = t.yes
        no = t.no
        abstain = t.abstain
        void = t.void
        needed = Tally.votesNeeded(denominator: t.denominator)
        passed = t.outcome == .passed
        result = t.outcome.chinese
        conclusion = passed ? "通过" : "不通过"
    }
}

extension SessionState {
    /// `陈建国（主任委员）` for a member id.
    func memberLabel(_ id: MemberID?) -> String {
        guard let id, let m = member(id) else { return id ?? "" }
        return "\(m.name)（\(m.office.rawValue)）"
    }

    /// `陈建国` for a member id.
    func memberName(_ id: MemberID) -> String { member(id)?.name ?? id }

    /// `许文博` for a candidate id.
    func candidateName(_ id: CandidateID) -> String { candidate(id)?.name ?? id }
}
