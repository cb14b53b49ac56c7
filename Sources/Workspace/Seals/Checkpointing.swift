import Journal
import Records
import Review
import Seal
import TextFormats

/// Signs checkpoints of a signed meeting's journal (RFC 9162 root, C2SP signed note).
struct Checkpointer {
    let folder: SessionFolder

    /// A checkpoint over the journal's first `size` entries, signed by the session key and any cosigners.
    func checkpoint(size: Int, seal: MeetingSeal, sessionKey: SigningKey, cosigners: [(name: String, identity: Identity)]) throws(WorkspaceError) -> CheckpointSigned {
        let text: JournalText
        do { text = try folder.journal.read() } catch { throw .file(error) }
        guard size <= text.lines.count else {
            throw .damaged("检查点大小 \(size) 超出日志长度", "checkpoint size \(size) beyond the journal")
        }
        let tree = JournalTree(text)
        do {
            let root = try tree.root(ofSize: UInt64(size))
            let checkpoint = try Checkpoint(origin: seal.origin, size: UInt64(size), root: root)
            var signers: [any NoteSigner] = [KeyNoteSigner(name: seal.keyName, key: sessionKey)]
            signers += cosigners.map { KeyNoteSigner(name: $0.name, key: $0.identity.key) }
            let note = try SignedNote(text: checkpoint.text, signedBy: signers)
            return CheckpointSigned(note: String(decoding: note.bytes, as: UTF8.self),
                                    cosigners: cosigners.map { Base64.encode($0.identity.certificate.der) })
        } catch {
            throw .damaged("无法签署检查点：\(error)", "cannot sign the checkpoint: \(error)")
        }
    }
}
