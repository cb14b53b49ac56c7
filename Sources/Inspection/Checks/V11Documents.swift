import Foundation
import Records
import Seal

/// V11 — the minutes and forms are the files the journal says were signed, and their CMS
/// signatures verify against the committee seal (R13).
///
///     ∀ document.signed d at p:
///         SHA-256(file(d)) = d.sha256 ∧ SHA-256(signatureFile(d)) = d.signatureSHA256
///         CMS-Verify(signatureFile(d), content = file(d), trust anchor = seal, at t(p))
///           (an SM2 signer: a plain SM2 signature, certificate ⊢ seal at t(p), as for the statement)
///         d.certificate ∈ signers; signer fits: host → the certificate that signed the opening
///         statement (or, after a host change, a chair certificate in the new host's name),
///         recorder → the secretary certificate that cosigned the final checkpoint, seal → the
///         seal's own certificate; d.candidate, if any, was counted; t = the close as the
///         witness dated it (V15), else as the journal did
///         (document, candidate, signer) unique
///         d a result form: file(d) = Printer(facts re-derived from the journal, shipped templates
///           ∪ d.templates, each SHA-256 as recorded) — byte for byte; with d.templates, the paper
///           changes when any counted fact (yes, no, abstain, void, N, outcome, name) does, and
///           d.templates are named in a warning
///     closed signed meeting: minutes ⊢ host ∧ minutes ⊢ recorder ("no documents signed" otherwise)
///       ∧ ∀ counted c: result-form(c) ⊢ host ∧ ⊢ seal, or one result-forms bundle ⊢ host ∧ ⊢ seal
///       (皖人社发〔2018〕5号 第二十三条第六项: each 评审表 bears the host's signature and the committee's seal)
enum Documents {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v11, count: e.facts.documents.count, unit: "份签名 document signatures")
        let f = e.facts
        let counted = Set(f.counted.map(\.candidate))
        var seen = Set<String>()
        var reprinted = Set<String>()
        for (p, d) in f.documents {
            let key = "\(d.document)\u{0}\(d.candidate ?? "")\u{0}\(d.signer)"
            if !seen.insert(key).inserted {
                r.fail(p, "\(d.document)\(d.candidate.map { "（\($0)）" } ?? "") 由 \(d.signer) 重复签名 (the same document signed twice by the same signer)")
            }
            if let c = d.candidate, !counted.contains(c) {
                r.fail(p, "签名文件所属的申报人 \(c) 未经计票 (a form for a candidate never counted)")
            }
            verify(d, at: p, e, &r)
            if d.document.hasPrefix("result-form"), reprinted.insert(d.file).inserted {
                reprint(d, at: p, e, &r)
            }
        }
        guard f.closing != nil, e.isSigned else { return r }
        let closeP = f.closing?.p
        let signed = Set(f.documents.map { "\($0.value.document)\u{0}\($0.value.candidate ?? "")\u{0}\($0.value.signer)" })
        if f.documents.isEmpty {
            r.fail(closeP, "没有签名的会议记录与评审表 (no documents signed)：会议记录须由主持人和记录人签名，评审表须由主持人签名并加盖评委会印章 (R13: the minutes must be signed by the host and the recorder, each result form by the host and the seal)")
            return r
        }
        for signer in ["host", "recorder"] where !signed.contains("minutes\u{0}\u{0}\(signer)") {
            r.fail(closeP, "会议记录没有\(signer == "host" ? "主持人" : "记录人")的签名 (R13: the minutes lack the \(signer)'s signature)")
        }
        let bundle = ["host", "seal"].allSatisfy { signed.contains("result-forms\u{0}\u{0}\($0)") }
        for c in f.counted.map(\.candidate) where !bundle {
            for signer in ["host", "seal"] where !signed.contains("result-form\u{0}\(c)\u{0}\(signer)") {
                r.fail(closeP, "申报人 \(c) 的评审表没有\(signer == "host" ? "主持人签名" : "评委会印章") (the result form of \(c) lacks the \(signer)'s signature)")
            }
        }
        return r
    }

    static func verify(_ d: DocumentSigned, at p: Int, _ e: Evidence, _ r: inout CheckResult) {
        guard let file = e.files.read(d.file) else {
            return r.fail(p, "签名的文件 \(d.file) 不存在 (the signed file is missing)")
        }
        if Digest.sha256Hex(file) != d.sha256 {
            r.fail(p, "文件 \(d.file) 的 SHA-256 与签名时记录的不同：文件被改动 (the file was altered after signing)")
        }
        guard let signature = e.files.read(d.signatureFile) else {
            return r.fail(p, "签名文件 \(d.signatureFile) 不存在 (the signature file is missing)")
        }
        if Digest.sha256Hex(signature) != d.signatureSHA256 {
            r.fail(p, "签名文件 \(d.signatureFile) 的 SHA-256 与记录的不同 (the signature file was altered)")
        }
        guard let certificate = e.cache.certificate(base64: d.certificate) else {
            return r.fail(p, "签名人证书无法解析 (the signer's certificate does not parse)")
        }
        guard let committee = e.committee else {
            return r.fail(p, "评委会印章证书无法读取，无法验证签名 (the seal's certificate cannot be read)")
        }
        // Judged at the close as the witness dated it: the document line's own time is unsigned.
        let time = e.closedAt ?? e.time(p) ?? Date()
        e.counters.signatures += 2
        if certificate.publicKey.algorithm == .sm2 {
            // OpenSSL 3.0 cannot make CMS with SM2: a 国密 signer's file is a plain SM2
            // signature (SM3, ID 1234567812345678), as for the opening statement.
            if (try? certificate.verify(issuedBy: committee, at: time)) == nil {
                r.fail(p, "签名人证书「\(certificate.subject)」不是评委会印章在签名时有效签发的 (the signer's certificate is not issued by the seal, or not valid)")
            }
            if !certificate.publicKey.isValidSignature(signature, for: file) {
                r.fail(p, "\(d.file) 的 SM2 签名不成立 (the SM2 signature does not verify)")
            }
        } else {
            do {
                let signers = try DetachedSignature.verifiedSignerCertificates(signature, over: file, trustAnchor: committee, at: time)
                if !signers.contains(certificate.der) {
                    r.fail(p, "\(d.signatureFile) 不是由记录所称的证书「\(certificate.subject)」签署 (not signed by the certificate recorded)")
                }
            } catch {
                r.fail(p, "\(d.file) 的 CMS 签名不成立：\(error) (the CMS signature does not verify)")
            }
        }
        switch d.signer {
        case "host":
            if certificate.role != .chair { r.fail(p, "主持人签名所用证书「\(certificate.subject)」的角色不是 chair (the host signed with a non-chair certificate)") }
            if !isHost(certificate, e) {
                r.fail(p, "主持人签名所用证书「\(certificate.subject)」不是签署开会声明的主持人证书，也不属于其后接任的主持人 (the host's signature is not by the certificate that signed the opening statement, nor by a later host's)")
            }
        case "recorder":
            if certificate.role != .secretary { r.fail(p, "记录人签名所用证书「\(certificate.subject)」的角色不是 secretary (the recorder signed with a non-secretary certificate)") }
            let finalCosigners = e.facts.closing.flatMap { c in e.facts.checkpoints.first { $0.p == c.p + 1 } }?.value.cosigners ?? []
            if !finalCosigners.contains(where: { e.cache.certificate(base64: $0)?.der == certificate.der }) {
                r.fail(p, "记录人签名所用证书「\(certificate.subject)」不是副署最终检查点的记录人证书 (the recorder's signature is not by the certificate that cosigned the final checkpoint)")
            }
        case "seal":
            if certificate.der != committee.der { r.fail(p, "印章签名不是评委会印章证书所签 (the seal signature is not by the committee seal)") }
        default:
            r.fail(p, "未知的签名人类别「\(d.signer)」(unknown signer kind)")
        }
    }

    /// Prints the signed result form(s) again from the verifier's own facts and compares bytes;
    /// a paper printed with the user's templates is named in a warning (their wording, not the
    /// record's, is what the reader sees besides the numbers).
    static func reprint(_ d: DocumentSigned, at p: Int, _ e: Evidence, _ r: inout CheckResult) {
        guard let file = e.files.read(d.file) else { return }  // reported above
        let what = d.candidate.map { "申报人 \($0) 的评审表 \(d.file)" } ?? "评审表 \(d.file)"
        do {
            let templates = try e.reprint.check(d, file: file, read: e.files.read)
            if !templates.isEmpty {
                r.warn(p, "\(what) 以会议文件夹中的自定义模板印制：\(templates.joined(separator: "、"))；数字与结论已由日志核对，其余文字以这些模板为准 (printed with the user's templates \(templates.joined(separator: ", ")))")
            }
        } catch {
            switch error {
            case .notCounted: break  // reported above
            case .template(let message): r.fail(p, "无法按签署时的模板重印\(what)：\(message)")
            case .printer(let message): r.fail(p, "无法重印\(what)：\(message) (cannot print the form again)")
            case .ignores(let fact):
                r.fail(p, "\(what) 所用的自定义模板（\((d.templates ?? []).map(\.name).joined(separator: "、"))）不印记录中的\(fact)：无论日志如何，印出的都是同一份文件 (the user's templates print the same paper whatever the record's \(fact) is)")
            case .differs:
                r.fail(p, "\(what) 与由日志重新推出的内容不符：签署的文件所载的人数、票数、结论或主持人与会议记录不一致 (the signed form is not what the journal's facts print)")
            }
        }
    }

    /// Whether `certificate` is the host's: the one that signed the opening statement, or, when
    /// the chair was handed over, a chair certificate in the name of the member hosting last.
    static func isHost(_ certificate: Certificate, _ e: Evidence) -> Bool {
        if let seal = e.facts.seal, let statement = e.cache.certificate(base64: seal.statement.certificate), statement.der == certificate.der {
            return true
        }
        guard let last = e.facts.hostChanges.last?.value, let name = e.facts.members[last]?.name else { return false }
        return certificate.subject.commonName == name
    }
}
