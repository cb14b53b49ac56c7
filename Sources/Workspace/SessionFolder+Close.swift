import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats

extension SessionFolder {
    /// Closes the meeting (R12–R14) and appends its decisions to the committee registry.
    ///
    /// The rules are judged first; the registry is written next (idempotently, so an interrupted
    /// close can be repeated); the journal's closing entry comes last. A signed meeting needs the
    /// recorder's identity: the final checkpoint is signed by the session key and cosigned by the
    /// recorder, and then the session key is destroyed. Run again after an interruption between
    /// the close and that checkpoint, it only finishes the sealing.
    public func closeMeeting(recorder: IdentityFiles? = nil) throws(WorkspaceError) -> (Entry, registered: Int) {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try load(omittingBallots: true)
            if loaded.tornTail == nil, loaded.state.phase == .closed, loaded.state.isSigned, !loaded.state.isSealedAfterClose,
               case .meetingClosed(let closed)? = loaded.entries.last?.event {
                let cosigner = try recorderCosigner(recorder, loaded.state)
                try writeCheckpoint(for: loaded.state, key: try SessionKey(folder: self).load(loaded.state.seal!), cosigners: [cosigner])
                try SessionKey(folder: self).destroy()
                return (loaded.entries.last!, closed.registered)
            }
            let ready = try loadForWriting()
            let state = ready.state
            let decisions = Registry.decisions(of: state)
            let count = state.founding.registryPath == nil ? 0 : decisions.count
            let event = try judge(.closeMeeting(registered: count), state)
            let cosigners = state.isSigned ? [try recorderCosigner(recorder, state)] : []
            if let path = state.founding.registryPath {
                try Registry(path: path).append(decisions)
            }
            let entry = try append(event, after: ready, cosigners: cosigners)
            if state.isSigned { try SessionKey(folder: self).destroy() }
            return (entry, count)
        }
    }

    /// The recorder's identity as the final checkpoint's cosigner, checked against the seal.
    func recorderCosigner(_ files: IdentityFiles?, _ state: SessionState) throws(WorkspaceError) -> (name: String, identity: Identity) {
        guard let files else {
            throw .badInput(ImportError(file: "--recorder-key", "签名会议结束时须提供记录人的证书和私钥（--recorder-cert、--recorder-key），由其副署最终检查点",
                                        "closing a signed meeting needs the recorder's certificate and key (--recorder-cert, --recorder-key) to cosign the final checkpoint"))
        }
        guard let der = Base64.decode(state.seal!.committeeCertificate), let committee = try? Certificate(der: der) else {
            throw .damaged("开会时记录的评委会印章证书无法读取", "the committee certificate recorded at the opening cannot be read")
        }
        let identity = try Credentials.identity(files, role: .secretary, committee: committee)
        return (OpeningStatement.recorderKeyName(identity.certificate), identity)
    }

    /// Cuts a torn last line (an interrupted, never acknowledged append) from the journal.
    ///
    /// The torn bytes are not thrown away: they go to `journal.torn-N` beside the journal, and a
    /// `journal.repaired` entry records their length and SHA-256. Nothing else is changed.
    /// - Returns: the file the bytes were kept in, or nil when there was nothing to repair.
    public func repair() throws(WorkspaceError) -> String? {
        try locked(exclusive: true) { () throws(WorkspaceError) -> String? in
            let loaded = try load(omittingBallots: true)
            guard let torn = loaded.text.tornTail else { return nil }
            let bytes = Array(loaded.text.bytes[torn])
            var n = 1
            while (try? DurableFile.read(path + "/journal.torn-\(n)")) != nil { n += 1 }
            let name = "journal.torn-\(n)"
            do throws(FileError) {
                try DurableFile.replace(path + "/" + name, with: bytes)
                try DurableFile.truncate(journal.path, to: loaded.text.intactLength)
            } catch { throw .file(error) }
            let record = JournalRepaired(discardedBytes: bytes.count, sha256: Digest.sha256Hex(bytes), keptIn: name)
            let reloaded = try load(omittingBallots: true)
            try append(.journalRepaired(record), after: reloaded)
            return name
        }
    }
}
