/// An electronic ballot as written to the journal at round close: no member id, ever (R5).
public struct Ballot: Codable, Sendable, Equatable {
    /// SHA-256 of `BallotMessage.bytes(...)`, lowercase hex; the block is sorted by it.
    public var id: String
    /// Marks by candidate; a candidate left blank is absent.
    public var choices: [CandidateID: Choice]
    /// 16 random bytes, lowercase hex, drawn when the ballot was cast.
    public var nonce: String
    /// RFC 9474's 32-byte random message prefix (hex): the credential signs `prefix ‖ message`.
    public var prefix: String?
    /// The round key's RSABSSA-SHA384-PSS signature over `prefix ‖ message`, base64: the
    /// credential. Nil in an unsigned drill and in paper rounds.
    public var signature: String?

    public init(id: String, choices: [CandidateID: Choice], nonce: String, prefix: String? = nil, signature: String? = nil) {
        self.id = id
        self.choices = choices
        self.nonce = nonce
        self.prefix = prefix
        self.signature = signature
    }
}

/// The bytes a ballot stands for: `domain‖session‖round‖choices‖nonce`.
///
/// Fields are separated by a zero byte; `choices` lists `id=mark` pairs sorted by candidate
/// id and joined by `;`. These are the bytes whose SHA-256 is the ballot's id, and over which
/// a round's blind-signed credential is finalised.
public enum BallotMessage {
    public static let domain = "pingshen-ballot-v1"

    public static func bytes(session: String, round: Int, choices: [CandidateID: Choice], nonce: String) -> [UInt8] {
        let marks = choices.keys.sorted().map { "\($0)=\(choices[$0]!.rawValue)" }.joined(separator: ";")
        var out: [UInt8] = []
        for (index, field) in [domain, session, String(round), marks, nonce].enumerated() {
            if index > 0 { out.append(0) }
            out.append(contentsOf: field.utf8)
        }
        return out
    }
}
