import Records
import Seal

/// V7 — every electronic ballot carries a valid credential of its round, for its own content,
/// and the round's ballots were written once, as one block sorted by id (R4, R5, R10).
///
///     ∀ electronic r, b ∈ ballots(r):
///         b.id = SHA-256(msg(b))            msg(b) = domain ‖ session ‖ r ‖ marks(b) ‖ nonce(b)
///         RSABSSA-SHA384-PSS-Verify(key(r), b.signature, b.prefix ‖ msg(b)), |prefix| = 32
///         marks(b) ⊆ candidates(r); |{c : b(c) = 同意}| ≤ cap(r) when cap(r) > 0
///     ids strictly ascending (sorted, no ballot twice); nonces unique
///     |ballots(r)| ≤ |issued(r)|; returned = |ballots(r)|; at most one round.closed per round
///     key(r) ≠ key(r′) for r ≠ r′ (a fresh credential key per round)
///
/// This is where most of the verifier's time goes: one RSA public operation per ballot, with
/// the round key parsed once and one verify context per round (Seal's batch verifier).
enum Ballots {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v7, unit: "张电子选票 ballots")
        let f = e.facts
        for orphan in f.orphans where orphan.kind == "round.closed" {
            r.fail(orphan.p, "结束了未开始的第 \(orphan.round) 轮 (round \(orphan.round) closed but never opened)")
        }
        if !e.isSigned && f.rounds.contains(where: { !$0.opened.paper }) {
            r.warn(f.opening?.p, "选票凭证部分不适用：未签名的演练会议 (credentials not applicable: unsigned drill)")
        }
        var keys: [[UInt8]: Int] = [:]
        var message = BallotBytes(session: f.session ?? "")
        var sha256 = ReusableDigest(.sha256)
        var digest = [UInt8](repeating: 0, count: 32)
        var credential = Credential()
        for round in f.rounds {
            for extra in round.closes.dropFirst() {
                r.fail(extra.p, "第 \(round.number) 轮第二次结束：选票只能在一条 round.closed 中写入 (R5: a second round.closed)")
            }
            guard let (p, closed) = round.closed else { continue }
            if round.opened.paper {
                if !closed.ballots.isEmpty { r.fail(p, "纸质轮次中出现电子选票 (electronic ballots in a paper round)") }
                continue
            }
            var verifier: BlindSignatureBatchVerifier?
            if e.isSigned {
                guard let text = round.opened.credentialKey, let der = Encodings.base64(text),
                      let v = try? BlindSignatureBatchVerifier(subjectPublicKeyInfo: der) else {
                    r.fail(round.openedAt, "第 \(round.number) 轮没有可用的投票凭证公钥 (round \(round.number) has no usable credential key)")
                    continue
                }
                if let other = keys[der] {
                    r.fail(round.openedAt, "第 \(round.number) 轮重用了第 \(other) 轮的凭证密钥 (a credential key reused from round \(other))")
                }
                keys[der] = round.number
                verifier = v
            }
            let onSheet = SheetCandidates(round.opened.candidates)
            var nonces: [Nonce] = []
            var previousID: String?
            var invalid: [Int] = []
            nonces.reserveCapacity(closed.ballots.count)
            let cap = round.opened.yesCap
            for (i, ballot) in closed.ballots.enumerated() {
                r.count += 1
                let n = i + 1
                var yes = 0
                for (c, choice) in ballot.choices {
                    if !onSheet.contains(c) {
                        r.fail(p, "第 \(round.number) 轮第 \(n) 张选票上有不在本轮的申报人 \(c) (R4: a mark for \(c), not on this sheet)")
                    }
                    if choice == .yes { yes += 1 }
                }
                if cap > 0 && yes > cap {
                    r.fail(p, "第 \(round.number) 轮第 \(n) 张选票同意数超过限额 \(cap) (R10: over the cap)")
                }
                if let nonce = Nonce(ballot.nonce) { nonces.append(nonce) } else {
                    r.fail(p, "第 \(round.number) 轮第 \(n) 张选票的随机数无效 (a malformed nonce)")
                }
                if let previousID, !(previousID < ballot.id) {
                    r.fail(p, "第 \(round.number) 轮选票未按 id 严格升序排列（重复或顺序泄露投票次序）(R5: ballots not sorted by id, or repeated)")
                }
                previousID = ballot.id
                message.build(round: round.number, choices: ballot.choices, nonce: ballot.nonce)
                message.bytes.withUnsafeBytes { m in digest.withUnsafeMutableBytes { sha256.hash(m, into: $0) } }
                if !digest.withUnsafeBytes({ Encodings.hex(ballot.id, equals: $0) }) {
                    r.fail(p, "第 \(round.number) 轮第 \(n) 张选票的 id 与其内容不符（内容被改动）(the ballot's id does not match its content)")
                }
                if let verifier {
                    e.counters.credentials += 1
                    if !credential.isValid(ballot, message.bytes, verifier) { invalid.append(n) }
                }
            }
            nonces.sort()
            for (a, b) in zip(nonces, nonces.dropFirst()) where a == b {
                r.fail(p, "第 \(round.number) 轮有两张选票的随机数相同 (R5: a repeated nonce)")
            }
            if !invalid.isEmpty {
                let which = invalid.prefix(10).map(String.init).joined(separator: "、") + (invalid.count > 10 ? "…" : "")
                r.fail(p, "第 \(round.number) 轮有 \(invalid.count) 张选票（第 \(which) 张）没有本轮有效的投票凭证（伪造、改动、重放或来自其他轮次）(R4: \(invalid.count) ballots without a valid credential of this round)")
            }
            if closed.ballots.count > round.issued.count {
                r.fail(p, "第 \(round.number) 轮回收电子选票 \(closed.ballots.count) 张，多于发放的凭证 \(round.issued.count) 张 (R4: more ballots than credentials)")
            }
            if closed.returned != closed.ballots.count {
                r.fail(p, "第 \(round.number) 轮记回收 \(closed.returned) 张，实有选票 \(closed.ballots.count) 张 (returned differs from the ballots written)")
            }
        }
        return r
    }

}

/// A ballot's nonce: 16 bytes, read from exactly 32 lowercase hex digits.
struct Nonce: Comparable {
    private var high: UInt64 = 0, low: UInt64 = 0

    init?(_ text: String) {
        var bytes = (UInt64(0), UInt64(0))
        guard withUnsafeMutableBytes(of: &bytes, { Encodings.hex(text, into: $0) }) else { return nil }
        (high, low) = bytes
    }

    static func < (a: Nonce, b: Nonce) -> Bool { (a.high, a.low) < (b.high, b.low) }
}

/// The candidates on a round's sheet; a short sheet (one candidate, usually) is searched in
/// place rather than hashed.
struct SheetCandidates {
    private let list: [CandidateID]
    private let set: Set<CandidateID>

    init(_ candidates: [CandidateID]) {
        list = candidates
        set = candidates.count > 8 ? Set(candidates) : []
    }

    func contains(_ candidate: CandidateID) -> Bool {
        list.count > 8 ? set.contains(candidate) : list.contains(candidate)
    }
}

/// The buffers a ballot's credential is decoded into, reused for every ballot of a session.
struct Credential {
    private var prefix = [UInt8](repeating: 0, count: 32)
    private var signature = [UInt8](repeating: 0, count: 768)

    /// Whether `ballot` carries a valid credential of the round over `prefix ‖ message`.
    mutating func isValid(_ ballot: Ballot, _ message: [UInt8], _ verifier: BlindSignatureBatchVerifier) -> Bool {
        guard let prefixText = ballot.prefix, prefix.withUnsafeMutableBytes({ Encodings.hex(prefixText, into: $0) }),
              var signatureText = ballot.signature,
              let length = signatureText.withUTF8({ chars in signature.withUnsafeMutableBufferPointer { Encodings.base64(chars, into: $0) } })
        else { return false }
        return signature.withUnsafeBytes { s in
            prefix.withUnsafeBytes { pre in
                message.withUnsafeBytes { m in verifier.isValidSignature(UnsafeRawBufferPointer(rebasing: s[..<length]), prefix: pre, message: m) }
            }
        }
    }
}
