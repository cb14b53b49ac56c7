import Foundation
import Journal
import Records
import Seal

/// The witness's cosignatures on the journal's checkpoints, checked with the verifier's own code
/// (c2sp.org/tlog-cosignature, Ed25519 `cosignature/v1`): the witness named at the opening, each
/// line by its key verified, and the time it states.
///
///     keyID = SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[0..<4]
///     line  = "— " name " " base64(keyID ‖ u64be(t) ‖ Ed25519(key, "cosignature/v1\ntime " t "\n" ‖ checkpoint text))
///
/// Written here rather than borrowed from the witness, so that one bug cannot hide itself twice.
struct WitnessCosignatures {
    /// The witness named at the opening.
    let name: String
    let url: String
    /// Its certificate, if it parses as an Ed25519 certificate.
    let certificate: Ed25519Certificate?
    /// Verified cosignature times (seconds since 1970) by checkpoint position.
    private(set) var times: [Int: UInt64] = [:]
    /// Checkpoint positions with a line under the witness's name that does not verify.
    private(set) var invalid: [Int] = []

    init?(_ facts: SessionFacts, _ journal: JournalRecord) {
        guard let binding = facts.seal?.witness else { return nil }
        name = binding.name
        url = binding.url
        certificate = Encodings.base64(binding.certificate).flatMap { try? Ed25519Certificate(der: $0) }
        guard let certificate else { return }
        var id = Array(name.utf8) + [0x0A, 0x04] + certificate.publicKey.rawRepresentation
        id = Digest.hash(id, using: .sha256)
        let keyID = UInt32(id[0]) << 24 | UInt32(id[1]) << 16 | UInt32(id[2]) << 8 | UInt32(id[3])
        for (p, c) in facts.checkpoints {
            guard let signed = try? SignedCheckpoint(parsing: Array(c.note.utf8)) else { continue }
            for line in signed.note.signatures where line.name == name {
                let s = line.signature
                guard line.keyID == keyID, s.count == 8 + 64 else { invalid.append(p); continue }
                let t = s[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                let message = Array("cosignature/v1\ntime \(t)\n".utf8) + signed.note.text
                if certificate.publicKey.isValidSignature(Array(s[8...]), for: message) { times[p] = t } else { invalid.append(p) }
            }
        }
    }

    /// The witness's time of the first checkpoint at or after `p` it cosigned: it saw entry `p`
    /// no later than that.
    func time(covering p: Int) -> Date? {
        times.filter { $0.key >= p }.min { $0.key < $1.key }.map { Date(timeIntervalSince1970: TimeInterval($0.value)) }
    }
}
