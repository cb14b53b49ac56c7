import Records

/// A fast reader for the journal's two most frequent lines — `ballot.issued` and `round.closed`,
/// nine in ten of a year's bytes — in exactly the compact, sorted-key form the session writes.
///
/// It accepts only that one spelling (no whitespace, keys in sorted order — a ballot's
/// candidates too — plain ASCII strings without escapes, the three marks as written, canonical
/// integers, never `-0`), so every line it reads is in canonical form (``CanonicalForm``)
/// and answers nil for anything else, which then goes to the strict general reader
/// (`Journal.EntryCoding`). Whatever it accepts, the general reader accepts too and reads as
/// the same entry — `CanonicalLinesTests` holds the two side by side on every line of the test
/// sessions and on thousands of mutated lines — so V1's verdict never depends on which one read
/// a line.
struct CanonicalLine {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// The entry on `line`, or nil when the line is not one of the two kinds in canonical form.
    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> Entry? {
        var r = CanonicalLine(line)
        return r.entry()
    }

    private mutating func entry() -> Entry? {
        guard literal("{\"at\":"), let at = string(), literal(",\"event\":\"") else { return nil }
        let event: Event
        if literal("ballot.issued\",\"payload\":") {
            guard let issued = ballotIssued() else { return nil }
            event = .ballotIssued(issued)
        } else if literal("round.closed\",\"payload\":") {
            guard let closed = roundClosed() else { return nil }
            event = .roundClosed(closed)
        } else {
            return nil
        }
        guard literal(",\"seq\":"), let seq = int(), literal("}"), i == b.count else { return nil }
        return Entry(seq: seq, at: at, event: event)
    }

    private mutating func ballotIssued() -> BallotIssued? {
        guard literal("{") else { return nil }
        var blinded: String?
        if literal("\"blinded\":") {
            guard let s = string(), literal(",") else { return nil }
            blinded = s
        }
        guard literal("\"member\":"), let member = string(), literal(",\"round\":"), let round = int(), literal("}") else { return nil }
        return BallotIssued(round: round, member: member, blinded: blinded)
    }

    private mutating func roundClosed() -> RoundClosed? {
        guard literal("{\"ballots\":[") else { return nil }
        var ballots: [Ballot] = []
        if !literal("]") {
            repeat {
                guard let ballot = ballot() else { return nil }
                ballots.append(ballot)
            } while literal(",")
            guard literal("]") else { return nil }
        }
        guard literal(",\"returned\":"), let returned = int(), literal(",\"round\":"), let round = int(),
              literal(",\"tallies\":[") else { return nil }
        var tallies: [Tally] = []
        if !literal("]") {
            repeat {
                guard let tally = tally() else { return nil }
                tallies.append(tally)
            } while literal(",")
            guard literal("]") else { return nil }
        }
        guard literal("}") else { return nil }
        return RoundClosed(round: round, ballots: ballots, returned: returned, tallies: tallies)
    }

    private mutating func ballot() -> Ballot? {
        guard literal("{\"choices\":{") else { return nil }
        var choices: [CandidateID: Choice] = [:]
        if !literal("}") {
            var previous: String?
            repeat {
                // Keys ascending (which also rules out a repeated candidate), as the session sorts them.
                guard let candidate = string(), previous.map({ $0.utf8.lexicographicallyPrecedes(candidate.utf8) }) ?? true,
                      literal(":"), let choice = choice() else { return nil }
                choices[candidate] = choice
                previous = candidate
            } while literal(",")
            guard literal("}") else { return nil }
        }
        guard literal(",\"id\":"), let id = string(), literal(",\"nonce\":"), let nonce = string() else { return nil }
        var prefix: String?, signature: String?
        if literal(",\"prefix\":") {
            guard let s = string() else { return nil }
            prefix = s
        }
        if literal(",\"signature\":") {
            guard let s = string() else { return nil }
            signature = s
        }
        guard literal("}") else { return nil }
        return Ballot(id: id, choices: choices, nonce: nonce, prefix: prefix, signature: signature)
    }

    private mutating func tally() -> Tally? {
        guard literal("{\"abstain\":"), let abstain = int(), literal(",\"candidate\":"), let candidate = string(),
              literal(",\"denominator\":"), let denominator = int(), literal(",\"no\":"), let no = int(),
              literal(",\"outcome\":") else { return nil }
        let outcome: Outcome
        if literal("\"passed\"") { outcome = .passed } else if literal("\"rejected\"") { outcome = .rejected } else { return nil }
        guard literal(",\"void\":"), let void = int(), literal(",\"yes\":"), let yes = int(), literal("}") else { return nil }
        return Tally(candidate: candidate, denominator: denominator, yes: yes, no: no, abstain: abstain, void: void, outcome: outcome)
    }

    private mutating func choice() -> Choice? {
        if literal("\"同意\"") { return .yes }
        if literal("\"不同意\"") { return .no }
        if literal("\"弃权\"") { return .abstain }
        return nil
    }

    /// Consumes `text` if the bytes at the cursor are exactly it.
    private mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = text.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        i += n
        return true
    }

    /// A string of printable ASCII other than `"` and `\`: no escapes, no control characters.
    private mutating func string() -> String? {
        guard i < b.count, b[i] == 0x22 else { return nil }
        let start = i + 1
        var j = start
        while j < b.count {
            let c = b[j]
            if c == 0x22 { break }
            guard c >= 0x20, c < 0x7F, c != 0x5C else { return nil }
            j += 1
        }
        guard j < b.count else { return nil }
        i = j + 1
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
    }

    /// An integer in canonical decimal (`0`, or a nonzero digit first; an optional `-`) within `Int`.
    private mutating func int() -> Int? {
        var j = i
        let negative = j < b.count && b[j] == 0x2D
        if negative { j += 1 }
        guard j < b.count, b[j] >= 0x30, b[j] <= 0x39 else { return nil }
        if b[j] == 0x30 {
            guard !negative else { return nil }  // -0 is never written
            j += 1
            guard j >= b.count || b[j] < 0x30 || b[j] > 0x39 else { return nil }
            i = j
            return 0
        }
        var value = 0
        while j < b.count, b[j] >= 0x30, b[j] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(b[j] - 0x30))
            guard !o1, !o2 else { return nil }
            value = s
            j += 1
        }
        i = j
        return negative ? -value : value
    }
}
