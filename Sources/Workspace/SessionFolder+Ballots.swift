import Records
import Review

extension SessionFolder {
    /// Signs members in (签到) and hands each a fresh one-time PIN; returns the PINs in the order given.
    ///
    /// The PINs exist only in the return value: print them once for the members' slips.
    public func checkIn(_ members: [MemberID]) throws(WorkspaceError) -> [(member: MemberID, pin: String)] {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            let issued = members.map { VotingPIN.issue(to: $0) }
            let event = try judge(.checkIn(issued.map(\.arrival)), loaded.state)
            try append(event, after: loaded)
            return zip(members, issued).map { ($0, $1.pin) }
        }
    }

    /// Reads `C01=同意` style pairs into a ballot's choices, refusing a candidate named twice or
    /// a mark that is not 同意/不同意/弃权 (an electronic ballot cannot be spoilt by accident).
    public static func readChoices(_ pairs: [(candidate: CandidateID, mark: String)]) throws(WorkspaceError) -> [CandidateID: Choice] {
        var choices: [CandidateID: Choice] = [:]
        for (candidate, mark) in pairs {
            guard choices[candidate] == nil else {
                throw .rejected(.invalid(InputError("申报人 \(candidate) 在选票上出现两次", "candidate \(candidate) appears twice on the ballot")))
            }
            guard let choice = Choice(reading: mark) else {
                throw .rejected(.invalid(InputError("“\(mark)”不是有效的表决意见（同意 / 不同意 / 弃权）",
                                                    "'\(mark)' is not a valid mark (同意/yes, 不同意/no, 弃权/abstain)")))
            }
            choices[candidate] = choice
        }
        return choices
    }

    /// Casts one member's electronic ballot (R3, R4, R5, R10).
    ///
    /// Order matters for crash safety: the ballot (no member id) is `fsync`ed into the round's
    /// spool first, the member's receipt into the journal second. A crash between the two leaves
    /// one unacknowledged extra ballot in the spool, which the next command drops.
    /// - Returns: notices (a repaired spool) for the operator.
    @discardableResult
    public func castBallot(member: MemberID, pin: String, choices: [CandidateID: Choice]) throws(WorkspaceError) -> [Notice] {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            let state = loaded.state
            var notices: [Notice] = []
            if let round = state.openRound, !round.opened.paper {
                let (_, recovery) = try BallotSpool(folder: self, round: round.number)
                    .ballots(session: state.session, round: round.number, issued: round.issued.count, repair: true)
                if case .droppedUnacknowledged(let bytes) = recovery {
                    notices.append("提示：已丢弃一张未确认的选票（\(bytes) 字节，上次投票在确认前中断）。Dropped one unacknowledged ballot from an interrupted cast.")
                }
            }
            let pinHash = state.pins[member].map { VotingPIN.hash(pin, salt: $0.pinSalt) }
            let event = try judge(.castBallot(member: member, pinHash: pinHash, choices: choices), state)
            guard case .ballotIssued(var receipt) = event, let opened = state.openRound?.opened else {
                fatalError("castBallot decided \(event.kind)")
            }
            let ballot: Ballot
            if opened.credentialKey != nil {
                let issued = try RoundCredentials(folder: self, round: opened.round).issue(choices, session: state.session, opened: opened)
                ballot = issued.ballot
                receipt.blinded = issued.blinded
            } else {
                ballot = BallotSpool.make(choices, session: state.session, round: opened.round)
            }
            try BallotSpool(folder: self, round: opened.round).add(ballot)
            try append(.ballotIssued(receipt), after: loaded)
            return notices
        }
    }

    /// Closes the open round: its spooled ballots go into the journal as one block sorted by
    /// id, with the count (R5, R7); then the spool is deleted.
    public func closeRound() throws(WorkspaceError) -> (RoundClosed, [Notice]) {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            let state = loaded.state
            var ballots: [Ballot] = []
            var notices: [Notice] = []
            var spool: BallotSpool?
            if let round = state.openRound, !round.opened.paper {
                let s = BallotSpool(folder: self, round: round.number)
                let (read, recovery) = try s.ballots(session: state.session, round: round.number, issued: round.issued.count, repair: true)
                if recovery != .clean { notices.append("提示：已丢弃一张未确认的选票（上次投票在确认前中断）。") }
                if round.opened.credentialKey != nil {
                    let key = try RoundCredentials.publicKey(round.opened)
                    for (i, b) in read.enumerated() where !RoundCredentials.verify(b, session: state.session, round: round.number, key: key) {
                        throw .damaged("选票暂存文件第 \(i + 1) 张选票没有本轮有效的投票凭证（伪造、重放或来自其他轮次）；本轮不能计票，请联系技术人员",
                                       "spooled ballot \(i + 1) carries no valid credential of this round (forged, replayed or from another round); the round cannot be counted")
                    }
                }
                ballots = read
                spool = s
            }
            let event = try judge(.closeRound(ballots: ballots), state)
            try append(event, after: loaded)
            try spool?.remove()
            if let round = state.openRound, round.opened.credentialKey != nil {
                // The round key is destroyed once its ballots are in the journal.
                try RoundCredentials(folder: self, round: round.number).destroy()
            }
            guard case .roundClosed(let closed) = event else { fatalError("closeRound decided \(event.kind)") }
            return (closed, notices)
        }
    }

    /// How many ballots an open electronic round has received (from the journal's receipts).
    public func ballotsReceived() throws(WorkspaceError) -> Int? {
        try state().openRound.map { $0.opened.paper ? $0.sheets.count : $0.issued.count }
    }
}

extension SessionFolder {
    /// Checks, without writing anything, that `member` with `pin` may vote in the open round now;
    /// returns the round so a kiosk can show the ballot before the member marks it.
    public func admitVoter(member: MemberID, pin: String) throws(WorkspaceError) -> RoundState {
        try locked(exclusive: false) { () throws(WorkspaceError) in
            let state = try load(omittingBallots: true).state
            let pinHash = state.pins[member].map { VotingPIN.hash(pin, salt: $0.pinSalt) }
            _ = try judge(.castBallot(member: member, pinHash: pinHash, choices: [:]), state)
            return state.openRound!
        }
    }
}
