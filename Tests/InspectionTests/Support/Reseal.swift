import Foundation
import Journal
import Records
import Seal
import Witness

/// Rewrites a journal so that every seal holds again: a fresh session key, the opening
/// statement naming it re-signed by `chair`, every checkpoint recomputed and re-signed, the
/// final one cosigned by `secretary`, and seq renumbered. This is what an insider holding the
/// chair's and the secretary's keys could do: without the witness's key (on another device)
/// the witness's cosignatures are gone and V15 fails; with it — all three colluding — what
/// survives must be caught by the checks of the rules themselves (V4–V13).
struct Resealer {
    let chair: Identity
    let secretary: Identity
    /// The witness's identity, when the witness colludes: every checkpoint is cosigned again at
    /// the time of the entry it seals.
    var witness: WitnessIdentity?
    /// When set, the seal recorded at the opening becomes this certificate (a rogue seal).
    var committee: Certificate?
    /// When set, each paper-sheet entry is re-signed by the teller of that name (a rogue seal's tellers).
    var tellers: [String: Identity] = [:]

    func reseal(_ journal: [UInt8]) throws -> [UInt8] {
        var entries = try Lines.split(journal).map { try EntryCoding.decode($0) }
        let sessionKey = try SigningKey.generate(chair.key.algorithm)
        let keyText = Data(sessionKey.publicKey.subjectPublicKeyInfo).base64EncodedString()
        var seal: MeetingSeal?
        var lines: [[UInt8]] = []
        var range = CompactRange()
        for i in entries.indices {
            entries[i].seq = i + 1
            switch entries[i].event {
            case .meetingOpened(var opened):
                if var s = opened.seal {
                    s.statement.text = s.statement.text.replacingOccurrences(of: s.sessionKey, with: keyText)
                    s.sessionKey = keyText
                    s.algorithm = sessionKey.algorithm.rawValue
                    if let committee { s.committeeCertificate = Data(committee.der).base64EncodedString() }
                    s.statement = try Self.sign(s.statement.text, by: chair)
                    opened.seal = s
                    seal = s
                }
                entries[i].event = .meetingOpened(opened)
            case .sheetEntered(var entry):
                if let teller = tellers[entry.teller], let signed = entry.signed {
                    entry.signed = try Self.sign(signed.text, by: teller)
                    entries[i].event = .sheetEntered(entry)
                }
            case .checkpointSigned(let old):
                guard let seal else { break }
                let checkpoint = try Checkpoint(origin: seal.origin, size: UInt64(i), root: range.root)
                var signers: [any NoteSigner] = [KeyNoteSigner(name: seal.keyName, key: sessionKey)]
                var cosigners: [String] = []
                if !old.cosigners.isEmpty {
                    signers.append(KeyNoteSigner(name: "pingshen.recorder.\(secretary.certificate.serialHex.prefix(16))", key: secretary.key))
                    cosigners = [Data(secretary.certificate.der).base64EncodedString()]
                }
                var note = try SignedNote(text: checkpoint.text, signedBy: signers).bytes
                if let witness, let seconds = ShanghaiTime.parse(entries[i].at) {
                    note += Array(try witness.cosigner.cosign(checkpoint.text, at: UInt64(seconds)).line.utf8)
                }
                entries[i].event = .checkpointSigned(CheckpointSigned(note: String(decoding: note, as: UTF8.self), cosigners: cosigners))
            default: break
            }
            let line = try EntryCoding.encode(entries[i])
            range.append(entry: line)
            lines.append(line)
        }
        return Lines.join(lines)
    }

    /// The statement signed as the engine signs it: CMS for P-256, a plain signature for SM2.
    static func sign(_ text: String, by identity: Identity) throws -> SignedStatement {
        let bytes = Array(text.utf8)
        if identity.key.algorithm == .p256 {
            return SignedStatement(text: text, format: "cms", signature: Data(try DetachedSignature.sign(bytes, signers: [identity]).der).base64EncodedString(),
                                   certificate: Data(identity.certificate.der).base64EncodedString())
        }
        return SignedStatement(text: text, format: "sm2", signature: Data(try identity.key.signature(for: bytes)).base64EncodedString(),
                               certificate: Data(identity.certificate.der).base64EncodedString())
    }
}
