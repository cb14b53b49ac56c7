import FileSystem
import Foundation
import Journal
import Records
import Review
import Seal
import TextFormats
import Witness

extension Session {
    /// Makes the session ready to append: an interrupted append must be repaired first; a command
    /// interrupted after its write-ahead is finished; a journal whose last entry no checkpoint seals
    /// is refused (someone wrote into the folder); closed rounds' leftovers are tidied.
    func prepareForAppending() throws(WorkspaceError) {
        guard !ready else { return }
        if let torn = tornTail {
            let line = state.lastSeq + 1
            throw .damaged(
                "\(SessionFolder.journalName) 第 \(line) 行不完整（\(torn.count) 字节，上次写入被中断，未曾确认）。为免与新记录混在一起，请先运行 pingshen repair：它把这些字节移到旁边的文件保存，并在日志中记下此事",
                "\(SessionFolder.journalName) line \(line) is incomplete (\(torn.count) bytes from an interrupted, never acknowledged append). Run pingshen repair first: it moves those bytes aside into a file and records the repair in the journal")
        }
        try finishInterruptedCommand()
        if let seq = state.unsealedEntry {
            throw .damaged(
                "日志第 \(seq) 条之后没有检查点：会议文件夹被他人写入过（本程序总是把记录与封存它的检查点一次写入）。请停止操作并报告监督人员，不要再写入",
                "journal entry \(seq) is followed by no checkpoint: someone else wrote into the session folder (pingshen always writes an entry together with the checkpoint that seals it). Stop and tell the inspectors; write nothing more")
        }
        try tidy()
        ready = true
    }

    /// Removes what closed rounds left behind after an interruption: their spools (the ballots
    /// are in the journal) and their credential keys; and the session key once the meeting is over.
    func tidy() throws(WorkspaceError) {
        for round in state.rounds where !round.isOpen {
            try BallotSpool(folder: folder, round: round.number).remove()
            try keys.destroyRoundKey(round.number)
        }
        if state.phase == .closed {
            try keys.destroySessionKey()
        }
        if state.phase == .closed { try keys.destroyPINKey() }
    }

    /// The session key, when `event` calls for a checkpoint after it (SPEC.md §2).
    func keyForCheckpoint(after event: Event) throws(WorkspaceError) -> SigningKey? {
        guard state.needsCheckpoint(after: event) else { return nil }
        var seal = state.seal
        if case .meetingOpened(let opened) = event { seal = opened.seal }
        return try keys.sessionKey(bound: seal!)
    }

    /// Writes `entry` together with the checkpoint that seals it, in one `write`.
    ///
    /// The checkpoint is signed by the session key (and `cosigners`), written ahead to
    /// `journal.pending`, sent to the witness, and journaled with the witness's cosignature. If
    /// the process stops after the witness has seen the checkpoint but before the journal has it,
    /// the next command finishes this one from the write-ahead (the witness would refuse any other
    /// entry at this size). An unreachable witness leaves the checkpoint uncosigned, except at the
    /// close, which insists on a cosigned final checkpoint.
    func appendSealed(_ entry: Entry, _ line: [UInt8], key: SigningKey, cosigners: [CheckpointCosigner]) throws(WorkspaceError) -> (Entry, [Notice]) {
        var next = state
        do throws(ReplayError) { try next.apply(entry) } catch { throw .damaged(error.description, error.description) }
        var tentative = tree
        var hasher = MerkleHasher()
        tentative.append(leafHash: hasher.leafHash(line))
        let seal = next.seal!
        let signed: SignedCheckpoint
        do {
            let checkpoint = try Checkpoint(origin: seal.origin, size: tentative.size, root: tentative.root)
            let signers: [any NoteSigner] = [KeyNoteSigner(name: seal.keyName, key: key)]
                + cosigners.map { KeyNoteSigner(name: $0.name, key: $0.identity.key) }
            signed = try SignedCheckpoint(checkpoint, signedBy: signers)
        } catch {
            throw .damaged("无法签署检查点：\(error)", "cannot sign the checkpoint: \(error)")
        }
        let certificates = cosigners.map { Base64.encode($0.identity.certificate.der) }
        let ahead = WriteAhead(folder: folder)
        try ahead.write(entry: line, checkpoint: try Self.encode(checkpointEntry(signed, certificates, after: entry)))
        do {
            let result = try finish(entry, line, signed, certificates, seal: seal, tree: tentative, state: next)
            try ahead.remove()
            return result
        } catch .file(let failure) {
            // The journal could not be written (a full disk, say): the witness may already hold the
            // checkpoint, so the write-ahead stays for the next command to finish from.
            throw .file(failure)
        } catch {
            // Refused (by the witness, or a close it could not witness): nothing was written.
            try? ahead.remove()
            throw error
        }
    }

    /// Has the witness cosign `signed` and writes `entry` with its checkpoint.
    private func finish(_ entry: Entry, _ line: [UInt8], _ signed: SignedCheckpoint, _ certificates: [String],
                        seal: MeetingSeal, tree tentative: MerkleTree, state next: SessionState) throws(WorkspaceError) -> (Entry, [Notice]) {
        var note = signed
        var notices: [Notice] = []
        if let (witness, old) = try witness(for: seal) {
            switch try witness.submit(signed, tree: tentative, old: old) {
            case .cosigned(let cosigned):
                note = cosigned
                witnessed(size: signed.checkpoint.size)
            case .unreachable(let notice):
                if case .meetingClosed = entry.event {
                    throw .damaged("结束会议须有见证方对最终检查点的见证，但见证方无法连接；本命令未写入任何记录。请恢复与见证方（\(witness.binding.url)）的连接后再结束会议",
                                   "closing needs the witness's cosignature on the final checkpoint, but the witness cannot be reached; nothing was written. Reconnect the witness (\(witness.binding.url)) and close again")
                }
                notices.append(notice)
            }
        }
        let checkpoint = checkpointEntry(note, certificates, after: entry)
        let checkpointLine = try Self.encode(checkpoint)
        do { try folder.journal.append(lines: [line, checkpointLine]) } catch { throw .file(error) }
        try record(entry, line)
        try record(checkpoint, checkpointLine)
        return (entry, notices)
    }

    /// The checkpoint entry that follows `entry`: it carries the time of the entry it seals, not
    /// the clock's, so its own unsigned time is tied to a signed one (V2).
    private func checkpointEntry(_ signed: SignedCheckpoint, _ certificates: [String], after entry: Entry) -> Entry {
        Entry(seq: entry.seq + 1, at: entry.at,
              event: .checkpointSigned(CheckpointSigned(note: String(decoding: signed.bytes, as: UTF8.self), cosigners: certificates)))
    }

    /// Finishes a command a crash interrupted after its write-ahead: appends its entry and
    /// checkpoint when the journal does not hold them yet (they must be the next entry, and the
    /// checkpoint signed by the session key over the journal with that entry); drops the
    /// write-ahead when it does. Anything else in `journal.pending` is refused.
    func finishInterruptedCommand() throws(WorkspaceError) {
        let ahead = WriteAhead(folder: folder)
        guard let (line, checkpointLine) = try ahead.read() else { return }
        let damaged = WorkspaceError.damaged(
            "待完成的记录 \(WriteAhead.name) 与日志不符（不是本程序写下的）。请停止操作并报告监督人员",
            "the write-ahead \(WriteAhead.name) does not fit the journal (pingshen did not write it). Stop and tell the inspectors")
        guard let entry = try? EntryCoding.decode(line), let written = try? EntryCoding.decode(checkpointLine),
              case .checkpointSigned(let c) = written.event, let signed = try? SignedCheckpoint(parsing: Array(c.note.utf8)) else { throw damaged }
        var hasher = MerkleHasher()
        if entry.seq <= state.lastSeq {
            guard tree.leafHashes[entry.seq - 1] == hasher.leafHash(line) else { throw damaged }
            try ahead.remove()
            return
        }
        guard entry.seq == state.lastSeq + 1 else { throw damaged }
        var next = state
        do throws(ReplayError) { try next.apply(entry) } catch { throw damaged }
        var tentative = tree
        tentative.append(leafHash: hasher.leafHash(line))
        guard let seal = next.seal, signed.checkpoint.origin == seal.origin, signed.checkpoint.size == tentative.size,
              signed.checkpoint.root == tentative.root else { throw damaged }
        let key = try keys.sessionKey(bound: seal)
        let verifier = KeyNoteVerifier(name: seal.keyName, key: key.publicKey)
        guard signed.note.verify(with: [verifier]).isSigned(by: seal.keyName, keyID: verifier.keyID) else { throw damaged }
        _ = try finish(entry, line, signed, c.cosigners, seal: seal, tree: tentative, state: next)
        try ahead.remove()
    }

    /// The check a signed meeting passes before anything is appended to it: the host's opening
    /// statement still verifies and binds the session key, and the latest checkpoint is signed
    /// by that key over the journal as it stands (`Integrity`).
    func checkIntegrity() throws(WorkspaceError) {
        try Integrity.check(state, tree: tree)
    }
}

/// `journal.pending`: an entry and its checkpoint, written before the witness is asked and
/// removed once both are in the journal (`Session.appendSealed`).
struct WriteAhead {
    static let name = "journal.pending"
    let path: String

    init(folder: SessionFolder) {
        path = folder.path + "/" + Self.name
    }

    func write(entry: [UInt8], checkpoint: [UInt8]) throws(WorkspaceError) {
        do { try DurableFile.replace(path, with: entry + [0x0A] + checkpoint + [0x0A], mode: 0o600) } catch { throw .file(error) }
    }

    /// The two lines, or nil when there is no write-ahead.
    func read() throws(WorkspaceError) -> (entry: [UInt8], checkpoint: [UInt8])? {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw .file(error) }
        guard let bytes else { return nil }
        let text = JournalText(bytes: bytes)
        guard text.lines.count == 2, text.tornTail == nil else {
            throw .damaged("待完成的记录 \(Self.name) 已损坏", "the write-ahead \(Self.name) is damaged")
        }
        return (Array(text.line(0)), Array(text.line(1)))
    }

    func remove() throws(WorkspaceError) {
        guard access(path, F_OK) == 0 else { return }
        do { try DurableFile.remove(path) } catch { throw .file(error) }
    }
}
