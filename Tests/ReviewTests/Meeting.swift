import Records
import Review
import Testing

/// A committee meeting driven command by command through `Review.decide` and `apply`,
/// as the workspace does, but in memory: the fixture for the rule tests.
struct Meeting {
    var state: SessionState
    var seq = 1
    var minute = 8 * 60
    /// The day entries are dated (the settings' `date` unless a test moves the meeting).
    var day = "2026-11-26"
    /// PINs handed out, as members hold them.
    var pins: [MemberID: String] = [:]
    /// Every accepted event after the founding one, in order.
    var history: [Event] = []

    /// A committee of `size` members (M01 主任委员, M02–M03 副主任委员, the rest 委员) and
    /// `candidates` candidates C01…; every member works at 单位N, every candidate at 企业N.
    init(size: Int = 25, candidates: Int = 6, quorum: Int? = nil, denominator: Denominator = .present,
         recusedLeaveDenominator: Bool = true, yesCap: Int = 0, sameEmployerRecusal: Bool = false,
         registry: [PastDecision] = [], year: Int? = nil, observerUnits: [String]? = nil,
         tweak: (inout [Member], inout [Candidate]) -> Void = { _, _ in }) {
        var members = (1...size).map { n in
            Member(id: Self.member(n), name: "委员\(n)", office: n == 1 ? .chair : (n <= 3 ? .viceChair : .member),
                   unit: "单位\(n)", panel: "一组")
        }
        var list = (1...candidates).map { n in
            Candidate(id: Self.candidate(n), name: "申报人\(n)", gender: n % 2 == 0 ? "女" : "男", born: "1985-0\(n % 9 + 1)",
                      unit: "企业\(n)", education: "硕士研究生", currentTitle: "工程师", appliedTitle: "高级工程师",
                      series: "工程", specialty: "电子信息", level: "高级", exceptional: false, panel: "一组")
        }
        tweak(&members, &list)
        let settings = Settings(name: "测试评委会", series: "工程", specialty: "电子信息", level: "高级", organizer: "安徽省人力资源和社会保障厅",
                                date: "2026-11-26", size: size, quorum: quorum ?? Settings.minimumQuorum(size: size),
                                denominator: denominator, recusedLeaveDenominator: recusedLeaveDenominator, yesCap: yesCap,
                                sameEmployerRecusal: sameEmployerRecusal, year: year, observerUnits: observerUnits)
        let founding = SessionCreated(session: "0123456789abcdef0123456789abcdef", settings: settings, members: members,
                                      candidates: list, registry: registry, registryPath: nil, sources: [:])
        state = try! SessionState.replay([Entry(seq: 1, at: "2026-11-26T08:00:00+08:00", event: .sessionCreated(founding))])
    }

    /// The tellers of every paper round in these tests.
    static let tellers = ["甲", "乙"]

    /// Opens a paper round for `candidates`, counted by `tellers`.
    static func paper(_ candidates: [CandidateID], tellers: [String] = Meeting.tellers) -> Command {
        .openRound(candidates, paper: true, tellers: tellers)
    }

    static func member(_ n: Int) -> MemberID { n < 10 ? "M0\(n)" : "M\(n)" }
    static func candidate(_ n: Int) -> CandidateID { n < 10 ? "C0\(n)" : "C\(n)" }
    static func members(_ range: ClosedRange<Int>) -> [MemberID] { range.map(member) }

    /// Judges `command`; if accepted, applies its event (one minute later than the last) and returns it.
    /// A refusal that still records the attempt (a wrong PIN, R16) has its record applied, as
    /// the workspace does, and is then passed on.
    @discardableResult
    mutating func run(_ command: Command) throws(Rejection) -> Event {
        let event: Event
        do { event = try Review.decide(command, in: state) } catch {
            if case .refused(let r) = error, let record = r.record { try apply(try Review.decide(record, in: state)) }
            throw error
        }
        try apply(event)
        return event
    }

    /// Applies `event` one minute later than the last.
    mutating func apply(_ event: Event) throws(Rejection) {
        minute += 1
        seq += 1
        let at = "\(day)T\(minute / 60 < 10 ? "0" : "")\(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60):00+08:00"
        try! state.apply(Entry(seq: seq, at: at, event: event))
        history.append(event)
    }

    /// Runs `command`, which the test expects to succeed.
    @discardableResult
    mutating func ok(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> Event? {
        do { return try run(command) } catch {
            Issue.record("expected \(command) to be accepted, got: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Runs `command`, which must be refused under `rule`; checks nothing changed (but the
    /// attempt a refusal records: R16).
    mutating func refused(_ command: Command, _ rule: Rule, sourceLocation: SourceLocation = #_sourceLocation) {
        var before = state.lastSeq
        do {
            try run(command)
            Issue.record("expected \(rule.rawValue) to refuse \(command)", sourceLocation: sourceLocation)
        } catch {
            guard case .refused(let r) = error else {
                Issue.record("expected a \(rule.rawValue) refusal, got input error: \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(r.rule == rule, "refused under \(r.rule.rawValue), expected \(rule.rawValue): \(r.chinese)", sourceLocation: sourceLocation)
            if r.record != nil { before += 1 }
            #expect(r.description.contains(rule.rawValue) && r.description.contains("第"), sourceLocation: sourceLocation)
        }
        #expect(state.lastSeq == before, sourceLocation: sourceLocation)
    }

    /// The refusal `command` would meet now, without running it.
    func refusal(_ command: Command) -> Refusal? {
        do {
            _ = try Review.decide(command, in: state)
            return nil
        } catch {
            if case .refused(let r) = error { return r }
            return nil
        }
    }

    /// Runs `command`, which must fail as bad input (not a rule).
    mutating func invalid(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try run(command)
            Issue.record("expected \(command) to be rejected as bad input", sourceLocation: sourceLocation)
        } catch {
            guard case .invalid = error else {
                Issue.record("expected an input error, got \(error)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Signs members in with PIN "1000+n" style PINs, hashed as the workspace does (any stable function will do here).
    mutating func checkIn(_ ids: [MemberID]) {
        var arrivals: [Arrival] = []
        for id in ids {
            let pin = "pin-\(id)-\(seq)"
            pins[id] = pin
            arrivals.append(Arrival(member: id, pinSalt: "salt", pinMAC: Self.hash(pin)))
        }
        ok(.checkIn(arrivals))
    }

    static func hash(_ pin: String) -> String { "h(\(pin))" }

    /// Signs members 1…`present` in and opens the meeting under M01.
    mutating func open(present: Int) {
        checkIn(Self.members(1...present))
        ok(.openMeeting(host: "M01", recorder: "记录人", agenda: [], seal: nil))
    }

    /// A cast by `member` with their own PIN.
    func cast(_ member: MemberID, _ choices: [CandidateID: Choice]) -> Command {
        .castBallot(member: member, pinMAC: pins[member].map(Self.hash), choices: choices)
    }

    /// Ballots as the spool would hold them (ids made unique from a counter).
    static func ballots(_ choices: [[CandidateID: Choice]]) -> [Ballot] {
        choices.enumerated().map { index, marks in
            Ballot(id: String(repeating: "0", count: 8) + "\((index * 7919) % 10007)-\(index)", choices: marks, nonce: "n\(index)")
        }
    }

    /// Every eligible member of the open round votes: the first `yes` 同意, the next `no` 不同意,
    /// the next `abstain` 弃权, the rest do not vote; then the round closes. Returns its tallies.
    @discardableResult
    mutating func vote(_ candidates: [CandidateID], yes: Int, no: Int = 0, abstain: Int = 0, paper: Bool = false) -> [Tally] {
        guard ok(.openRound(candidates, paper: paper, tellers: paper ? Self.tellers : [])) != nil else { return [] }
        let voters = state.openRound!.opened.eligible
        var ballots: [[CandidateID: Choice]] = []
        for (i, m) in voters.enumerated() {
            let choice: Choice? = i < yes ? .yes : (i < yes + no ? .no : (i < yes + no + abstain ? .abstain : nil))
            guard let choice else { continue }
            let ballot = Dictionary(uniqueKeysWithValues: candidates.map { ($0, choice) })
            ok(cast(m, ballot))
            ballots.append(ballot)
        }
        guard let closed = ok(.closeRound(ballots: Self.ballots(ballots)))?.roundClosed else {
            Issue.record("the round did not close")
            return []
        }
        return closed.tallies
    }
}
