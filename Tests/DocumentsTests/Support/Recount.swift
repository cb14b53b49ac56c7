import Records

/// The votes recounted from the journal's raw entries, by the test's own simple rules, never
/// by the code that renders the documents: electronic ballots as written at round close, paper
/// sheets as entered alike by two tellers, N as frozen at round opening, attendance from the
/// arrivals and departures.
struct Recount {
    struct Vote {
        var round: Int
        var paper: Bool
        var present: Int
        var n: Int
        var yes = 0, no = 0, abstain = 0
        var void: Int { n - yes - no - abstain }
        var passed: Bool { 3 * yes >= 2 * n }
    }

    let settings: Settings
    let candidates: [Candidate]
    private(set) var votes: [CandidateID: Vote] = [:]

    init(_ entries: [Entry]) {
        guard case .sessionCreated(let founding) = entries.first?.event else { fatalError("no founding entry") }
        settings = founding.settings
        candidates = founding.candidates
        var present = Set<MemberID>()
        var opened: [Int: (RoundOpened, Int)] = [:]
        var sheets: [Int: [Int: [String: [CandidateID: [String]]]]] = [:]
        for entry in entries.dropFirst() {
            switch entry.event {
            case .membersArrived(let e): for a in e.arrivals { present.insert(a.member) }
            case .memberLeft(let e): present.remove(e.member)
            case .roundOpened(let e): opened[e.round] = (e, present.count)
            case .sheetEntered(let e): sheets[e.round, default: [:]][e.sheet, default: [:]][e.teller] = e.marks
            case .roundClosed(let e):
                let (round, presentCount) = opened[e.round]!
                var counts: [CandidateID: Vote] = [:]
                for id in round.candidates {
                    counts[id] = Vote(round: e.round, paper: round.paper, present: presentCount, n: round.denominators[id]!)
                }
                func add(_ id: CandidateID, _ mark: String) {
                    switch mark {
                    case "同意": counts[id]!.yes += 1
                    case "不同意": counts[id]!.no += 1
                    case "弃权": counts[id]!.abstain += 1
                    default: break
                    }
                }
                if round.paper {
                    for (_, readings) in sheets[e.round] ?? [:] {
                        let all = Array(readings.values)
                        guard all.count >= 2, all.allSatisfy({ $0 == all[0] }) else { continue }
                        let valid = all[0].filter { $0.value.count == 1 && ["同意", "不同意", "弃权"].contains($0.value[0]) }
                        if round.yesCap > 0 && valid.values.filter({ $0[0] == "同意" }).count > round.yesCap { continue }
                        for (id, marks) in valid { add(id, marks[0]) }
                    }
                } else {
                    for ballot in e.ballots {
                        for (id, choice) in ballot.choices { add(id, choice.rawValue) }
                    }
                }
                for (id, v) in counts { votes[id] = v }
            default:
                break
            }
        }
    }

    var passed: [Candidate] { candidates.filter { votes[$0.id]?.passed == true } }

    /// Whole years on the meeting date from 出生年月, the birth month counting as reached.
    func age(_ c: Candidate) -> Int {
        let b = c.born.split(separator: "-").map { Int($0)! }
        let d = settings.date.split(separator: "-").map { Int($0)! }
        return d[0] - b[0] - (d[1] < b[1] ? 1 : 0)
    }

    func ageBand(_ c: Candidate) -> String {
        switch age(c) {
        case ..<36: "35岁及以下"
        case 36..<46: "36～45岁"
        case 46..<56: "46～55岁"
        default: "56岁及以上"
        }
    }

    /// 通过率 with one decimal, rounded half up.
    static func rate(_ passed: Int, _ total: Int) -> String {
        guard total > 0 else { return "—" }
        let tenths = (Double(passed) * 1000 / Double(total)).rounded(.toNearestOrAwayFromZero)
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }
}

/// RFC 4180 fields of a CSV text (BOM stripped, CRLF rows).
func csvRows(_ text: String) -> [[String]] {
    var s = Substring(text)
    if s.first == "\u{FEFF}" { s = s.dropFirst() }
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = s.makeIterator()
    var pending: Character?
    while let c = pending ?? chars.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let n = chars.next() {
                    if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// The cells of the Markdown table rows in `text` that start with `| <number> |`.
func markdownRows(_ text: String) -> [[String]] {
    text.split(separator: "\n").compactMap { line -> [String]? in
        guard line.hasPrefix("| ") else { return nil }
        let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        guard let first = cells.first, Int(first) != nil else { return nil }
        return cells
    }
}
