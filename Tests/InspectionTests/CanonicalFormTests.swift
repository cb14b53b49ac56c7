import Foundation
import Journal
import Records
import TestSupport
import Testing
@testable import Inspection

/// V1 holds every journal line to the one spelling the session writes. The session's encoder
/// (`EntryCoding.encode`, Foundation's JSONEncoder) is the independent party here: every line it
/// writes must be canonical, and every respelling of such a line must not be.
@Suite("Canonical journal lines")
struct CanonicalFormTests {
    static func isCanonical(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { CanonicalForm.isCanonical($0) }
    }

    static func isCanonical(_ line: String) -> Bool { isCanonical(Array(line.utf8)) }

    /// Every character that has an escape, and the ones that must not have one.
    static let awkward: String = {
        var s = ""
        for v in 0..<0x20 { s.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        return s + "\u{7F}\u{80}\u{9B}\u{2028}\u{2029}\u{202E}/\\\"é中😀\u{FEFF} "
    }()

    @Test("every line the session writes is canonical: the test sessions, and entries holding every awkward character")
    func engineLinesAreCanonical() throws {
        var count = 0
        for journal in CanonicalLinesTests.journals {
            for line in Lines.split(journal) {
                #expect(Self.isCanonical(line), "\(String(decoding: line.prefix(120), as: UTF8.self))")
                count += 1
            }
        }
        #expect(count > 300)
        let entries: [Entry] = [
            Entry(seq: 7, at: "2026-11-26T09:00:00+08:00", event: .speechRecorded(Speech(candidate: "C01", member: "M01", text: Self.awkward))),
            Entry(seq: 8, at: "2026-11-26T09:00:00+08:00", event: .matterRecorded(Matter(text: Self.awkward, handling: nil))),
            Entry(seq: 9, at: "2026-11-26T09:00:00+08:00", event: .matterRecorded(Matter(text: "", handling: Self.awkward))),
        ]
        for entry in entries {
            let line = try EntryCoding.encode(entry)
            #expect(Self.isCanonical(line), "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test("respellings of a canonical line are refused", arguments: [
        (#"{"a":1,"b":"x"}"#, true),
        (#"{"a":1, "b":"x"}"#, false),          // a space between members
        (#"{"a": 1,"b":"x"}"#, false),          // a space after the colon
        (#" {"a":1,"b":"x"}"#, false),          // leading space
        (#"{"a":1,"b":"x"} "#, false),          // trailing space
        (#"{"b":"x","a":1}"#, false),           // keys out of order
        (#"{"a":1,"b":"\u0078"}"#, false),      // an escape for a plain character
        (#"{"a":1,"b":"\/"}"#, false),          // an escaped slash
        (#"{"a":1,"b":"\u001B"}"#, false),      // uppercase hex
        (#"{"a":1,"b":"\u001b"}"#, true),
        (#"{"a":1,"b":"\u0009"}"#, false),      // a control that has a short form
        (#"{"a":1,"b":"\t"}"#, true),
        (#"{"a":-0,"b":"x"}"#, false),
        (#"{"a":01,"b":"x"}"#, false),
        (#"{"a":1.0,"b":"x"}"#, false),
        (#"{"a":1e0,"b":"x"}"#, false),
        (#"{"a":-12,"b":"x"}"#, true),
        (#"{"a":null,"b":"x"}"#, false),        // an absent value is left out, never null
        (#"{"a":[1,2],"b":[]}"#, true),
        (#"{"a":[1, 2],"b":[]}"#, false),
        (#"{"A":1,"_":2,"a":3}"#, true),        // byte order: uppercase, underscore, lowercase
        (#"{"C10":1,"C9":2}"#, true),           // not numeric order
        (#"{"C9":1,"C10":2}"#, false),
        (#"{"a\"":1,"a\\":2}"#, true),          // ordered by the keys' values, escapes resolved
        (#"{"a":true,"b":false}"#, true),
    ] as [(String, Bool)])
    func respellings(_ line: String, _ canonical: Bool) {
        #expect(Self.isCanonical(line) == canonical)
    }

    @Test("a post-close document.signed line with spaces added fails V1, naming that line (no checkpoint covers it)")
    func spacedPostCloseLine() throws {
        let f = Fixtures.main
        var lines = Lines.split(f.files["journal.jsonl"]!)
        let p = try #require(lines.lastIndex { (try? EntryCoding.decode($0))?.event.kind == "document.signed" })
        var text = String(decoding: lines[p], as: UTF8.self)
        text = text.replacingOccurrences(of: "\",\"", with: "\", \"")
        lines[p] = Array(text.utf8)
        #expect(try EntryCoding.decode(lines[p]) == EntryCoding.decode(Lines.split(f.files["journal.jsonl"]!)[p]))  // the same entry
        var files = f.files
        files["journal.jsonl"] = Lines.join(lines)
        let report = Fixtures.verify(files, f.options)
        #expect(report.failed == [.v1])
        #expect(report.checks[0].findings.map(\.seq) == [p + 1])
    }

    @Test("a ballot whose candidates are not in sorted order is not read fast, and fails V1")
    func unsortedChoices() throws {
        let f = Fixtures.main
        var lines = Lines.split(f.files["journal.jsonl"]!)
        // Find a closed round whose ballots mark two candidates, and swap the first two marks.
        let pattern = try NSRegularExpression(pattern: #"\{"choices":\{("[^"]+":"[^"]+"),("[^"]+":"[^"]+")"#)
        let p = try #require(lines.firstIndex { line in
            let text = String(decoding: line, as: UTF8.self)
            return text.contains("\"event\":\"round.closed\"") && pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        })
        let text = String(decoding: lines[p], as: UTF8.self)
        let swapped = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: #"{"choices":{$2,$1"#)
        #expect(swapped != text)
        lines[p] = Array(swapped.utf8)
        #expect(lines[p].withUnsafeBufferPointer { CanonicalLine.decode($0) } == nil)
        #expect(try EntryCoding.decode(lines[p]) == EntryCoding.decode(Lines.split(f.files["journal.jsonl"]!)[p]))
        var files = f.files
        files["journal.jsonl"] = Lines.join(lines)
        let report = Fixtures.verify(files, f.options)
        #expect(report.failed.contains(.v1))
        #expect(report.checks[0].findings.contains { $0.seq == p + 1 && $0.message.contains("规范形式") })
    }

    @Test("whatever the fast ballot reader accepts of a mutated line is canonical", arguments: [13, 21] as [UInt64])
    func fastReaderOnlyCanonical(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let lines = Lines.split(Fixtures.main.files["journal.jsonl"]!).filter { $0.withUnsafeBufferPointer { CanonicalLine.decode($0) } != nil }
        for _ in 0..<3000 {
            var line = lines[Int.random(in: lines.indices, using: &rng)]
            line.insert(Array(" \",:{}[]0-9\\ae-".utf8).randomElement(using: &rng)!, at: Int.random(in: line.indices, using: &rng))
            if line.withUnsafeBufferPointer({ CanonicalLine.decode($0) }) != nil {
                #expect(Self.isCanonical(line), "seed \(seed): \(String(decoding: line.prefix(160), as: UTF8.self))")
            }
        }
    }
}
