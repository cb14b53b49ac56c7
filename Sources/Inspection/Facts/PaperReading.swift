import Records

/// How the tellers' entries of one paper round read (V8, V10): each teller's latest reading of
/// each sheet, and the sheets two or more tellers read alike — alike meaning the same marks,
/// each candidate's compared normalised and sorted (`同意+不同意` = `不同意+同意`, `？` = `?`).
struct PaperReading {
    /// Sheet number → each teller's latest reading, in order of their first entry.
    let readings: [Int: [SheetEntered]]
    /// Sheets read alike by at least two distinct tellers: the agreed marks.
    let settled: [Int: [CandidateID: [String]]]

    init(_ entries: [SheetEntered]) {
        var latest: [Int: [(teller: String, reading: SheetEntered)]] = [:]
        for entry in entries {
            var list = latest[entry.sheet] ?? []
            let teller = PlainText.of(entry.teller)
            if let i = list.firstIndex(where: { $0.teller == teller }) { list[i].reading = entry } else { list.append((teller, entry)) }
            latest[entry.sheet] = list
        }
        readings = latest.mapValues { $0.map(\.reading) }
        var settled: [Int: [CandidateID: [String]]] = [:]
        for (sheet, list) in readings {
            let first = Self.marks(list[0].marks)
            if list.count >= 2 && list.allSatisfy({ Self.marks($0.marks) == first }) { settled[sheet] = first }
        }
        self.settled = settled
    }

    /// A reading's marks as compared: each normalised, blanks dropped, sorted; blank candidates omitted.
    static func marks(_ marks: [CandidateID: [String]]) -> [CandidateID: [String]] {
        var out: [CandidateID: [String]] = [:]
        for (c, list) in marks {
            let kept = list.map(PlainText.of).filter { !$0.isEmpty }.sorted()
            if !kept.isEmpty { out[c] = kept }
        }
        return out
    }

    /// The count of settled sheets, read as the engine must read them: a sheet with more 同意
    /// than `cap` (when > 0) is void for every candidate; otherwise a candidate's mark counts
    /// only if it is exactly one valid mark (同意, 不同意, 弃权).
    func count(candidates: [CandidateID], cap: Int) -> [CandidateID: (yes: Int, no: Int, abstain: Int)] {
        var out: [CandidateID: (yes: Int, no: Int, abstain: Int)] = [:]
        for c in candidates { out[c] = (0, 0, 0) }
        for marks in settled.values {
            var valid: [CandidateID: Choice] = [:]
            for (c, list) in marks where list.count == 1 && out[c] != nil {
                if let choice = Choice(rawValue: list[0]) { valid[c] = choice }
            }
            if cap > 0 && valid.values.filter({ $0 == .yes }).count > cap { continue }
            for (c, choice) in valid { tally(&out[c]!, choice) }
        }
        return out
    }
}

/// Adds one mark to a count.
func tally(_ count: inout (yes: Int, no: Int, abstain: Int), _ choice: Choice) {
    switch choice {
    case .yes: count.yes += 1
    case .no: count.no += 1
    case .abstain: count.abstain += 1
    }
}
