import Records

/// A teller's reading of one paper sheet in canonical form, and the exact text a teller signs (R15).
///
/// Two readings mean the same marks when their canonical forms are equal: each mark is read
/// (`Choice(reading:)`, so 赞成 is 同意) or else normalised (`Normalised.text`, so `？` is `?`),
/// blanks are dropped, and each candidate's marks are sorted, so `同意+不同意` = `不同意+同意`.
///
/// The signed text, UTF-8, one line each, candidates in id order, a candidate left blank omitted:
///
///     pingshen 纸质选票录入 paper sheet v1
///     会议编号 session: 0123…
///     轮次 round: 4
///     选票 sheet: 7
///     计票人 teller: 孙计票
///     C06: 同意
///     C08: 不同意+同意
public enum SheetReading {
    /// `marks` in canonical form.
    public static func canonical(_ marks: [CandidateID: [String]]) -> [CandidateID: [String]] {
        var out: [CandidateID: [String]] = [:]
        for (c, raw) in marks {
            let kept = raw.map(normalisedMark).filter { !$0.isEmpty }.sorted()
            if !kept.isEmpty { out[c] = kept }
        }
        return out
    }

    /// The text a teller signs for this reading (marks already canonical).
    public static func text(session: String, round: Int, sheet: Int, teller: String, marks: [CandidateID: [String]]) -> String {
        var lines = [
            "pingshen 纸质选票录入 paper sheet v1",
            "会议编号 session: \(session)",
            "轮次 round: \(round)",
            "选票 sheet: \(sheet)",
            "计票人 teller: \(teller)",
        ]
        for c in marks.keys.sorted() { lines.append("\(c): \(marks[c]!.joined(separator: "+"))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension SessionState {
    /// A paper round names two different tellers; an electronic round names none (R15).
    /// Returns the names as recorded (trimmed), or nil for an electronic round.
    func requireTellers(_ tellers: [String], paper: Bool) throws(Rejection) -> [String]? {
        guard paper else {
            guard tellers.isEmpty else {
                throw .invalid(InputError("电子投票不设计票人（--tellers 只用于纸质投票）", "an electronic round has no tellers (--tellers is for paper rounds)"))
            }
            return nil
        }
        let named = tellers.map { $0.trimmingWhitespace() }.filter { !Normalised.text($0).isEmpty }
        guard named.count == 2, !Normalised.same(named[0], named[1]) else {
            throw .refused(Refusal(
                .r15, "纸质投票须在开始时指定两名不同的计票人（计票人、监票人：--tellers 甲 乙），收到：\(tellers.isEmpty ? "无" : tellers.joined(separator: "、"))",
                "a paper round must name its two tellers, different people, when it opens (--tellers A B); got \(tellers.isEmpty ? "none" : tellers.joined(separator: ", "))"))
        }
        return named
    }

    /// The round's spelling of `teller`, or the R15 refusal: only the round's two tellers enter sheets.
    func requireRoundTeller(_ teller: String, in round: RoundState) throws(Rejection) -> String {
        let named = round.opened.tellers ?? []
        guard let match = named.first(where: { Normalised.same($0, teller) }) else {
            throw .refused(Refusal(
                .r15, "\(teller) 不是第 \(round.number) 轮指定的计票人（\(named.joined(separator: "、"))），不得录入选票",
                "\(teller) is not one of round \(round.number)'s tellers (\(named.joined(separator: ", "))) and may not enter sheets"))
        }
        return match
    }

    /// In a signed meeting the entry must carry its teller's signature over exactly this reading (R15).
    func requireTellerSignature(_ signed: SignedStatement?, text: String, teller: String) throws(Rejection) {
        guard isSigned else {
            guard signed == nil else {
                throw .invalid(InputError("未签名的演练会议不记录计票人签名", "an unsigned drill records no teller signatures"))
            }
            return
        }
        guard let signed else {
            throw .refused(Refusal(
                .r15, "签名会议中每次录入须由计票人 \(teller) 用本人证书（角色 teller）签名（vote paper --key … --cert …）",
                "in a signed meeting each entry must be signed with the teller's own certificate (role teller): vote paper --key … --cert …"))
        }
        guard signed.text == text else {
            throw .invalid(InputError("计票人签名的内容与本次录入不符", "the teller's signed text is not this reading"))
        }
    }
}
