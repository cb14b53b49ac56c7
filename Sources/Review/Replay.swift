import Records

/// A journal whose events do not fit together (an unknown id, a round that was never opened).
/// Names the entry so the reader can find it.
public struct ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    public var seq: Int
    public var problem: String

    public init(seq: Int, problem: String) {
        self.seq = seq
        self.problem = problem
    }

    public var description: String {
        "日志第 \(seq) 条无法重放 (journal entry \(seq) cannot be replayed): \(problem)"
    }
}

extension SessionState {
    /// The state of a session founded by `founding`, before anything else happened.
    public init(founding: SessionCreated) {
        self.founding = founding
        var mi: [MemberID: Int] = [:]
        mi.reserveCapacity(founding.members.count)
        for (i, m) in founding.members.enumerated() { mi[m.id] = i }
        var ci: [CandidateID: Int] = [:]
        ci.reserveCapacity(founding.candidates.count)
        for (i, c) in founding.candidates.enumerated() { ci[c.id] = i }
        progress.reserveCapacity(founding.candidates.count)
        memberIndex = mi
        candidateIndex = ci
        for c in founding.candidates {
            var p = CandidateProgress()
            if let past = founding.registry.first(where: { $0.isSameApplication(as: c, year: founding.settings.reviewYear) }) {
                p.stage = .barred(past)
            }
            progress[c.id] = p
        }
    }

    /// Replays a whole journal: the first entry founds the session, the rest are applied in order.
    public static func replay(_ entries: some Sequence<Entry>) throws(ReplayError) -> SessionState {
        var iterator = entries.makeIterator()
        guard let first = iterator.next() else { throw ReplayError(seq: 1, problem: "日志为空 (the journal is empty)") }
        guard case .sessionCreated(let founding) = first.event, first.seq == 1 else {
            throw ReplayError(seq: first.seq, problem: "第一条必须是 session.created (the first entry must be session.created)")
        }
        var state = SessionState(founding: founding)
        state.lastSeq = 1
        state.lastAt = first.at
        while let entry = iterator.next() {
            try state.apply(entry)
        }
        return state
    }

    /// Applies one more entry. Does not re-judge the rules (that is `decide`'s job and the
    /// verifier's); it only refuses entries that cannot be fitted into the state at all.
    public mutating func apply(_ entry: Entry) throws(ReplayError) {
        let seq = entry.seq
        let at = entry.at
        func fail(_ problem: String) -> ReplayError { ReplayError(seq: seq, problem: problem) }
        guard seq == lastSeq + 1 else { throw fail("序号应为 \(lastSeq + 1) (expected seq \(lastSeq + 1))") }
        let callsForSeal = needsCheckpoint(after: entry.event)
        func knownMember(_ id: MemberID) throws(ReplayError) {
            guard memberIndex[id] != nil else { throw fail("未知委员 \(id) (unknown member)") }
        }
        func knownCandidate(_ id: CandidateID) throws(ReplayError) {
            guard candidateIndex[id] != nil else { throw fail("未知申报人 \(id) (unknown candidate)") }
        }
        func round(_ number: Int) throws(ReplayError) -> Int {
            // Rounds are numbered 1, 2, … in order, so the number is nearly always the index + 1.
            if number >= 1, number <= rounds.count, rounds[number - 1].number == number { return number - 1 }
            guard let i = rounds.firstIndex(where: { $0.number == number }) else {
                throw fail("未开启的第 \(number) 轮 (round \(number) was never opened)")
            }
            return i
        }

        switch entry.event {
        case .sessionCreated:
            throw fail("session.created 只能是第一条 (session.created may only come first)")

        case .membersArrived(let e):
            for a in e.arrivals {
                try knownMember(a.member)
                present.insert(a.member)
                pins[a.member] = a
                pinFailures[a.member] = 0
                stays[a.member, default: []].append(Stay(arrivedSeq: seq, arrivedAt: at))
            }

        case .memberLeft(let e):
            try knownMember(e.member)
            guard present.remove(e.member) != nil else { throw fail("委员 \(e.member) 不在场 (member not present)") }
            pins[e.member] = nil
            if var list = stays[e.member], !list.isEmpty {
                list[list.count - 1].leftSeq = seq
                list[list.count - 1].leftAt = at
                list[list.count - 1].reason = e.reason
                stays[e.member] = list
            }
            // Candidates on an open ballot keep their frozen voters, but if that round is
            // cancelled the next one needs attendance from the deliberation onwards (R3).
            for id in progress.keys {
                switch progress[id]!.stage {
                case .deliberating, .voting: progress[id]!.attended.remove(e.member)
                default: break
                }
            }

        case .observerAdmitted(let e):
            observers.append(Timed(at: at, value: e))

        case .meetingOpened(let e):
            try knownMember(e.host)
            phase = .open
            host = e.host
            openingHost = e.host
            recorder = e.recorder
            agenda = e.agenda
            seal = e.seal
            openedAt = at

        case .hostChanged(let e):
            try knownMember(e.host)
            host = e.host
            hostChanges.append(Timed(at: at, value: e.host))

        case .materialsReported(let note):
            reports.append(Timed(at: at, value: note.text))

        case .deliberationBegan(let e):
            for id in e.candidates {
                try knownCandidate(id)
                // A deliberation begins once: beginning it again would restore the vote of members who left (R3).
                if let earlier = progress[id]!.deliberationSeq {
                    throw fail("申报人 \(id) 的评议已于第 \(earlier) 条开始，不能再次开始 (the deliberation of \(id) already began at entry \(earlier))")
                }
                progress[id]!.stage = .deliberating
                progress[id]!.deliberationSeq = seq
                progress[id]!.deliberationAt = at
                progress[id]!.attended = present
                // One candidate's opinion is theirs; a batch's is recorded once, for the batch.
                if e.candidates.count == 1, let opinion = e.opinion { progress[id]!.opinions.append(Timed(at: at, value: opinion)) }
            }
            batches.append(DeliberationBatch(seq: seq, at: at, candidates: e.candidates,
                                             opinion: e.candidates.count > 1 ? e.opinion : nil))
            for r in e.recusals {
                try knownMember(r.member)
                try knownCandidate(r.candidate)
                progress[r.candidate]!.recusals.append(r)
            }

        case .opinionRecorded(let note):
            try knownCandidate(note.candidate)
            progress[note.candidate]!.opinions.append(Timed(at: at, value: note.text))

        case .memberRecused(let r):
            try knownMember(r.member)
            try knownCandidate(r.candidate)
            progress[r.candidate]!.recusals.append(r)

        case .speechRecorded(let s):
            try knownMember(s.member)
            try knownCandidate(s.candidate)
            progress[s.candidate]!.speeches.append(Timed(at: at, value: s))

        case .discussionRecorded(let note):
            try knownCandidate(note.candidate)
            progress[note.candidate]!.discussions.append(Timed(at: at, value: note.text))

        case .roundOpened(let e):
            guard openRound == nil else { throw fail("已有未结束的投票轮次 (a round is already open)") }
            for id in e.candidates {
                try knownCandidate(id)
                progress[id]!.stage = .voting(round: e.round)
            }
            for m in e.eligible { try knownMember(m) }
            rounds.append(RoundState(opened: e, openedSeq: seq, openedAt: at))

        case .ballotIssued(let e):
            let i = try round(e.round)
            try knownMember(e.member)
            rounds[i].issued.append(e.member)
            pinFailures[e.member] = 0

        case .sheetEntered(let e):
            let i = try round(e.round)
            rounds[i].sheets[e.sheet, default: []].append(e)

        case .roundCancelled(let e):
            let i = try round(e.round)
            rounds[i].status = .cancelled(reason: e.reason)
            rounds[i].closedAt = at
            for id in rounds[i].opened.candidates { progress[id]!.stage = .deliberating }

        case .roundClosed(let e):
            let i = try round(e.round)
            rounds[i].status = .closed(e)
            rounds[i].closedAt = at
            for t in e.tallies {
                try knownCandidate(t.candidate)
                progress[t.candidate]!.stage = .counted(round: e.round)
                progress[t.candidate]!.tally = t
            }

        case .reasonRecorded(let note):
            try knownCandidate(note.candidate)
            progress[note.candidate]!.reasons.append(Timed(at: at, value: note.text))

        case .matterRecorded(let m):
            matters.append(Timed(at: at, value: m))

        case .resultsAnnounced(let e):
            for id in e.candidates {
                try knownCandidate(id)
                progress[id]!.announced = true
            }
            announcements.append(Timed(at: at, value: e))

        case .meetingClosed:
            phase = .closed
            closedAt = at
            closedSeq = seq

        case .journalRepaired(let r):
            repairs.append(Timed(at: at, value: r))

        case .checkpointSigned(let c):
            checkpoints.append((seq, c))
            unsealedEntry = nil

        case .documentSigned(let d):
            documents.append(Timed(at: at, value: d))

        case .pinReissued(let a):
            try knownMember(a.member)
            guard present.contains(a.member) else { throw fail("委员 \(a.member) 不在场 (member not present)") }
            pins[a.member] = a
            pinFailures[a.member] = 0

        case .pinFailed(let e):
            try knownMember(e.member)
            pinFailures[e.member, default: 0] += 1

        case .memberLocked(let e):
            try knownMember(e.member)
            pinFailures[e.member, default: 0] += 1
            locked.insert(e.member)

        case .memberUnlocked(let e):
            try knownMember(e.member)
            locked.remove(e.member)
            pinFailures[e.member] = 0
        }
        if callsForSeal { unsealedEntry = seq }
        lastSeq = seq
        lastAt = at
    }
}
