import Foundation
import Records
import Seal

/// V3 — the session key is bound by the host's signed opening statement, under a pinned seal.
///
///     cms: CMS-Verify(statement, trust anchor = seal, at t(open)) ∧ host certificate ∈ signers
///     sm2: host certificate ⊢ seal at t(open) ∧ SM2-Verify(host, statement)
///     OU(host certificate) = chair
///     statement ∋ the lines naming this committee, session, date, the opening's host and
///       recorder, the session key (algorithm, base64 SPKI), the checkpoint origin and key name
///     seal certificate ∈ --committee-cert (none given: fails; a warning only in a dry look, --unpinned)
///
/// Certificates are judged at the moment the meeting opened, so one that expires afterwards
/// does not spoil the record.
enum Statement {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v3, count: 0, unit: "份声明 statement")
        guard let opening = e.facts.opening else {
            r.fail(nil, "没有开会记录 meeting.opened (the meeting was never opened)")
            return r
        }
        guard let seal = opening.value.seal else {
            e.unsignedDrill(&r, "主持人签署的开会声明")
            return r
        }
        r.count = 1
        let p = opening.p
        guard let committee = e.committee else {
            r.fail(p, "开会记录中的评委会印章证书无法解析 (the committee seal's certificate does not parse)")
            return r
        }
        if !committee.isAuthority {
            r.fail(p, "评委会印章证书「\(committee.subject)」不是证书机构 (CA) (the seal's certificate is not a CA)")
        }
        if e.options.pinnedCommittees.isEmpty {
            let message = "未用 --committee-cert 指定评委会印章证书：信任根未固定，任何人自制的印章都会被接受 (the trust root is not pinned)"
            if e.options.isDryLook { r.warn(p, message + "；--unpinned 预览，不作结论 (a dry look: no conclusion)") } else { r.fail(p, message) }
        } else if !e.options.pinnedCommittees.contains(where: { $0.der == committee.der }) {
            r.fail(p, "评委会印章证书「\(committee.subject)」不是 --committee-cert 指定的证书 (the seal is not the pinned committee certificate)")
        }
        let statement = seal.statement
        guard let host = e.cache.certificate(base64: statement.certificate) else {
            r.fail(p, "主持人证书无法解析 (the host's certificate does not parse)")
            return r
        }
        if host.role != .chair {
            r.fail(p, "声明签署人证书「\(host.subject)」的角色不是 chair (the statement's signer is not a chair)")
        }
        let time = e.openedAt ?? Date()
        let text = Array(statement.text.utf8)
        switch statement.format {
        case "cms":
            e.counters.signatures += 2
            do {
                guard let der = Encodings.base64(statement.signature) else { throw SealError(operation: "base64", code: .malformed) }
                let signers = try DetachedSignature.verifiedSignerCertificates(der, over: text, trustAnchor: committee, at: time)
                if !signers.contains(host.der) {
                    r.fail(p, "开会声明不是由所附主持人证书签署 (the statement is not signed by the host certificate given)")
                }
            } catch {
                r.fail(p, "开会声明的 CMS 签名不成立：\(error) (the statement's CMS signature does not verify)")
            }
        case "sm2":
            e.counters.signatures += 2
            if (try? host.verify(issuedBy: committee, at: time)) == nil {
                r.fail(p, "主持人证书不是评委会印章在开会时有效签发的 (the host certificate is not issued by the seal, or not valid at the opening)")
            }
            if !(Encodings.base64(statement.signature).map { host.publicKey.isValidSignature($0, for: text) } ?? false) {
                r.fail(p, "开会声明的 SM2 签名不成立 (the statement's SM2 signature does not verify)")
            }
        default:
            r.fail(p, "未知的声明签名格式「\(statement.format)」(unknown statement format)")
        }
        checkText(statement.text, seal: seal, opening: opening.value, at: p, e, &r)
        if let member = e.facts.members[opening.value.host], host.subject.commonName != member.name {
            r.warn(p, "主持人证书姓名「\(host.subject.commonName ?? "")」与委员 \(member.id)「\(member.name)」不同 (the host certificate's name differs from the member's)")
        }
        return r
    }

    /// The statement names exactly this meeting: each expected line is present, word for word.
    static func checkText(_ text: String, seal: MeetingSeal, opening: MeetingOpened, at p: Int, _ e: Evidence, _ r: inout CheckResult) {
        let lines = Set(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let settings = e.facts.settings
        let hostName = e.facts.members[opening.host]?.name ?? ""
        let expected: [(String, String)] = [
            ("pingshen 开会声明 opening statement v1", "格式版本 (version line)"),
            ("评委会 committee: \(settings?.name ?? "")", "评委会 (committee)"),
            ("会议编号 session: \(e.facts.session ?? "")", "会议编号 (session)"),
            ("开会日期 date: \(settings?.date ?? "")", "开会日期 (date)"),
            ("主持人 host: \(opening.host) \(hostName)", "主持人 \(opening.host) (host)"),
            ("记录人 recorder: \(opening.recorder)", "记录人 (recorder)"),
            ("会议密钥 session key (\(seal.algorithm), SubjectPublicKeyInfo, base64): \(seal.sessionKey)", "会议密钥 (session key)"),
            ("检查点 checkpoints: origin \(seal.origin), key name \(seal.keyName)", "检查点来源与密钥名 (origin and key name)"),
        ]
        for (line, what) in expected where !lines.contains(line) {
            r.fail(p, "开会声明中没有与本次会议一致的「\(what)」一行 (the statement does not name this meeting's \(what))")
        }
    }
}
