import Records
import Review
import Seal
import TextFormats

extension Session {
    /// Signs members in (签到) and hands each a fresh one-time PIN, returned in the order given.
    ///
    /// The PINs exist only in the return value: print them once for the members' slips.
    public func checkIn(_ members: [MemberID]) throws(WorkspaceError) -> (Step, pins: [(member: MemberID, pin: String)]) {
        let issued = members.map { VotingPIN.issue(to: $0) }
        let step = try perform(.checkIn(issued.map(\.arrival)))
        return (step, zip(members, issued).map { ($0, $1.pin) })
    }

    /// Opens a ballot round; an electronic round of a signed meeting gets a fresh credential key,
    /// made before the opening is judged and stored only once it is accepted.
    public func openRound(_ candidates: [CandidateID], paper: Bool) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        guard state.isSigned && !paper else { return try perform(.openRound(candidates, paper: paper)) }
        let key = try RoundCredentials.makeKey()
        let round = state.rounds.count + 1
        return try perform(.openRound(candidates, paper: paper, credentialKey: Base64.encode(key.publicKey.subjectPublicKeyInfo)),
                           before: { () throws(WorkspaceError) in try keys.storeRoundKey(key, round: round) })
    }

    /// Casts one member's electronic ballot (R3, R4, R5, R10).
    ///
    /// The member's side blinds the ballot before `Review` judges the cast; once accepted, the
    /// round key signs it and the ballot (no member id) is `fsync`ed into the round's spool first,
    /// the member's receipt into the journal second. A crash between the two leaves one
    /// unacknowledged extra ballot in the spool, which the next command drops.
    public func castBallot(member: MemberID, pin: String, choices: [CandidateID: Choice]) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        let pinHash = state.pins[member].map { VotingPIN.hash(pin, salt: $0.pinSalt) }
        guard let round = state.openRound, !round.opened.paper else {
            // Review explains why no ballot can be cast now (no round open, or a paper round).
            return try perform(.castBallot(member: member, pinHash: pinHash, choices: choices))
        }
        let spool = BallotSpool(folder: folder, round: round.number)
        let notices = try spool.recover(issued: round.issued.count, session: state.session)
        let session = state.session
        var blinded: RoundCredentials.BlindedBallot?
        if round.opened.credentialKey != nil {
            blinded = try RoundCredentials.blind(choices, session: session, round: round.number, key: try RoundCredentials.publicKey(round.opened))
        }
        var step = try perform(.castBallot(member: member, pinHash: pinHash, choices: choices, blinded: blinded?.blindedHash),
                               before: { () throws(WorkspaceError) in
            let ballot = try blinded.map { (b) throws(WorkspaceError) in try RoundCredentials.finish(b, with: try keys.roundKey(round.opened)) }
                ?? BallotSpool.make(choices, session: session, round: round.number)
            try spool.addPending(ballot)
        }, after: { () throws(WorkspaceError) in try spool.commitPending(session: session) })
        step.notices = notices + step.notices
        return step
    }

    /// Closes the open round: its spooled ballots go into the journal as one block sorted by
    /// id, with the count (R5, R7); then the spool and the round's key are destroyed.
    public func closeRound() throws(WorkspaceError) -> Step {
        try prepareForAppending()
        guard let round = state.openRound, !round.opened.paper else {
            // Review counts a paper round from its sheets, or explains why nothing can close.
            return try perform(.closeRound(ballots: []))
        }
        let spool = BallotSpool(folder: folder, round: round.number)
        let notices = try spool.recover(issued: round.issued.count, session: state.session)
        let ballots = try spool.ballots(session: state.session)
        if round.opened.credentialKey != nil {
            let key = try RoundCredentials.publicKey(round.opened)
            for (i, b) in ballots.enumerated() where !RoundCredentials.verify(b, session: state.session, round: round.number, key: key) {
                throw .damaged("选票暂存文件第 \(i + 1) 张选票没有本轮有效的投票凭证（伪造、重放或来自其他轮次）；本轮不能计票，请联系技术人员",
                               "spooled ballot \(i + 1) carries no valid credential of this round (forged, replayed or from another round); the round cannot be counted")
            }
        }
        var step = try perform(.closeRound(ballots: ballots), after: { () throws(WorkspaceError) in
            // The ballots are in the journal: the spool and the round key go.
            try spool.remove()
            try keys.destroyRoundKey(round.number)
        })
        step.notices = notices + step.notices
        return step
    }
}

extension SessionFolder {
    /// Checks, without writing anything, that `member` with `pin` may vote in the open round now;
    /// returns the round so a kiosk can show the ballot before the member marks it.
    public func admitVoter(member: MemberID, pin: String) throws(WorkspaceError) -> RoundState {
        let state = try state()
        let pinHash = state.pins[member].map { VotingPIN.hash(pin, salt: $0.pinSalt) }
        guard let round = state.openRound, !round.opened.paper else {
            _ = try judge(.castBallot(member: member, pinHash: pinHash, choices: [:]), state)
            throw .invalid("当前没有进行中的电子投票", "no electronic round is open")
        }
        let blinded: String? = round.opened.credentialKey == nil ? nil : "admission"
        _ = try judge(.castBallot(member: member, pinHash: pinHash, choices: [:], blinded: blinded), state)
        return round
    }
}
