import Foundation
import Journal
import Records

/// A journal decoded into entries, edited, and written back with seq renumbered.
struct JournalEdit {
    var entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        entries = try Lines.split(bytes).map { try EntryCoding.decode($0) }
    }

    func bytes() throws -> [UInt8] {
        var lines: [[UInt8]] = []
        for (i, e) in entries.enumerated() {
            var entry = e
            entry.seq = i + 1
            lines.append(try EntryCoding.encode(entry))
        }
        return Lines.join(lines)
    }

    /// Index of the first entry matching `predicate`.
    func index(_ predicate: (Event) -> Bool) -> Int? { entries.firstIndex { predicate($0.event) } }

    /// Index of the entry closing round `n`.
    func roundClosed(_ n: Int) -> Int? {
        index { if case .roundClosed(let c) = $0 { return c.round == n }; return false }
    }

    func roundOpened(_ n: Int) -> Int? {
        entries.lastIndex { if case .roundOpened(let o) = $0.event { return o.round == n }; return false }
    }

    var meetingClosed: Int? { index { if case .meetingClosed = $0 { return true }; return false } }

    /// Applies `edit` to the round.closed payload of round `n`.
    mutating func editClose(_ n: Int, _ edit: (inout RoundClosed) -> Void) {
        guard let i = roundClosed(n), case .roundClosed(var c) = entries[i].event else { return }
        edit(&c)
        entries[i].event = .roundClosed(c)
    }

    mutating func editOpen(_ n: Int, _ edit: (inout RoundOpened) -> Void) {
        guard let i = roundOpened(n), case .roundOpened(var o) = entries[i].event else { return }
        edit(&o)
        entries[i].event = .roundOpened(o)
    }

    /// Inserts `event` at `index`, with the time of the entry before it.
    mutating func insert(_ event: Event, at index: Int) {
        entries.insert(Entry(seq: 0, at: entries[max(0, index - 1)].at, event: event), at: index)
    }
}
