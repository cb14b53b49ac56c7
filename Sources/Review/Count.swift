import Records

/// Closing a round: the ballots as one sorted block, the count and the two-thirds rule (R5, R7, R10).
extension SessionState {
    func closeRound(ballots: [Ballot]) throws(Rejection) -> Event {
        guard let round = openRound else {
            throw .invalid(InputError("当前没有正在进行的投票可以结束", "no round is open to close"))
        }
        let counts: [CandidateID: (yes: Int, no: Int, abstain: Int)]
        let returned: Int
        var block: [Ballot] = []
        if round.opened.paper {
            var sheets: [[CandidateID: [String]]] = []
            var problems: [String] = []
            for sheet in round.sheets.keys.sorted() {
                switch round.status(ofSheet: sheet)! {
                case .settled(let e): sheets.append(e.marks)
                case .awaitingSecond(let t): problems.append("第 \(sheet) 张仅 \(t) 录入")
                case .disputed(let ts): problems.append("第 \(sheet) 张 \(ts.joined(separator: "、")) 录入不一致")
                }
            }
            guard problems.isEmpty else {
                throw .invalid(InputError("纸质选票尚未全部双人核对一致：\(problems.joined(separator: "；"))",
                                          "every sheet must be entered alike by two tellers before the round closes (\(problems.count) not yet)"))
            }
            counts = Self.countSheets(sheets, candidates: round.opened.candidates, cap: round.opened.yesCap)
            returned = sheets.count
        } else {
            guard ballots.count <= round.issued.count else {
                throw .refused(Refusal(.r4, "回收电子选票 \(ballots.count) 张，多于发出的 \(round.issued.count) 张",
                                       "\(ballots.count) ballots for \(round.issued.count) issued"))
            }
            guard Set(ballots.map(\.id)).count == ballots.count else {
                throw .refused(Refusal(.r4, "存在重复的选票", "a ballot appears twice"))
            }
            for b in ballots { try checkBallot(b.choices, in: round) }
            block = ballots.sorted { $0.id < $1.id }
            counts = Self.countBallots(block, candidates: round.opened.candidates)
            returned = block.count
        }
        let tallies = round.opened.candidates.map { id in
            let c = counts[id] ?? (0, 0, 0)
            let n = round.opened.denominators[id] ?? round.opened.eligible.count
            return Tally(candidate: id, denominator: n, yes: c.yes, no: c.no, abstain: c.abstain,
                         void: n - c.yes - c.no - c.abstain,
                         outcome: Tally.passes(yes: c.yes, denominator: n) ? .passed : .rejected)
        }
        return .roundClosed(RoundClosed(round: round.number, ballots: block, returned: returned, tallies: tallies))
    }

    static func countBallots(_ ballots: [Ballot], candidates: [CandidateID]) -> [CandidateID: (yes: Int, no: Int, abstain: Int)] {
        var out: [CandidateID: (yes: Int, no: Int, abstain: Int)] = [:]
        for id in candidates { out[id] = (0, 0, 0) }
        for b in ballots {
            for (id, choice) in b.choices {
                switch choice {
                case .yes: out[id]!.yes += 1
                case .no: out[id]!.no += 1
                case .abstain: out[id]!.abstain += 1
                }
            }
        }
        return out
    }

    /// Counts settled paper sheets: a sheet over the cap is void for every candidate (R10); a
    /// candidate with no mark, an invalid mark or two marks is void on that sheet.
    static func countSheets(_ sheets: [[CandidateID: [String]]], candidates: [CandidateID], cap: Int) -> [CandidateID: (yes: Int, no: Int, abstain: Int)] {
        var out: [CandidateID: (yes: Int, no: Int, abstain: Int)] = [:]
        for id in candidates { out[id] = (0, 0, 0) }
        for marks in sheets {
            var valid: [CandidateID: Choice] = [:]
            for (id, list) in marks where list.count == 1 {
                if let choice = Choice(rawValue: list[0]) { valid[id] = choice }
            }
            if cap > 0 && valid.values.filter({ $0 == .yes }).count > cap { continue }
            for (id, choice) in valid {
                switch choice {
                case .yes: out[id]!.yes += 1
                case .no: out[id]!.no += 1
                case .abstain: out[id]!.abstain += 1
                }
            }
        }
        return out
    }
}
