/// The inspector's numbered checks (SPEC.md §4), each with its relation as the report states it.
///
/// V1–V12 are the specification's; V13 covers what a closed folder must and must not hold, V14
/// who may observe (R11), V15 the witness on another device.
/// Every check reports every violation it finds, not the first (STYLE.md 5).
public enum CheckID: Int, Sendable, CaseIterable, Comparable {
    case v1 = 1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15

    /// `V1` … `V14`.
    public var name: String { "V\(rawValue)" }

    public static func < (a: CheckID, b: CheckID) -> Bool { a.rawValue < b.rawValue }

    /// The check's title in Chinese, with English.
    public var title: String {
        switch self {
        case .v1: "日志格式完整、编号连续 (journal well-formed and contiguous)"
        case .v2: "检查点根哈希与签名 (checkpoint roots and signatures)"
        case .v3: "开会声明绑定会议密钥 (session key bound by the host's statement)"
        case .v4: "法定人数与会议主持 (quorum and host, R1 R2)"
        case .v5: "投票人资格与基数 (eligible voters and N, R3 R6 R7 R9)"
        case .v6: "投票凭证发放与 PIN 锁定 (ballot credentials issued, PIN locks, R4 R16)"
        case .v7: "电子选票 (electronic ballots, R4 R5 R10)"
        case .v8: "重新计票与三分之二 (recount and two thirds, R7 R10)"
        case .v9: "不得复评 (no re-review, R8)"
        case .v10: "纸质选票由两名计票人录入 (paper sheets entered by the round's two tellers, R4 R15)"
        case .v11: "会议记录与评审表签名 (signed minutes and forms, R13)"
        case .v12: "结束即封存 (announced, reasoned, nothing after close, R12–R14)"
        case .v13: "会议文件夹 (the session folder's files)"
        case .v14: "列席人员范围 (observers, R11)"
        case .v15: "另一台设备上的见证方 (the witness on another device)"
        }
    }

    /// The check as an equation or set relation (p = a journal line's position, 1-based).
    public var relation: String {
        switch self {
        case .v1:
            "∀p: line p parses strictly ∧ line p = canonical(line p) ∧ seq(p) = p ∧ at(p) = YYYY-MM-DDTHH:MM:SS+08:00 ∧ at(p−1) ≤ at(p); event(1) = session.created; no torn tail; torn bytes kept = journal.repaired"
        case .v2:
            "∀ checkpoint at p: size = p−1 ∧ root = MTH(line 1..p−1) ∧ Verify(sessionKey, note) ∧ at(p) = at(p−1); {p−1} = {q : open ≤ q ≤ close, q not a checkpoint}; final ⊢ recorder ∈ seal, OU = secretary"
        case .v3:
            "Verify(host, statement) at t(open) ∧ host ⊢ seal ∧ OU(host) = chair ∧ sessionKey, origin, session, host, recorder ∈ statement ∧ seal ∈ pinned"
        case .v4:
            "∀t ∈ {open} ∪ {round.opened}: |present(t)| ≥ quorum ∧ host(t) ∈ present(t) ∧ office(host(t)) ∈ {主任委员, 副主任委员}; host(t) ∉ recused(c) for c deliberated, voted, announced at t; eligible N ⇒ |attended(c, r)| ≥ quorum"
        case .v5:
            "∀ round r, c ∈ r: eligible(r) = {m : present throughout [deliberation(c), open(r)]} ∖ recused(c); N(c) per settings; |deliberation.began(c)| ≤ 1"
        case .v6:
            "∀ ballot.issued(r, m) at p: open(r) < p < close(r) ∧ m ∈ eligible(r) ∩ present(p) ∧ |issued(r, m)| ≤ 1 ∧ m not locked; locked ⇔ 5th wrong PIN; unlocked by the present host"
        case .v7:
            "∀b ∈ ballots(r): RSABSSA-Verify(key(r), prefix‖msg(b)) ∧ id = SHA-256(msg(b)); ids ascending, nonces unique; |ballots(r)| ≤ |issued(r)|; one round.closed(r)"
        case .v8:
            "∀c: (yes, no, abstain) = recount(c) ∧ yes + no + abstain + void = N(c) ∧ (passed ⇔ 3·yes ≥ 2·N(c))"
        case .v9:
            "∀c: |{r : c counted in r}| ≤ 1 ∧ ∄ d ∈ registry: year(d) = year ∧ applicant(d) ≍ c (NFKC); cancelled(r) ⇒ ballots(r) = sheets(r) = ∅"
        case .v10:
            "∀ sheet s of paper r: 1 ≤ s ≤ |eligible(r)| ∧ teller ∈ tellers(r), |tellers(r)| = 2 ∧ both tellers' latest readings mean the same marks; signed ⇒ Verify(teller cert ⊢ seal, OU = teller, CN = teller, reading)"
        case .v11:
            "∀ document.signed d: SHA-256(file) = d.sha256 ∧ SHA-256(p7s) = d.signatureSHA256 ∧ CMS-Verify(seal, p7s, file) ∧ role(signer) fits; minutes ⊢ host, recorder; ∀ counted c: result form ⊢ host, seal ∧ file = Printer(facts from the journal, templates signed with)"
        case .v12:
            "after meeting.closed: only its final checkpoint and document.signed; counted ⊆ announced before close; rejected ⊆ reasoned before close"
        case .v13:
            "∀f ∈ sources: SHA-256(f) = sources[f]; committee.pem = PEM(seal); closed ⇒ keys/ = spool/ = ∅; ∀ entry: regular file or folder, no link, no special file, size ≤ cap"
        case .v14:
            "∀ observer o: (kind = organizer ∧ unit ≈ organizer) ∨ (kind = hrss ∧ unit ∈ {organizer} ∪ observer_units)"
        case .v15:
            "seal names w ∧ cert(w) ⊢ seal ∧ OU = witness; ∀ c ⊢ w: Ed25519-Verify(w, cosignature/v1‖t‖text(c)); final ⊢ w; t ↑ ∧ |t(c) − at(c)| ≤ 300 s; certificates valid at t(open), t(close)"
        }
    }

    /// The rules of SPEC.md §1 and the articles the check rests on.
    public var basis: String {
        switch self {
        case .v1, .v2: "SPEC.md §2 会议日志"
        case .v3: "SPEC.md §2 会议密钥"
        case .v4: "R1 R2：皖人社发〔2018〕5号 第二十三条第五项；人社部令第40号 第十九条"
        case .v5: "R3 R6 R7 R9：第二十三条第五项、第五十条、第六十三条；40号令 第二十条、第二十五条"
        case .v6: "R4 R16：第二十三条第五项、第五十条；40号令 第二十条"
        case .v7: "R4 R5 R10：第二十三条第五项、第十条"
        case .v8: "R7 R10：第二十三条第五项、第六十三条；40号令 第二十条"
        case .v9: "R8：第二十三条第五项"
        case .v10: "R4 R15：第二十三条第五项"
        case .v11: "R13：第二十四条；40号令 第二十二条、第二十三条"
        case .v12: "R12 R13 R14：第二十三条第五项、第二十四条；40号令 第二十二条"
        case .v13: "第二十四条（严格保密）；SPEC.md §2"
        case .v14: "R11：第二十三条第五项末段"
        case .v15: "第五十二条（全过程监督）；SPEC.md §2 见证方"
        }
    }
}
