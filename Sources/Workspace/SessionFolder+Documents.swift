import Dispatch
import Foundation
import Journal
import Records
import Review

extension SessionFolder {
    /// The session state for rendering documents, read faster than `load()` for a large journal.
    ///
    /// Documents count from the tallies written at each round's close, never from the ballots
    /// themselves (recounting ballots is the inspector's work), so a `round.closed` entry's
    /// electronic ballots are cut out of the line before it is decoded: `RoundClosed.ballots` is empty in
    /// the state returned, everything else is as `load()` gives it. Lines are decoded on every
    /// core. Any line that does not read cleanly sends the whole load through `load()`, so errors
    /// are reported exactly as every other command reports them.
    public func stateForDocuments() throws(WorkspaceError) -> SessionState {
        try locked(exclusive: false) { () throws(WorkspaceError) -> SessionState in
            let text: JournalText
            do throws(FileError) { text = try journal.read() } catch { throw .file(error) }
            guard !text.lines.isEmpty, let entries = Self.decodeSkippingBallots(text) else { return try load().state }
            do { return try SessionState.replay(entries) } catch { return try load().state }
        }
    }

    /// Every line decoded, in order, `round.closed` ballots skipped; nil if any line fails.
    static func decodeSkippingBallots(_ text: JournalText) -> [Entry]? {
        let lines = text.lines
        // Slices of about equal bytes, so a huge founding line does not hold up the rest.
        let total = lines.reduce(0) { $0 + $1.count }
        let slices = max(1, min(lines.count, ProcessInfo.processInfo.activeProcessorCount * 2))
        var bounds: [Int] = [0]
        var acc = 0
        for (i, r) in lines.enumerated() {
            acc += r.count
            if acc * slices >= total * bounds.count && bounds.count < slices && i + 1 < lines.count { bounds.append(i + 1) }
        }
        bounds.append(lines.count)
        let cuts = bounds
        let results = Slots<[Entry]>(count: cuts.count - 1)
        text.bytes.withUnsafeBufferPointer { whole in
            let shared = SharedBytes(buffer: whole)
            DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { slice in
                let buffer = shared.buffer
                var out: [Entry] = []
                out.reserveCapacity(cuts[slice + 1] - cuts[slice])
                for i in cuts[slice]..<cuts[slice + 1] {
                    let range = lines[i]
                    let line = UnsafeBufferPointer(rebasing: buffer[range])
                    do throws(JSONError) {
                        if let cut = withoutBallots(line) {
                            out.append(try EntryCoding.decode(cut))
                        } else {
                            out.append(try EntryCoding.decode(line))
                        }
                    } catch {
                        results.set(slice, nil)
                        return
                    }
                }
                results.set(slice, out)
            }
        }
        var entries: [Entry] = []
        entries.reserveCapacity(lines.count)
        for part in results.values {
            guard let part else { return nil }
            entries += part
        }
        return entries
    }

    /// A `round.closed` line with its ballots array emptied (`"ballots":[]`), or nil for any other
    /// line. With sorted keys the line reads `{"at":"…","event":"round.closed","payload":{"ballots":[…`;
    /// the array's end is found by a scan that knows JSON strings and escapes. A line of any
    /// other shape is left to the ordinary reader.
    static func withoutBallots(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let head = Array(#""event":"round.closed","payload":{"ballots":["#.utf8)
        guard line.count > 64, let start = firstIndex(of: head, in: line, before: 96) else { return nil }
        let open = start + head.count - 1  // the '['
        var depth = 0
        var inString = false
        var i = open
        while i < line.count {
            let c = line[i]
            if inString {
                if c == 0x5C { i += 1 } else if c == 0x22 { inString = false }
            } else if c == 0x22 {
                inString = true
            } else if c == 0x5B || c == 0x7B {
                depth += 1
            } else if c == 0x5D || c == 0x7D {
                depth -= 1
                if depth == 0 {
                    guard c == 0x5D else { return nil }
                    var out = Array(line[..<(open + 1)])
                    out.append(contentsOf: line[i...])
                    return out
                }
            }
            i += 1
        }
        return nil
    }

    /// Where `pattern` first starts among the first `limit` bytes of `line`.
    static func firstIndex(of pattern: [UInt8], in line: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
        let last = min(limit, line.count - pattern.count)
        guard last >= 0 else { return nil }
        for start in 0...last where line[start] == pattern[0] {
            var k = 1
            while k < pattern.count && line[start + k] == pattern[k] { k += 1 }
            if k == pattern.count { return start }
        }
        return nil
    }
}

/// The journal's bytes, read (never written) by every worker while the load runs.
struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// One result slot per worker, each written by its own thread only.
final class Slots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ i: Int, _ value: T?) { slots[i] = value }
    var values: [T?] { Array(slots) }
}
