import Foundation
import Journal
import Records
import Seal

/// V2 — every checkpoint's root is recomputed and its signatures hold.
///
///     ∀ checkpoint at p: origin = seal.origin ∧ size = p − 1 ∧ root = MTH(line 1 … line p−1)
///                        ∧ Verify(sessionKey, note text) ∧ every signature line is the session key's,
///                          a listed cosigner's (and verifies), or the named witness's (V15)
///     {p − 1 : checkpoint at p} = {q : open ≤ q ≤ close, event(q) ≠ checkpoint.signed}: every entry
///       from the opening to the close is sealed at once (SPEC.md §2)
///     the final checkpoint (after meeting.closed) is cosigned by a recorder certificate the seal
///       issued (OU = secretary, valid at the close), under key name pingshen.recorder.<serial16>
///     at(p) = at(p − 1): a checkpoint carries the time of the entry it seals
///     every entry is covered by a checkpoint, except checkpoints and document.signed after the last
///
/// MTH is RFC 9162's Merkle tree hash over the lines as stored (STYLE.md 6), computed once,
/// streaming, with a compact range: each checkpoint costs O(log n) hashes.
enum Checkpoints {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v2, count: e.facts.checkpoints.count, unit: "个检查点 checkpoints")
        guard e.facts.opening != nil else {
            r.fail(nil, "没有开会记录 meeting.opened，也就没有会议密钥 (the meeting was never opened; there is no session key)")
            return r
        }
        guard let seal = e.facts.seal else {
            e.unsignedDrill(&r, "会议密钥与检查点签名")
            for (p, _) in e.facts.checkpoints { r.fail(p, "未签名的演练会议中出现检查点 (a checkpoint in an unsigned drill)") }
            return r
        }
        let session = e.facts.session ?? ""
        guard let keyDER = Encodings.base64(seal.sessionKey), let key = try? VerifyingKey(subjectPublicKeyInfo: keyDER),
              key.algorithm.rawValue == seal.algorithm, let verifier = try? SignatureBatchVerifier(key) else {
            r.fail(e.facts.opening?.p, "会议密钥无法读取或与所称算法 \(seal.algorithm) 不符 (the session key cannot be read or is not \(seal.algorithm))")
            return r
        }
        if seal.origin != "pingshen.session/\(session)" || seal.keyName != "pingshen.session.\(session.prefix(16))" {
            r.fail(e.facts.opening?.p, "检查点来源「\(seal.origin)」或密钥名「\(seal.keyName)」不属于本次会议 \(session) (origin or key name of another session)")
        }
        let sessionKeyID = NoteKeyID.derive(name: seal.keyName, type: noteType(key.algorithm), publicKey: keyDER)
        var range = CompactRange()
        var hasher = MerkleHasher()
        var largestCovered = 0
        let closeP = e.facts.closing?.p
        var next = 0  // the next checkpoint in journal order
        let checkpoints = e.facts.checkpoints
        e.journal.text.bytes.withUnsafeBytes { file in
            for (i, line) in e.journal.text.lines.enumerated() {
                let p = i + 1
                if next < checkpoints.count, checkpoints[next].p == p {
                    let final = closeP.map { p == $0 + 1 } ?? false
                    if checkCheckpoint(checkpoints[next].value, at: p, root: range.root, seal: seal, verifier: verifier, keyID: sessionKeyID, final: final, e, &r) {
                        largestCovered = max(largestCovered, p - 1)
                    }
                    next += 1
                }
                range.append(leafHash: hasher.leafHash(UnsafeRawBufferPointer(rebasing: file[line])))
            }
        }
        checkPlacement(e, &r)
        for p in stride(from: largestCovered + 1, through: e.journal.count, by: 1) {
            switch e.journal.entry(p)?.event {
            case .checkpointSigned?, .documentSigned?: continue
            default:
                r.fail(p, "第 \(p) 条不在任何有效的已签名检查点之内（检查点之后追加、或检查点无效）(entry \(p) is covered by no valid signed checkpoint)")
            }
        }
        return r
    }

    /// Checks one checkpoint; returns whether it is valid (so that it covers the entries before it).
    static func checkCheckpoint(_ c: CheckpointSigned, at p: Int, root: TreeHash, seal: MeetingSeal, verifier: SignatureBatchVerifier,
                                keyID: UInt32, final: Bool, _ e: Evidence, _ r: inout CheckResult) -> Bool {
        let before = r.findings.count
        let signed: SignedCheckpoint
        do { signed = try SignedCheckpoint(parsing: Array(c.note.utf8)) } catch {
            r.fail(p, "检查点格式错误：\(error) (malformed checkpoint)")
            return false
        }
        if signed.checkpoint.origin != seal.origin {
            r.fail(p, "检查点来源「\(signed.checkpoint.origin)」不是本次会议的「\(seal.origin)」(wrong origin)")
        }
        // A checkpoint carries the time of the last entry it seals: for the final one, whose own
        // line no later signature covers, this ties its time to the signed close.
        if let at = e.journal.entry(p)?.at, let sealed = e.journal.entry(p - 1)?.at, at != sealed {
            r.fail(p, "检查点时间 \(at) 与其封存的最后一条记录的时间 \(sealed) 不同 (a checkpoint's time differs from the time of the entry it seals)")
        }
        if signed.checkpoint.size != UInt64(p - 1) {
            r.fail(p, "检查点大小为 \(signed.checkpoint.size)，按其位置应为 \(p - 1) (size \(signed.checkpoint.size) should be \(p - 1))")
        } else if signed.checkpoint.root != root {
            r.fail(p, "检查点根哈希与前 \(p - 1) 条记录重新计算的不符：之前的记录被改动 (root differs from the recomputed one: earlier entries were altered)")
        }
        // Cosigners: each listed certificate, under its recorder key name.
        var cosigners: [(name: String, keyID: UInt32, certificate: Certificate)] = []
        for text in c.cosigners {
            guard let certificate = e.cache.certificate(base64: text) else {
                r.fail(p, "副署人证书无法解析 (a cosigner's certificate does not parse)")
                continue
            }
            let name = "pingshen.recorder.\(certificate.serialHex.prefix(16))"
            let id = NoteKeyID.derive(name: name, type: noteType(certificate.publicKey.algorithm), publicKey: certificate.publicKey.subjectPublicKeyInfo)
            cosigners.append((name, id, certificate))
        }
        var sessionSigned = false
        var cosigned = Set<Int>()
        for signature in signed.note.signatures {
            if signature.name == seal.keyName && signature.keyID == keyID {
                e.counters.signatures += 1
                if verifier.isValidSignature(signature.signature, for: signed.note.text) { sessionSigned = true } else {
                    r.fail(p, "会议密钥对检查点的签名无效 (the session key's signature does not verify)")
                }
            } else if let i = cosigners.firstIndex(where: { $0.name == signature.name && $0.keyID == signature.keyID }) {
                e.counters.signatures += 1
                if cosigners[i].certificate.publicKey.isValidSignature(signature.signature, for: signed.note.text) { cosigned.insert(i) } else {
                    r.fail(p, "副署人 \(signature.name) 的签名无效 (the cosignature of \(signature.name) does not verify)")
                }
            } else if signature.name != seal.witness?.name {
                r.fail(p, "检查点上有未知密钥 \(signature.name) 的签名 (a signature by an unknown key \(signature.name))")
            }
        }
        if !sessionSigned { r.fail(p, "检查点没有会议密钥的有效签名 (not validly signed by the session key)") }
        for (i, cosigner) in cosigners.enumerated() where !cosigned.contains(i) {
            r.fail(p, "列出的副署人 \(cosigner.name) 没有签名 (listed cosigner \(cosigner.name) did not sign)")
        }
        if final { checkRecorder(cosigners.map(\.certificate), cosigned: cosigned, at: p, e, &r) }
        return r.findings[before...].allSatisfy { !$0.isError }
    }

    /// The final checkpoint's recorder: issued by the seal, a secretary, valid at the close.
    static func checkRecorder(_ certificates: [Certificate], cosigned: Set<Int>, at p: Int, _ e: Evidence, _ r: inout CheckResult) {
        guard let committee = e.committee else {
            return r.fail(p, "评委会印章证书无法读取，无法验证记录人证书 (the seal's certificate cannot be read)")
        }
        let closeTime = e.facts.closing.flatMap { e.time($0.p) } ?? Date()
        let recorders = certificates.indices.filter { i in
            cosigned.contains(i) && certificates[i].role == .secretary && (try? certificates[i].verify(issuedBy: committee, at: closeTime)) != nil
        }
        if recorders.isEmpty {
            r.fail(p, "最终检查点没有评委会印章签发的记录人（secretary）证书的有效副署 (the final checkpoint is not cosigned by a recorder the seal issued)")
        } else if let recorder = e.facts.opening?.value.recorder,
                  !recorders.contains(where: { certificates[$0].subject.commonName == recorder }) {
            r.warn(p, "副署证书姓名「\(certificates[recorders[0]].subject.commonName ?? "")」与开会记录的记录人「\(recorder)」不同 (cosigner's name differs from the recorder's)")
        }
    }

    /// Checkpoints stand right after every entry from the opening to the close, and nowhere else.
    static func checkPlacement(_ e: Evidence, _ r: inout CheckResult) {
        guard let opening = e.facts.opening?.p else { return }
        let last = e.facts.closing?.p ?? e.journal.count
        let checkpointLines = Set(e.facts.checkpoints.map(\.p))
        var sealed = Set<Int>()
        for p in opening...max(opening, last) where !checkpointLines.contains(p) {
            sealed.insert(p)
            if !checkpointLines.contains(p + 1) {
                let kind = e.journal.entry(p)?.event.kind ?? "?"
                r.fail(p, "\(kind) 之后没有紧接的检查点：开会至结束会议之间的每条记录都须与其检查点一同写入 (no checkpoint right after \(kind): every entry from the opening to the close is sealed at once)")
            }
        }
        for p in checkpointLines.sorted() where !sealed.contains(p - 1) {
            r.fail(p, "检查点不在开会至结束会议之间的某条记录之后 (a checkpoint where none is called for)")
        }
    }

    static func noteType(_ algorithm: SigningAlgorithm) -> NoteSignatureType {
        algorithm == .p256 ? .ecdsaP256 : .sm2
    }
}
