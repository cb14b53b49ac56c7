import Foundation
import Records
import Seal

/// V10 — in paper rounds the two tellers named at the opening, and only they, read every
/// returned sheet alike; no more sheets came back than were handed out (R4, R15).
///
///     paper r: tellers(r) = two names, different after normalisation; electronic r: none
///     ∀ paper r, sheet s entered in r: 1 ≤ s ≤ |eligible(r)| (one sheet per voter)
///                                      ∧ open(r) < entry < end(r) ∧ marks ⊆ candidates(r)
///                                      ∧ teller ∈ tellers(r)
///     signed meetings, ∀ entry: text(signed) = the reading rendered here
///                               ∧ Verify(certificate, text) (CMS under the seal, or SM2)
///                               ∧ OU(certificate) = teller ∧ CN(certificate) ≈ teller
///                               ∧ the seal issued it, valid at the entry's time
///     closed r: every entered sheet has both tellers' latest readings, which agree — compared
///               as marks (each candidate's marks normalised and sorted: 同意+不同意 = 不同意+同意,
///               ？ = ?)
enum PaperSheets {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v10, unit: "次录入 sheet entries")
        for orphan in e.facts.orphans where orphan.kind == "sheet.entered" {
            r.fail(orphan.p, "为未开始的第 \(orphan.round) 轮录入纸质选票 (a sheet for round \(orphan.round), never opened)")
        }
        for round in e.facts.rounds {
            let distributed = round.opened.eligible.count
            let onSheet = Set(round.opened.candidates)
            let tellers = round.opened.tellers ?? []
            if round.opened.paper {
                if tellers.count != 2 || PlainText.same(tellers[0], tellers[1]) || tellers.contains(where: { PlainText.of($0).isEmpty }) {
                    r.fail(round.openedAt, "第 \(round.number) 轮纸质投票未指定两名不同的计票人（记录为：\(tellers.joined(separator: "、"))）(R15: a paper round names two different tellers)")
                }
            } else if !tellers.isEmpty {
                r.fail(round.openedAt, "第 \(round.number) 轮为电子投票，却指定了计票人 (an electronic round with tellers)")
            }
            for (p, entry) in round.sheets {
                r.count += 1
                if !round.opened.paper {
                    r.fail(p, "第 \(round.number) 轮为电子投票，却录入纸质选票 (a paper sheet in an electronic round)")
                }
                if entry.sheet < 1 || entry.sheet > distributed {
                    r.fail(p, "第 \(round.number) 轮共发出 \(distributed) 张选票，录入的是第 \(entry.sheet) 张 (R4: sheet \(entry.sheet) of \(distributed) handed out)")
                }
                if p < round.openedAt || round.endedAt.map({ p > $0 }) ?? false {
                    r.fail(p, "第 \(round.number) 轮未在进行中时录入选票 (R4: a sheet entered outside the open round)")
                }
                if !tellers.contains(where: { PlainText.same($0, entry.teller) }) {
                    r.fail(p, "录入人「\(entry.teller)」不是第 \(round.number) 轮指定的计票人 (R15: \(entry.teller) is not one of the round's tellers)")
                }
                for c in entry.marks.keys.sorted() where !onSheet.contains(c) {
                    r.fail(p, "第 \(entry.sheet) 张选票上有不在本轮的申报人 \(c) (a mark for \(c), not on this sheet)")
                }
                if e.isSigned { signature(of: entry, at: p, e, &r) }
            }
            guard round.opened.paper, let (p, _) = round.closed else { continue }
            let reading = PaperReading(round.sheets.filter { $0.p < p }.map(\.value))
            for sheet in reading.readings.keys.sorted() where reading.settled[sheet] == nil {
                let tellers = reading.readings[sheet]!.map(\.teller)
                let why = tellers.count < 2 ? "仅由 \(tellers.joined()) 一人录入" : "\(tellers.joined(separator: "、")) 的录入不一致"
                r.fail(p, "第 \(round.number) 轮第 \(sheet) 张选票\(why)，却已结束计票 (sheet \(sheet) not settled by two tellers)")
            }
        }
        return r
    }

    /// The reading as a teller signs it, rendered from the entry's fields exactly as recorded:
    /// what was signed must be what was recorded.
    static func text(_ entry: SheetEntered, session: String) -> String {
        var out = "pingshen 纸质选票录入 paper sheet v1\n会议编号 session: \(session)\n轮次 round: \(entry.round)\n选票 sheet: \(entry.sheet)\n计票人 teller: \(entry.teller)\n"
        for c in entry.marks.keys.sorted() where !(entry.marks[c] ?? []).isEmpty {
            out += "\(c): \(entry.marks[c]!.joined(separator: "+"))\n"
        }
        return out
    }

    /// A signed meeting's entry is signed, over this reading, by the named teller's own certificate.
    static func signature(of entry: SheetEntered, at p: Int, _ e: Evidence, _ r: inout CheckResult) {
        guard let signed = entry.signed else {
            return r.fail(p, "签名会议中第 \(entry.sheet) 张选票的录入没有计票人 \(entry.teller) 的签名 (R15: an entry without its teller's signature)")
        }
        if signed.text != text(entry, session: e.facts.session ?? "") {
            r.fail(p, "计票人签名的内容与第 \(entry.sheet) 张选票的录入不符 (R15: the signed text is not this reading)")
        }
        guard let committee = e.committee, let certificate = e.cache.certificate(base64: signed.certificate) else {
            return r.fail(p, "计票人证书或评委会印章证书无法解析 (the teller's or the seal's certificate does not parse)")
        }
        if certificate.role != .teller {
            r.fail(p, "录入签名证书「\(certificate.subject)」的角色不是 teller (R15: the signer is not a teller)")
        }
        if !PlainText.same(certificate.subject.commonName ?? "", entry.teller) {
            r.fail(p, "录入签名证书属于「\(certificate.subject.commonName ?? "")」，不是计票人 \(entry.teller) (R15: signed by someone other than the teller)")
        }
        let time = e.time(p) ?? Date()
        let bytes = Array(signed.text.utf8)
        e.counters.signatures += 1
        switch signed.format {
        case "cms":
            do {
                guard let der = Encodings.base64(signed.signature) else { throw SealError(operation: "base64", code: .malformed) }
                let signers = try DetachedSignature.verifiedSignerCertificates(der, over: bytes, trustAnchor: committee, at: time)
                if !signers.contains(certificate.der) {
                    r.fail(p, "录入签名不是由所附计票人证书签署 (R15: not signed by the certificate given)")
                }
            } catch {
                r.fail(p, "计票人录入签名（CMS）不成立：\(error) (R15: the teller's CMS signature does not verify)")
            }
        case "sm2":
            if (try? certificate.verify(issuedBy: committee, at: time)) == nil {
                r.fail(p, "计票人证书不是评委会印章签发、或录入时不在有效期内 (R15: the teller's certificate is not the seal's, or not valid then)")
            }
            if !(Encodings.base64(signed.signature).map { certificate.publicKey.isValidSignature($0, for: bytes) } ?? false) {
                r.fail(p, "计票人录入签名（SM2）不成立 (R15: the teller's SM2 signature does not verify)")
            }
        default:
            r.fail(p, "未知的签名格式「\(signed.format)」(unknown signature format)")
        }
    }
}
