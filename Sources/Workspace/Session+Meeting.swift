#if canImport(Glibc)
import Glibc
#endif
import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats

extension Session {
    /// Opens the meeting. With the host's identity files it is a signed meeting: a fresh session
    /// key is made and the host signs the statement binding it, before the opening is judged;
    /// the key is stored once the opening is accepted, and the first checkpoint follows. Without
    /// them it is an unsigned drill, which must be asked for explicitly.
    public func openMeeting(host: MemberID, recorder: String, agenda: [String], identity: IdentityFiles?,
                            committeeCertificate: String?, witness: WitnessChoice = .none) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        guard let identity else {
            var step = try perform(.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: nil))
            step.notices.append("提示：这是未签名的演练会议（--unsigned），日志没有检查点签名，不能作为正式记录。")
            step.notices += [meetingDateNotice(step)].compactMap { $0 }
            return step
        }
        // The rules first, so a refused opening asks for no passphrase's work and makes no key.
        _ = try judge(.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: nil))
        guard let committeePath = committeeCertificate ?? folder.existingCommitteeCertificate() else {
            throw .badInput(ImportError(file: "--committee-cert", "需要评委会印章证书（open --committee-cert 或 init --committee-cert）",
                                        "the committee seal's certificate is needed (open --committee-cert or init --committee-cert)"))
        }
        let committee = try Credentials.certificate(at: committeePath)
        guard committee.isAuthority else {
            throw .badInput(ImportError(file: committeePath, "不是评委会印章（CA）证书", "not the committee seal's (CA) certificate"))
        }
        let hostIdentity = try Credentials.identity(identity, role: .chair, committee: committee)
        var binding: WitnessBinding?
        if case .at(let url, let certificate) = witness {
            binding = try SessionWitness.binding(url: url, certificatePath: certificate, committee: committee)
        }
        var notices: [Notice] = []
        if let name = state.member(host)?.name, hostIdentity.certificate.subject.commonName != name {
            notices.append("提示：主持人证书的姓名「\(hostIdentity.certificate.subject.commonName ?? "")」与委员 \(host)「\(name)」不同。")
        }
        let sessionKey: SigningKey
        do { sessionKey = try SigningKey.generate(hostIdentity.key.algorithm) } catch {
            throw .damaged("无法生成会议密钥：\(error)", "cannot make the session key: \(error)")
        }
        let origin = OpeningStatement.origin(session: state.session)
        let keyName = OpeningStatement.keyName(session: state.session)
        let text = OpeningStatement.text(state: state, host: host, recorder: recorder, sessionKey: sessionKey.publicKey,
                                         origin: origin, keyName: keyName, witness: binding)
        let seal = MeetingSeal(
            committeeCertificate: Base64.encode(committee.der), sessionKey: Base64.encode(sessionKey.publicKey.subjectPublicKeyInfo),
            algorithm: sessionKey.algorithm.rawValue, origin: origin, keyName: keyName,
            statement: try StatementSigning.sign(text, by: hostIdentity), witness: binding)
        if binding == nil {
            notices.append("注意：本次会议没有见证方（--no-witness）：检查点只由本机签署，核验时 V15 判为未满足。Without a witness, V15 is not met.")
        }
        var step = try perform(.openMeeting(host: host, recorder: recorder, agenda: agenda, seal: seal),
                               before: { () throws(WorkspaceError) in try keys.storeSessionKey(sessionKey) })
        step.notices = notices + step.notices + [meetingDateNotice(step)].compactMap { $0 }
        return step
    }

    /// Closes the meeting (R12–R14) and appends its decisions to the committee registry.
    ///
    /// The rules are judged first; the registry is written next (idempotently, so an interrupted
    /// close can be repeated); the journal's closing entry comes last. A signed meeting needs the
    /// recorder's identity: the final checkpoint, written with the close, is signed by the session
    /// key, cosigned by the recorder and by the witness, and then the session key is destroyed.
    public func closeMeeting(recorder: IdentityFiles? = nil) throws(WorkspaceError) -> (Step, registered: Int) {
        try prepareForAppending()
        let decisions = Registry.decisions(of: state)
        let registry = state.founding.registryPath.map(Registry.init(path:))
        let count = registry == nil ? 0 : decisions.count
        // Judged before the recorder's key is asked for, so a refused close says why first.
        _ = try judge(.closeMeeting(registered: count))
        let cosigners = state.isSigned ? [try recorderCosigner(recorder)] : []
        let step = try perform(.closeMeeting(registered: count), cosigners: cosigners,
                               before: { () throws(WorkspaceError) in try registry?.append(decisions) },
                               after: { () throws(WorkspaceError) in
            try keys.destroySessionKey()
            try keys.destroyPINKey()
        })
        return (step, count)
    }

    /// The recorder's identity as the final checkpoint's cosigner, checked against the seal.
    func recorderCosigner(_ files: IdentityFiles?) throws(WorkspaceError) -> CheckpointCosigner {
        guard let files else {
            throw .badInput(ImportError(file: "--recorder-key", "签名会议结束时须提供记录人的证书和私钥（--recorder-cert、--recorder-key），由其副署最终检查点",
                                        "closing a signed meeting needs the recorder's certificate and key (--recorder-cert, --recorder-key) to cosign the final checkpoint"))
        }
        let identity = try Credentials.identity(files, role: .secretary, committee: try committeeCertificate())
        return CheckpointCosigner(name: OpeningStatement.recorderKeyName(identity.certificate), identity: identity)
    }

    /// The committee seal's certificate as recorded at the opening.
    func committeeCertificate() throws(WorkspaceError) -> Certificate {
        guard let seal = state.seal, let der = Base64.decode(seal.committeeCertificate), let committee = try? Certificate(der: der) else {
            throw .damaged("开会时记录的评委会印章证书无法读取", "the committee certificate recorded at the opening cannot be read")
        }
        return committee
    }

    /// Cuts a torn last line (an interrupted, never acknowledged append) from the journal.
    ///
    /// The torn bytes are not thrown away: they go to `journal.torn-N` beside the journal, and a
    /// `journal.repaired` entry records their length and SHA-256. Nothing else is changed.
    /// - Returns: the file the bytes were kept in, or nil when there was nothing to repair.
    public func repair() throws(WorkspaceError) -> String? {
        guard let torn = tornTail else { return nil }
        var n = 1
        while (try? DurableFile.read(folder.path + "/journal.torn-\(n)")) != nil { n += 1 }
        let name = "journal.torn-\(n)"
        let intact: Int
        do { intact = try folder.journal.read().intactLength } catch { throw .file(error) }
        do throws(FileError) {
            try DurableFile.replace(folder.path + "/" + name, with: torn, mode: 0o600)
            try DurableFile.truncate(folder.journal.path, to: intact)
        } catch { throw .file(error) }
        tornTail = nil
        try perform(.recordRepair(JournalRepaired(discardedBytes: torn.count, sha256: Digest.sha256Hex(torn), keptIn: name)))
        return name
    }
}

/// Whether a signed meeting names a witness on another device (SPEC.md §2).
public enum WitnessChoice: Sendable {
    /// The witness at `url` whose certificate (role witness, issued by the seal) is in the file `certificate`.
    case at(url: String, certificate: String)
    /// No witness (`--no-witness`): allowed, and then V15 is not met.
    case none
}

extension SessionFolder {
    /// The committee certificate `init --committee-cert` copied into the folder, if any.
    func existingCommitteeCertificate() -> String? {
        let path = self.path + "/committee.pem"
        return access(path, F_OK) == 0 ? path : nil
    }
}
