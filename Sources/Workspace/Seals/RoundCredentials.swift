import Journal
import Records
import Review
import Seal
import TextFormats

/// A round's ballot credentials (RFC 9474, RSABSSA-SHA384-PSS-Randomized).
///
/// At `vote open` a fresh RSA key is made for the round; its public half goes into the
/// journal, its private half waits in the key store until the round closes, when it is
/// destroyed. A ballot cast at the laptop runs both sides: the member's side prepares and
/// blinds the ballot's message (``blind(_:session:round:key:)``), `Review` accepts the cast with
/// the blinded message's hash, the session's side signs the blinded message and the member's side
/// finalizes the signature into the ballot (``finish(_:with:)``) — which carries no member id.
/// The blinding factor is discarded, so nothing stored links the issue to the ballot.
public enum RoundCredentials {
    /// A ballot message prepared and blinded on the member's side, not yet signed.
    struct BlindedBallot {
        let choices: [CandidateID: Choice]
        let nonce: String
        let message: [UInt8]
        let prepared: [UInt8]
        let blinding: BlindingResult
        /// SHA-256 (hex) of the blinded message: what the journal's `ballot.issued` records.
        var blindedHash: String { Digest.sha256Hex(blinding.blindedMessage) }
    }

    /// The member's side: the ballot message for `choices` with a fresh nonce, prepared and blinded.
    static func blind(_ choices: [CandidateID: Choice], session: String, round: Int, key: BlindVerifyingKey) throws(WorkspaceError) -> BlindedBallot {
        let nonce = Digest.hex(SecureRandom.bytes(16))
        let message = BallotMessage.bytes(session: session, round: round, choices: choices, nonce: nonce)
        let prepared = key.prepare(message)
        do {
            return BlindedBallot(choices: choices, nonce: nonce, message: message, prepared: prepared, blinding: try key.blind(prepared))
        } catch {
            throw .damaged("无法盲化选票：\(error)", "cannot blind the ballot: \(error)")
        }
    }

    /// The session's side signs the blinded message; the member's side unblinds and checks it.
    static func finish(_ blinded: BlindedBallot, with key: BlindSigningKey) throws(WorkspaceError) -> Ballot {
        do {
            let blindSignature = try key.blindSign(blinded.blinding.blindedMessage)
            let signature = try key.publicKey.finalize(blindSignature, for: blinded.prepared, inverse: blinded.blinding.inverse)
            return Ballot(id: Digest.sha256Hex(blinded.message), choices: blinded.choices, nonce: blinded.nonce,
                          prefix: Digest.hex(blinded.prepared.prefix(blinded.prepared.count - blinded.message.count)),
                          signature: Base64.encode(signature))
        } catch {
            throw .damaged("签发投票凭证失败：\(error)", "issuing the ballot credential failed: \(error)")
        }
    }

    /// A fresh round key, made before the round's opening is judged.
    static func makeKey() throws(WorkspaceError) -> BlindSigningKey {
        do { return try BlindSigningKey.generate() } catch {
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

    /// Whether `ballot` carries a valid credential of this round for its own content.
    public static func verify(_ ballot: Ballot, session: String, round: Int, key: BlindVerifyingKey) -> Bool {
        guard let prefixHex = ballot.prefix, let prefix = hexBytes(prefixHex), prefix.count == 32,
              let signatureText = ballot.signature, let signature = Base64.decode(signatureText) else { return false }
        let message = BallotMessage.bytes(session: session, round: round, choices: ballot.choices, nonce: ballot.nonce)
        return key.isValidSignature(signature, for: prefix + message)
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
