import Journal
import Records

/// A representative journal: every `Event` case at least once, optionals both nil and set,
/// and text that needs escaping (quotes, backslashes, line breaks, controls, U+2028/9).
enum SampleJournal {
    static let tricky = "引号\"反斜杠\\换行\n回车\r制表\t空\u{0}控\u{1F}\u{7F} 行分隔\u{2028}段分隔\u{2029} 斜杠/ 😀 é e\u{301} \u{FEFF}"

    static let settings = Settings(
        name: "安徽省工程系列电子信息专业高级职称评审委员会", series: "工程", specialty: "电子信息", level: "高级",
        organizer: tricky, date: "2026-11-26", venue: "", size: 25, quorum: 17, denominator: .present,
        recusedLeaveDenominator: false, yesCap: 3, sameEmployerRecusal: true)

    static let members = [
        Member(id: "M01", name: "陈建国", office: .chair, unit: "中国科学技术大学", panel: "电子信息一组"),
        Member(id: "M02", name: tricky, office: .viceChair, unit: "", panel: ""),
        Member(id: "M03", name: "王志强", office: .member, unit: "第三十八研究所", panel: "电子信息二组"),
    ]

    static let candidates = [
        Candidate(id: "C01", name: "许文博", gender: "男", born: "1984-03", unit: "合肥长城电子有限公司", education: "硕士研究生",
                  currentTitle: "工程师", appliedTitle: "高级工程师", series: "工程", specialty: "电子信息", level: "高级",
                  exceptional: false, panel: "电子信息一组"),
        Candidate(id: "C02", name: "钱晓梅", gender: "女", born: "1986-07", unit: tricky, education: "", currentTitle: "",
                  appliedTitle: "高级工程师", series: "工程", specialty: "", level: "高级", exceptional: true, panel: "",
                  idNumber: "34010119860701002X"),
    ]

    static let registry = [
        PastDecision(committee: "评委会", session: String(repeating: "ab", count: 16), date: "2025-11-20", candidate: "C07",
                     applicant: ApplicantKey(name: "许文博", gender: "男", born: "1984-03", appliedTitle: "高级工程师", idNumber: nil),
                     unit: "合肥", outcome: .rejected, yes: 0, denominator: 25),
        PastDecision(committee: tricky, session: String(repeating: "cd", count: 16), date: "2025-11-20", candidate: "C08",
                     applicant: ApplicantKey(name: "钱晓梅", gender: "女", born: "1986-07", appliedTitle: "高级工程师",
                                             idNumber: "34010119860701002X"),
                     unit: "", outcome: .passed, yes: 25, denominator: 25),
    ]

    static let ballots = [
        Ballot(id: String(repeating: "0a", count: 32), choices: ["C01": .yes, "C02": .no, "C03": .abstain], nonce: String(repeating: "f", count: 32)),
        Ballot(id: String(repeating: "1b", count: 32), choices: [:], nonce: String(repeating: "e", count: 32)),
    ]

    static let tallies = [
        Tally(candidate: "C01", denominator: 25, yes: 17, no: 5, abstain: 1, void: 2, outcome: .passed),
        Tally(candidate: "C02", denominator: 24, yes: 15, no: 9, abstain: 0, void: 0, outcome: .rejected),
    ]

    static let events: [Event] = [
        .sessionCreated(SessionCreated(
            session: String(repeating: "9f", count: 16), settings: settings, members: members, candidates: candidates,
            registry: registry, registryPath: "/srv/评委会/registry.jsonl",
            sources: ["session.toml": String(repeating: "1", count: 64), "members.csv": String(repeating: "2", count: 64),
                      "candidates.csv": String(repeating: "3", count: 64)])),
        .sessionCreated(SessionCreated(session: "", settings: settings, members: [members[0]], candidates: [candidates[0]],
                                       registry: [], registryPath: nil, sources: [:])),
        .membersArrived(MembersArrived(arrivals: [
            Arrival(member: "M01", pinSalt: String(repeating: "0", count: 32), pinMAC: String(repeating: "a", count: 64)),
            Arrival(member: "M02", pinSalt: String(repeating: "1", count: 32), pinMAC: String(repeating: "b", count: 64)),
        ])),
        .membersArrived(MembersArrived(arrivals: [])),
        .memberLeft(MemberLeft(member: "M02", reason: tricky)),
        .memberLeft(MemberLeft(member: "M03", reason: nil)),
        .observerAdmitted(ObserverAdmitted(name: "李处长", unit: "安徽省人力资源和社会保障厅", kind: .hrss)),
        .observerAdmitted(ObserverAdmitted(name: tricky, unit: "", kind: .organizer)),
        .meetingOpened(MeetingOpened(host: "M01", recorder: "赵秘书", agenda: ["组建单位汇报", tricky, ""])),
        .meetingOpened(MeetingOpened(host: "M02", recorder: "", agenda: [])),
        .hostChanged(HostChanged(host: "M02")),
        .materialsReported(Note(text: tricky)),
        .deliberationBegan(DeliberationBegan(candidates: ["C01", "C02"], opinion: tricky,
                                             recusals: [Recusal(member: "M03", candidate: "C01", reason: "同一工作单位")])),
        .deliberationBegan(DeliberationBegan(candidates: [], opinion: nil, recusals: [])),
        .opinionRecorded(CandidateNote(candidate: "C01", text: "评议组同意推荐")),
        .memberRecused(Recusal(member: "M03", candidate: "C02", reason: tricky)),
        .speechRecorded(Speech(candidate: "C01", member: "M02", text: tricky)),
        .roundOpened(RoundOpened(round: 1, candidates: ["C01", "C02"], eligible: ["M01", "M02", "M03"],
                                 denominators: ["C01": 25, "C02": 24], paper: false, yesCap: 0)),
        .roundOpened(RoundOpened(round: 2, candidates: ["C03"], eligible: [], denominators: [:], paper: true, yesCap: 2)),
        .ballotIssued(BallotIssued(round: 1, member: "M01")),
        .sheetEntered(SheetEntered(round: 2, sheet: 7, teller: tricky, marks: ["C01": ["同意", "✓"], "C02": [], tricky: [tricky]])),
        .roundCancelled(RoundCancelled(round: 2, reason: tricky)),
        .roundClosed(RoundClosed(round: 1, ballots: ballots, returned: 23, tallies: tallies)),
        .roundClosed(RoundClosed(round: 3, ballots: [], returned: 0, tallies: [])),
        .reasonRecorded(CandidateNote(candidate: "C02", text: tricky)),
        .matterRecorded(Matter(text: tricky, handling: "当场核实")),
        .matterRecorded(Matter(text: "其他事项", handling: nil)),
        .resultsAnnounced(ResultsAnnounced(host: "M01", candidates: ["C01", "C02"])),
        .meetingClosed(MeetingClosed(host: "M01", registered: 2)),
        .journalRepaired(JournalRepaired(discardedBytes: Int.max, sha256: String(repeating: "e3", count: 32),
                                         keptIn: "journal.jsonl.torn-2026-11-26T10:00:00")),
        .discussionRecorded(CandidateNote(candidate: "C02", text: tricky)),
    ]

    static let entries: [Entry] = events.enumerated().map { i, event in
        Entry(seq: i + 1, at: "2026-11-26T09:\(10 + i):00+08:00", event: event)
    }

    /// Every event kind the journal knows, as named in its `event` field.
    static let allKinds: Set<String> = [
        "session.created", "members.arrived", "member.left", "observer.admitted", "meeting.opened", "host.changed",
        "materials.reported", "deliberation.began", "opinion.recorded", "member.recused", "speech.recorded", "discussion.recorded",
        "round.opened", "ballot.issued", "sheet.entered", "round.cancelled", "round.closed", "reason.recorded",
        "matter.recorded", "results.announced", "meeting.closed", "journal.repaired",
    ]

    /// The journal as written: one encoded line per entry.
    static var lines: [[UInt8]] { entries.map { try! EntryCoding.encode($0) } }
}
