import Records
import Review
import Seal
import TextFormats

extension Session {
    /// Signs members in (签到) and hands each a fresh one-time PIN, returned in the order given.
    ///
    /// The PINs exist only in the return value: print them once for the members' slips. The
    /// journal keeps each PIN's keyed MAC; the session's PIN key is made at the first sign-in.
    public func checkIn(_ members: [MemberID]) throws(WorkspaceError) -> (Step, pins: [(member: MemberID, pin: String)]) {
        try prepareForAppending()
        let (key, isNew) = try pinKey(creating: true)
        let issued = members.map { VotingPIN.issue(to: $0, session: state.session, key: key) }
        let step = try perform(.checkIn(issued.map(\.arrival)), before: { () throws(WorkspaceError) in
            if isNew { try keys.storePINKey(key) }
        })
        return (step, zip(members, issued).map { ($0, $1.pin) })
    }

    /// Gives a present member a new PIN without their leaving the meeting: the old one stops
    /// working (a lost slip must not cost a vote; R16).
    public func reissuePIN(to member: MemberID) throws(WorkspaceError) -> (Step, pin: String) {
        try prepareForAppending()
        let (key, _) = try pinKey(creating: false)
        let issued = VotingPIN.issue(to: member, session: state.session, key: key)
        return (try perform(.reissuePIN(issued.arrival)), issued.pin)
    }

    /// The session's PIN key; a new one when `creating` and no PIN was ever issued.
    func pinKey(creating: Bool) throws(WorkspaceError) -> (key: [UInt8], isNew: Bool) {
        if let key = try keys.pinKey() { return (key, false) }
        guard creating, state.stays.isEmpty else {
            throw .damaged("PIN 密钥不存在（keys/pin.key 被删除，或会议已结束）；已发出的 PIN 无法核对",
                           "the PIN key is missing (keys/pin.key deleted, or the meeting is over); the PINs issued cannot be checked")
        }
        return (SecureRandom.bytes(VotingPIN.keyLength), true)
    }

    /// The MAC of `pin` as `member`'s current PIN would be made; nil when they hold no PIN.
    func pinMAC(_ pin: String, of member: MemberID) throws(WorkspaceError) -> String? {
        guard let arrival = state.pins[member] else { return nil }
        let (key, _) = try pinKey(creating: false)
        return VotingPIN.mac(pin, member: member, salt: arrival.pinSalt, session: state.session, key: key)
    }

    /// Opens a ballot round; an electronic round of a signed meeting gets a fresh credential key,
    /// made before the opening is judged and stored only once it is accepted. A paper round
    /// names its two tellers (R15).
    public func openRound(_ candidates: [CandidateID], paper: Bool, tellers: [String] = []) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        guard state.isSigned && !paper else { return try perform(.openRound(candidates, paper: paper, tellers: tellers)) }
        let key = try RoundCredentials.makeKey()
        let round = state.rounds.count + 1
        return try perform(.openRound(candidates, paper: paper, credentialKey: Base64.encode(key.publicKey.subjectPublicKeyInfo), tellers: tellers),
                           before: { () throws(WorkspaceError) in try keys.storeRoundKey(key, round: round) })
    }

    /// Casts one member's electronic ballot (R3, R4, R5, R10, R16).
    ///
    /// The member's side blinds the ballot before `Review` judges the cast; once accepted, the
    /// round key signs it and the ballot (no member id) is `fsync`ed into the round's spool first,
    /// the member's receipt into the journal second. A crash between the two leaves one
    /// unacknowledged extra ballot in the spool, which the next command drops. A wrong PIN is
    /// refused and journaled (`pin.failed`, the fifth `member.locked`).
    public func castBallot(member: MemberID, pin: String, choices: [CandidateID: Choice]) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        let pinMAC = try pinMAC(pin, of: member)
        guard let round = state.openRound, !round.opened.paper else {
            // Review explains why no ballot can be cast now (no round open, or a paper round).
            return try recordingAttempts { () throws(WorkspaceError) in try perform(.castBallot(member: member, pinMAC: pinMAC, choices: choices)) }
        }
        let spool = BallotSpool(folder: folder, round: round.number)
        let notices = try spool.recover(issued: round.issued.count, session: state.session)
        let session = state.session
        var blinded: RoundCredentials.BlindedBallot?
        if round.opened.credentialKey != nil {
            blinded = try RoundCredentials.blind(choices, session: session, round: round.number, key: try RoundCredentials.publicKey(round.opened))
        }
        var step = try recordingAttempts { () throws(WorkspaceError) in
            try perform(.castBallot(member: member, pinMAC: pinMAC, choices: choices, blinded: blinded?.blindedHash),
                        before: { () throws(WorkspaceError) in
                let ballot = try blinded.map { (b) throws(WorkspaceError) in try RoundCredentials.finish(b, with: try keys.roundKey(round.opened)) }
                    ?? BallotSpool.make(choices, session: session, round: round.number)
                try spool.addPending(ballot)
            }, after: { () throws(WorkspaceError) in try spool.commitPending(session: session) })
        }
        step.notices = notices + step.notices
        return step
    }

    /// Runs `body`; when `Review` refused it with an attempt to record (a wrong PIN, R16),
    /// journals the attempt before passing the refusal on.
    func recordingAttempts(_ body: () throws(WorkspaceError) -> Step) throws(WorkspaceError) -> Step {
        do { return try body() } catch {
            if case .rejected(.refused(let refusal)) = error, let record = refusal.record {
                try perform(record)
            }
            throw error
        }
    }

    /// Enters one teller's reading of one paper sheet (R15). In a signed meeting the teller signs
    /// the canonical text of the reading with their own certificate (role teller, issued by the
    /// committee seal, its name the teller's): a CMS detached signature for P-256, a plain SM2
    /// signature for 国密 identities, kept with the certificate in `sheet.entered`.
    public func enterSheet(teller: String, sheet: Int, marks: [CandidateID: [String]], identity files: IdentityFiles?) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        guard state.isSigned, let round = state.openRound, round.opened.paper,
              let named = round.opened.tellers?.first(where: { Normalised.same($0, teller) }) else {
            // Review explains what is wrong (no paper round open, or not one of its tellers).
            return try perform(.enterSheet(teller: teller, sheet: sheet, marks: marks))
        }
        guard let files else {
            throw .badInput(ImportError(file: "--key", "签名会议中，计票人 \(named) 录入选票须提供本人的证书与私钥（--cert、--key）",
                                        "in a signed meeting teller \(named) enters sheets with their own certificate and key (--cert, --key)"))
        }
        let identity = try Credentials.identity(files, role: .teller, committee: try committeeCertificate())
        let holder = identity.certificate.subject.commonName ?? ""
        guard Normalised.same(holder, named) else {
            throw .rejected(.refused(Refusal(
                .r15, "证书属于「\(holder)」，不是计票人 \(named)；每名计票人只能用本人的证书录入",
                "the certificate is \(holder)'s, not teller \(named)'s; each teller enters sheets with their own certificate")))
        }
        let reading = SheetReading.canonical(marks)
        let text = SheetReading.text(session: state.session, round: round.number, sheet: sheet, teller: named, marks: reading)
        return try perform(.enterSheet(teller: named, sheet: sheet, marks: reading, signed: try StatementSigning.sign(text, by: identity)))
    }

    /// Closes the open round: its spooled ballots go into the journal as one block sorted by
    /// id, with the count (R5, R7); then the spool and the round's key are destroyed. A round
    /// in which nobody voted closes with no ballots (all not-yes).
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
    /// Checks that `member` with `pin` may vote in the open round now; returns the round so a
    /// kiosk can show the ballot before the member marks it. Writes nothing, except that a wrong
    /// PIN is journaled as it would be at the cast (R16).
    public func admitVoter(member: MemberID, pin: String) throws(WorkspaceError) -> RoundState {
        let state = try state()
        var pinMAC: String?
        if let arrival = state.pins[member] {
            guard let key = try FolderKeyStore(folder: self).pinKey() else {
                throw .damaged("PIN 密钥不存在（keys/pin.key）；已发出的 PIN 无法核对", "the PIN key (keys/pin.key) is missing; PINs cannot be checked")
            }
            pinMAC = VotingPIN.mac(pin, member: member, salt: arrival.pinSalt, session: state.session, key: key)
        }
        let round = state.openRound
        let command = Command.castBallot(member: member, pinMAC: pinMAC, choices: [:],
                                         blinded: round?.opened.credentialKey == nil ? nil : "admission")
        do { _ = try judge(command, state) } catch {
            if case .rejected(.refused(let refusal)) = error, let record = refusal.record {
                try openForWriting().perform(record)
            }
            throw error
        }
        guard let round, !round.opened.paper else { throw .invalid("当前没有进行中的电子投票", "no electronic round is open") }
        return round
    }
}
