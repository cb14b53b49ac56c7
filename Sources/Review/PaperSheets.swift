import Records

/// Where a paper sheet stands after the tellers' entries (V10).
public enum SheetStatus: Sendable, Equatable {
    /// Entered by one teller only; a second must enter it.
    case awaitingSecond(teller: String)
    /// The tellers' latest readings differ; one must re-enter it.
    case disputed(tellers: [String])
    /// Two or more tellers read it alike.
    case settled(SheetEntered)
}

extension RoundState {
    /// Each teller's latest reading of `sheet`, in order of first entry.
    func latestReadings(of sheet: Int) -> [SheetEntered] {
        var order: [String] = []
        var latest: [String: SheetEntered] = [:]
        for e in sheets[sheet] ?? [] {
            if latest[e.teller] == nil { order.append(e.teller) }
            latest[e.teller] = e
        }
        return order.map { latest[$0]! }
    }

    /// The status of one entered sheet; nil if nobody entered it.
    public func status(ofSheet sheet: Int) -> SheetStatus? {
        let readings = latestReadings(of: sheet)
        guard let first = readings.first else { return nil }
        if readings.count == 1 { return .awaitingSecond(teller: first.teller) }
        let marks = SheetReading.canonical(first.marks)
        if readings.allSatisfy({ SheetReading.canonical($0.marks) == marks }) { return .settled(first) }
        return .disputed(tellers: readings.map(\.teller))
    }

    /// Sheets handed out in a paper round: one per eligible member.
    public var sheetsDistributed: Int { opened.eligible.count }
}

/// A paper mark as recorded: the canonical word for a valid mark, the teller's text otherwise,
/// normalised (`？` is `?`; R15).
public func normalisedMark(_ raw: String) -> String {
    Choice(reading: raw)?.rawValue ?? Normalised.text(raw)
}

extension SessionState {
    func enterSheet(teller: String, sheet: Int, marks: [CandidateID: [String]], signed: SignedStatement?) throws(Rejection) -> Event {
        let round = try requireOpenRound("录入纸质选票", "enter a paper sheet")
        guard round.opened.paper else {
            throw .invalid(InputError("第 \(round.number) 轮为电子投票，不能录入纸质选票", "round \(round.number) is electronic; there are no paper sheets"))
        }
        let teller = try requireRoundTeller(try requireText(teller, "计票人姓名", "the teller's name"), in: round)
        let distributed = round.sheetsDistributed
        guard sheet >= 1 else {
            throw .invalid(InputError("选票编号须为正整数（收到 \(sheet)）", "sheet numbers start at 1 (got \(sheet))"))
        }
        guard sheet <= distributed else {
            throw .refused(Refusal(.r4, "第 \(round.number) 轮共发出选票 \(distributed) 张，第 \(sheet) 张超出发出数量",
                                   "round \(round.number) handed out \(distributed) sheets; sheet \(sheet) is more than were distributed"))
        }
        let onSheet = Set(round.opened.candidates)
        for c in marks.keys.sorted() where !onSheet.contains(c) {
            throw .invalid(InputError("申报人 \(c) 不在第 \(round.number) 轮选票上（本轮：\(round.opened.candidates.joined(separator: "、"))）",
                                      "candidate \(c) is not on the sheet of round \(round.number)"))
        }
        let recorded = SheetReading.canonical(marks)
        switch round.status(ofSheet: sheet) {
        case .settled(let e):
            let tellers = round.latestReadings(of: sheet).map(\.teller).joined(separator: "、")
            _ = e
            throw .invalid(InputError("第 \(sheet) 张选票已由 \(tellers) 录入且一致，无需再录", "sheet \(sheet) was already entered alike by \(tellers)"))
        case .awaitingSecond(let first) where first == teller:
            throw .invalid(InputError("第 \(sheet) 张选票已由 \(teller) 录入，须由另一名计票人复录", "\(teller) already entered sheet \(sheet); a second, different teller must enter it"))
        default:
            break
        }
        try requireTellerSignature(signed, text: SheetReading.text(session: session, round: round.number, sheet: sheet, teller: teller, marks: recorded),
                                   teller: teller)
        return .sheetEntered(SheetEntered(round: round.number, sheet: sheet, teller: teller, marks: recorded, signed: signed))
    }
}
