import Foundation
import Journal
import Records
import Review
import Seal
import TextFormats

extension Session {
    /// Makes the session ready to append: an interrupted append must be repaired first, closed
    /// rounds' leftovers are tidied, and a checkpoint an interruption left owing is written now.
    /// The final, cosigned checkpoint after the close can only be written by `closeMeeting`.
    func prepareForAppending() throws(WorkspaceError) {
        guard !ready else { return }
        if let torn = tornTail {
            let line = state.lastSeq + 1
            throw .damaged(
                "\(SessionFolder.journalName) 第 \(line) 行不完整（\(torn.count) 字节，上次写入被中断，未曾确认）。为免与新记录混在一起，请先运行 pingshen repair：它把这些字节移到旁边的文件保存，并在日志中记下此事",
                "\(SessionFolder.journalName) line \(line) is incomplete (\(torn.count) bytes from an interrupted, never acknowledged append). Run pingshen repair first: it moves those bytes aside into a file and records the repair in the journal")
        }
        try tidy()
        if state.needsCheckpoint(after: lastEntry.event) {
            if case .meetingClosed = lastEntry.event {
                throw .damaged("会议已结束但最终检查点尚未签署：请再次运行 pingshen close 并提供记录人证书与私钥",
                               "the meeting is closed but its final checkpoint is not signed yet: run pingshen close again with the recorder's certificate and key")
            }
            try writeCheckpoint(key: try keys.sessionKey(bound: state.seal!), cosigners: [])
        }
        ready = true
    }

    /// Removes what closed rounds left behind after an interruption: their spools (the ballots
    /// are in the journal) and their credential keys; and the session key once the meeting is over.
    func tidy() throws(WorkspaceError) {
        for round in state.rounds where !round.isOpen {
            try BallotSpool(folder: folder, round: round.number).remove()
            try keys.destroyRoundKey(round.number)
        }
        if state.phase == .closed && (state.isSealedAfterClose || !state.isSigned) {
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

    /// Signs and appends a checkpoint covering the whole journal.
    ///
    /// The checkpoint entry carries the time of the last entry it seals, not the clock's: the
    /// final checkpoint's own line is covered by no later signature, so an inspector can hold
    /// its time to the close's (V2) instead of trusting an unsigned timestamp.
    func writeCheckpoint(key: SigningKey, cosigners: [Cosigner]) throws(WorkspaceError) {
        let seal = state.seal!
        let signed: CheckpointSigned
        do {
            let checkpoint = try Checkpoint(origin: seal.origin, size: tree.size, root: tree.root)
            let signers: [any NoteSigner] = [KeyNoteSigner(name: seal.keyName, key: key)]
                + cosigners.map { KeyNoteSigner(name: $0.name, key: $0.identity.key) }
            let note = try SignedNote(text: checkpoint.text, signedBy: signers)
            signed = CheckpointSigned(note: String(decoding: note.bytes, as: UTF8.self),
                                      cosigners: cosigners.map { Base64.encode($0.identity.certificate.der) })
        } catch {
            throw .damaged("无法签署检查点：\(error)", "cannot sign the checkpoint: \(error)")
        }
        try append(try judge(.recordCheckpoint(signed)), at: state.lastAt)
    }

    /// The check a signed meeting passes before anything is appended to it: the host's opening
    /// statement still verifies and binds the session key, and the latest checkpoint is signed
    /// by that key over the journal as it stands (`Integrity`).
    func checkIntegrity() throws(WorkspaceError) {
        try Integrity.check(state, tree: tree)
    }
}
