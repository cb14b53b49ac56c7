import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats

/// A round's ballot credentials (RFC 9474, RSABSSA-SHA384-PSS-Randomized).
///
/// At `vote open` a fresh RSA key is made for the round; its public half goes into the
/// journal, its private half waits in `keys/round-N.key` (0600) until the round closes, when it
/// is destroyed. Casting a ballot runs both sides in one step: the member's side prepares and
/// blinds the ballot's message, the session's side signs the blinded message (journaling only
/// its hash, with the member's id), and the member's side finalizes the signature into the
/// ballot — which carries no member id. The blinding factor is discarded, so nothing stored
/// links the issue to the ballot.
public struct RoundCredentials {
    let folder: SessionFolder
    let round: Int

    var path: String { folder.keysDirectory + "/round-\(round).key" }

    /// Makes and stores the round's key; returns the public half for the journal.
    func create() throws(WorkspaceError) -> String {
        do {
            let key = try BlindSigningKey.generate()
            try folder.ensureKeysDirectory()
            try DurableFile.replace(path, with: try key.transientPEM(), mode: 0o600)
            return Base64.encode(key.publicKey.subjectPublicKeyInfo)
        } catch let e as FileError { throw .file(e) } catch {
            throw .damaged("无法生成本轮投票凭证密钥：\(error)", "cannot make the round's credential key: \(error)")
        }
    }

    /// The public key the journal holds for the round.
    public static func publicKey(_ opened: RoundOpened) throws(WorkspaceError) -> BlindVerifyingKey {
        guard let text = opened.credentialKey, let der = Base64.decode(text) else {
            throw .damaged("第 \(opened.round) 轮没有投票凭证公钥", "round \(opened.round) has no credential key")
        }
        do { return try BlindVerifyingKey(subjectPublicKeyInfo: der) } catch {
            throw .damaged("第 \(opened.round) 轮的投票凭证公钥无效：\(error)", "round \(opened.round)'s credential key is invalid: \(error)")
        }
    }

    /// The stored private key, checked against the journal's public half.
    func signingKey(_ opened: RoundOpened) throws(WorkspaceError) -> BlindSigningKey {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw .file(error) }
        guard let bytes else {
            throw .damaged("第 \(round) 轮的凭证密钥 \(path) 不存在", "round \(round)'s credential key \(path) is missing")
        }
        do {
            let key = try BlindSigningKey(transientPEM: bytes)
            guard Base64.encode(key.publicKey.subjectPublicKeyInfo) == opened.credentialKey else {
                throw WorkspaceError.damaged("第 \(round) 轮的凭证密钥与日志中的公钥不一致（伪造的轮次密钥？）",
                                             "round \(round)'s credential key does not match the journal's public key (a forged round key?)")
            }
            return key
        } catch let e as WorkspaceError { throw e } catch {
            throw .damaged("第 \(round) 轮的凭证密钥已损坏：\(error)", "round \(round)'s credential key is damaged: \(error)")
        }
    }

    /// One member's ballot with its credential, and the hash of the blinded message to journal.
    func issue(_ choices: [CandidateID: Choice], session: String, opened: RoundOpened) throws(WorkspaceError) -> (ballot: Ballot, blinded: String) {
        let key = try signingKey(opened)
        let nonce = Digest.hex(SecureRandom.bytes(16))
        let message = BallotMessage.bytes(session: session, round: round, choices: choices, nonce: nonce)
        do {
            // The member's side.
            let prepared = key.publicKey.prepare(message)
            let blinding = try key.publicKey.blind(prepared)
            // The session's side: it sees only the blinded message.
            let blindSignature = try key.blindSign(blinding.blindedMessage)
            // The member's side again: unblind and check.
            let signature = try key.publicKey.finalize(blindSignature, for: prepared, inverse: blinding.inverse)
            let ballot = Ballot(id: Digest.sha256Hex(message), choices: choices, nonce: nonce,
                                prefix: Digest.hex(prepared.prefix(prepared.count - message.count)), signature: Base64.encode(signature))
            return (ballot, Digest.sha256Hex(blinding.blindedMessage))
        } catch {
            throw .damaged("签发投票凭证失败：\(error)", "issuing the ballot credential failed: \(error)")
        }
    }

    /// Whether `ballot` carries a valid credential of this round for its own content.
    public static func verify(_ ballot: Ballot, session: String, round: Int, key: BlindVerifyingKey) -> Bool {
        guard let prefixHex = ballot.prefix, let prefix = hexBytes(prefixHex), prefix.count == 32,
              let signatureText = ballot.signature, let signature = Base64.decode(signatureText) else { return false }
        let message = BallotMessage.bytes(session: session, round: round, choices: ballot.choices, nonce: ballot.nonce)
        return key.isValidSignature(signature, for: prefix + message)
    }

    func destroy() throws(WorkspaceError) {
        do { try DurableFile.remove(path) } catch { throw .file(error) }
    }
}

/// The bytes of a lowercase or uppercase hex string, or nil.
func hexBytes(_ text: String) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count / 2)
    for i in stride(from: 0, to: chars.count, by: 2) {
        guard let hi = hexValue(chars[i]), let lo = hexValue(chars[i + 1]) else { return nil }
        out.append(hi << 4 | lo)
    }
    return out
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
}
