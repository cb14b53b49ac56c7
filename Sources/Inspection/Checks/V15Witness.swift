import Foundation
import Records
import Seal

/// V15 — a witness on another device saw the journal as it grew, and its clock, not the
/// laptop's, dates the meeting (SPEC.md §2, §4).
///
///     seal names a witness w (else: not met — no device but the laptop vouches for the journal)
///     cert(w) ⊢ seal ∧ OU(cert(w)) = witness ∧ name(w) = pingshen.witness.<serial16>
///     ∀ checkpoint c with a line by w: Ed25519-Verify(w, cosignature/v1 ‖ time t ‖ text(c))
///     the final checkpoint (after meeting.closed) ⊢ w
///     t(c) non-decreasing ∧ |t(c) − at(c)| ≤ 300 s
///     cert(w), the host's, the recorder's and every paper signer's certificate valid at the
///       witnessed times (the opening's, the close's)
enum WitnessCheck {
    /// How far the laptop's clock may stand from the witness's before the journal's times are a finding.
    static let tolerance: TimeInterval = 300

    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v15, unit: "个见证签名 cosignatures")
        let f = e.facts
        guard let opening = f.opening else {
            r.fail(nil, "没有开会记录 (the meeting was never opened)")
            return r
        }
        guard e.isSigned else {
            e.unsignedDrill(&r, "检查点与见证方")
            return r
        }
        guard let w = e.witness else {
            r.fail(opening.p, "开会时未指定见证方（--no-witness）：没有另一台设备见证日志，不能证明会议电脑未改写已显示过的记录 (not met: no witness on another device vouches for the journal)")
            return r
        }
        r.count = w.times.count
        e.counters.signatures += w.times.count + w.invalid.count
        guard let certificate = w.certificate else {
            r.fail(opening.p, "见证方证书无法解析 (the witness certificate does not parse)")
            return r
        }
        if certificate.role != .witness {
            r.fail(opening.p, "见证方证书「\(certificate.subject)」的角色不是 witness (not a witness certificate)")
        }
        if w.name != "pingshen.witness.\(certificate.serialHex.prefix(16))" {
            r.fail(opening.p, "见证方名称 \(w.name) 与其证书不符 (the witness name does not match its certificate)")
        }
        for p in w.invalid {
            r.fail(p, "见证方 \(w.name) 在此检查点上的签名无效 (the witness's cosignature does not verify)")
        }
        let finalP = f.closing.map { $0.p + 1 }
        if let finalP, w.times[finalP] == nil {
            r.fail(finalP, "最终检查点没有见证方 \(w.name) 的有效见证签名 (the final checkpoint is not cosigned by the witness)")
        }
        let unwitnessed = f.checkpoints.filter { w.times[$0.p] == nil }.count
        if unwitnessed > 0 {
            r.warn(nil, "\(unwitnessed) 个检查点没有见证签名（见证方当时不可达；其后经见证的检查点以一致性证明覆盖了它们）(\(unwitnessed) checkpoints were not cosigned; later cosigned ones cover them)")
        }
        var last: (p: Int, t: UInt64)?
        for (p, t) in w.times.sorted(by: { $0.key < $1.key }) {
            if let last, t < last.t {
                r.fail(p, "见证时间早于第 \(last.p) 条检查点的见证时间 (the witness's time goes backwards)")
            }
            last = (p, t)
            if let at = e.time(p), abs(at.timeIntervalSince1970 - TimeInterval(t)) > tolerance {
                let witnessed = Date(timeIntervalSince1970: TimeInterval(t))
                r.fail(p, "日志时间 \(e.journal.entry(p)?.at ?? "") 与见证方时间 \(ShanghaiTime.format(witnessed)) 相差超过 \(Int(tolerance)) 秒：会议电脑的时钟不可信 (the journal's time differs from the witness's by more than \(Int(tolerance)) s)")
            }
        }
        checkCertificates(e, w, certificate, opening: opening.p, finalP: finalP, &r)
        return r
    }

    /// Certificates judged at the witness's times rather than at times the laptop wrote.
    static func checkCertificates(_ e: Evidence, _ w: WitnessCosignatures, _ certificate: Ed25519Certificate,
                                  opening: Int, finalP: Int?, _ r: inout CheckResult) {
        guard let committee = e.committee else { return }
        if let opened = w.time(covering: opening) {
            if (try? certificate.verify(issuedBy: committee, at: opened)) == nil {
                r.fail(opening, "见证方证书在见证开会时不是评委会印章签发的有效证书 (the witness certificate was not valid under the seal when it witnessed the opening)")
            }
            if let host = e.facts.seal.flatMap({ e.cache.certificate(base64: $0.statement.certificate) }),
               (try? host.verify(issuedBy: committee, at: opened)) == nil {
                r.fail(opening, "主持人证书「\(host.subject)」在见证方见证开会的时刻 \(ShanghaiTime.format(opened)) 无效 (the host's certificate was not valid at the witnessed opening)")
            }
        }
        guard let finalP, let closed = w.time(covering: finalP) else { return }
        for text in e.facts.checkpoints.first(where: { $0.p == finalP })?.value.cosigners ?? [] {
            if let recorder = e.cache.certificate(base64: text), (try? recorder.verify(issuedBy: committee, at: closed)) == nil {
                r.fail(finalP, "记录人证书「\(recorder.subject)」在见证方见证结束会议的时刻无效 (the recorder's certificate was not valid at the witnessed close)")
            }
        }
        for (p, d) in e.facts.documents {
            guard let signer = e.cache.certificate(base64: d.certificate), signer.der != committee.der else { continue }
            if (try? signer.verify(issuedBy: committee, at: closed)) == nil {
                r.fail(p, "\(d.file) 的签名人证书「\(signer.subject)」在见证方见证结束会议的时刻 \(ShanghaiTime.format(closed)) 已无效或尚未生效 (the signer's certificate was not valid at the witnessed close)")
            }
        }
    }
}
