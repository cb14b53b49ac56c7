import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats

extension SessionFolder {
    /// Writes the checkpoint an interrupted command left owing (crash after its entry, before the
    /// checkpoint), and tidies keys and spools of rounds already closed. The final, cosigned
    /// checkpoint after the close can only be written by `close` itself, with the recorder's key.
    func sealPending(_ loaded: Loaded) throws(WorkspaceError) -> Loaded {
        guard loaded.tornTail == nil else { return loaded }
        try tidy(loaded.state)
        guard let last = loaded.entries.last, loaded.state.needsCheckpoint(after: last.event) else { return loaded }
        if case .meetingClosed = last.event {
            throw .damaged("会议已结束但最终检查点尚未签署：请再次运行 pingshen close 并提供记录人证书与私钥",
                           "the meeting is closed but its final checkpoint is not signed yet: run pingshen close again with the recorder's certificate and key")
        }
        try writeCheckpoint(for: loaded.state, key: try SessionKey(folder: self).load(loaded.state.seal!))
        return try load(omittingBallots: true)
    }

    /// Removes what closed rounds left behind after an interruption: their spools (the ballots are
    /// in the journal) and their credential keys (which the close should already have destroyed).
    func tidy(_ state: SessionState) throws(WorkspaceError) {
        for round in state.rounds where !round.isOpen {
            let spool = BallotSpool(folder: self, round: round.number)
            let key = RoundCredentials(folder: self, round: round.number)
            for path in [spool.path, key.path] where access(path, F_OK) == 0 {
                do { try DurableFile.remove(path) } catch { throw .file(error) }
            }
        }
        if state.phase == .closed && state.isSealedAfterClose || state.phase == .closed && !state.isSigned {
            let key = SessionKey(folder: self)
            if access(key.path, F_OK) == 0 { try key.destroy() }
        }
    }

    /// Opens the meeting. With `host` identity files it is a signed meeting: a fresh session key
    /// is made, the host signs the statement binding it, and the first checkpoint follows. Without
    /// them it is an unsigned drill, which must be asked for explicitly.
    public func openMeeting(host: MemberID, recorder: String, agenda: [String], identity: IdentityFiles?, committeeCertificate: String?) throws(WorkspaceError) -> (Entry, [Notice]) {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            let state = loaded.state
            guard let identity else {
                let event = try judge(.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: nil), state)
                return (try append(event, after: loaded), ["提示：这是未签名的演练会议（--unsigned），日志没有检查点签名，不能作为正式记录。"])
            }
            // Judge the rules first, so a refused opening makes no key.
            _ = try judge(.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: nil), state)
            guard let committeePath = committeeCertificate ?? existingCommitteeCertificate() else {
                throw .badInput(ImportError(file: "--committee-cert", "需要评委会印章证书（open --committee-cert 或 init --committee-cert）",
                                            "the committee seal's certificate is needed (open --committee-cert or init --committee-cert)"))
            }
            let committee = try Credentials.certificate(at: committeePath)
            guard committee.isAuthority else {
                throw .badInput(ImportError(file: committeePath, "不是评委会印章（CA）证书", "not the committee seal's (CA) certificate"))
            }
            let hostIdentity = try Credentials.identity(identity, role: .chair, committee: committee)
            var notices: [Notice] = []
            if let name = state.member(host)?.name, hostIdentity.certificate.subject.commonName != name {
                notices.append("提示：主持人证书的姓名「\(hostIdentity.certificate.subject.commonName ?? "")」与委员 \(host)「\(name)」不同。")
            }
            let sessionKey = try SessionKey(folder: self).create(hostIdentity.key.algorithm)
            let origin = OpeningStatement.origin(session: state.session)
            let keyName = OpeningStatement.keyName(session: state.session)
            let text = OpeningStatement.text(state: state, host: host, recorder: recorder, sessionKey: sessionKey.publicKey,
                                             origin: origin, keyName: keyName)
            let seal = MeetingSeal(
                committeeCertificate: Base64.encode(committee.der), sessionKey: Base64.encode(sessionKey.publicKey.subjectPublicKeyInfo),
                algorithm: sessionKey.algorithm.rawValue, origin: origin, keyName: keyName,
                statement: try StatementSigning.sign(text, by: hostIdentity))
            let event = try judge(.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: seal), state)
            return (try append(event, after: loaded), notices)
        }
    }

    /// The committee certificate `init --committee-cert` copied into the folder, if any.
    func existingCommitteeCertificate() -> String? {
        let path = self.path + "/committee.pem"
        return access(path, F_OK) == 0 ? path : nil
    }

    /// Opens a ballot round; in a signed meeting an electronic round gets its credential key.
    public func openRound(_ candidates: [CandidateID], paper: Bool) throws(WorkspaceError) -> Entry {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            var event = try judge(.openRound(candidates, paper: paper), loaded.state)
            if loaded.state.isSigned && !paper, case .roundOpened(var opened) = event {
                opened.credentialKey = try RoundCredentials(folder: self, round: opened.round).create()
                event = .roundOpened(opened)
            }
            return try append(event, after: loaded)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
