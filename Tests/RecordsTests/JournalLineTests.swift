import Journal
import Records
import StrictJSON
import Testing
import TestSupport

/// Journal lines read through `EntryCoding`: strict as the reader beneath it, to the byte.
@Suite struct JournalLineTests {
    @Test func recordsAreStrictToo() throws {
        let line = SampleJournal.lines[10] // host.changed
        let text = String(decoding: line, as: UTF8.self)
        #expect(text == #"{"at":"2026-11-26T09:20:00+08:00","event":"host.changed","payload":{"host":"M02"},"seq":11}"#)
        for bad in [
            text.replacingFirst("\"seq\":11", with: "\"seq\":11,\"seq\":12"),
            text.replacingFirst("\"seq\":11", with: "\"seq\":11.0"),
            text.replacingFirst("\"seq\":11", with: "\"seq\":1e1"),
            text.replacingFirst("\"seq\":11", with: "\"seq\":011"),
            text.replacingFirst("\"seq\":11", with: "\"seq\":\"11\""),
            text.replacingFirst("\"seq\":11", with: "\"seq\":99999999999999999999"),
            text.replacingFirst("{\"host\":\"M02\"}", with: "{\"host\":\"M02\",\"host\":\"M03\"}"),
            text.replacingFirst("{\"host\":\"M02\"}", with: "{\"host\":null}"),
            text.replacingFirst("{\"host\":\"M02\"}", with: "[]"),
            text.replacingFirst("host.changed", with: "host.moved"),
            text + "x",
            text + ",",
            "[" + text + "]",
        ] {
            #expect(throws: JSONError.self, "\(bad)") { try EntryCoding.decode(Array(bad.utf8)) }
        }
        #expect(try EntryCoding.decode(Array((" " + text + "\r\n\t").utf8)) == SampleJournal.entries[10])
    }

    // MARK: Every prefix, random damage

    @Test func everyTruncatedPrefixOfEveryJournalLineFails() throws {
        for (i, line) in SampleJournal.lines.enumerated() {
            #expect(try EntryCoding.decode(line) == SampleJournal.entries[i])
            for end in 0..<line.count {
                let e = try #require(throws: JSONError.self, "line \(i + 1), prefix of \(end) bytes") {
                    try EntryCoding.decode(line[..<end])
                }
                #expect((0...end).contains(e.offset), "line \(i + 1), prefix of \(end) bytes: \(e)")
            }
        }
    }

    @Test func everyTruncatedPrefixFailsInDecodeLinesTooWithTheLineIndex() throws {
        let lines = SampleJournal.lines
        var file: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            ranges.append(file.count..<file.count + line.count)
            file += line + [0x0A]
        }
        #expect(try EntryCoding.decodeLines(file, ranges) == SampleJournal.entries)
        let last = ranges.count - 1
        for cut in stride(from: ranges[last].lowerBound, to: ranges[last].upperBound, by: 1) {
            var cutRanges = ranges
            cutRanges[last] = ranges[last].lowerBound..<cut
            let e = try #require(throws: EntryCoding.LineError.self) { try EntryCoding.decodeLines(file, cutRanges) }
            #expect(e.index == last)
            #expect((0...(cut - ranges[last].lowerBound)).contains(e.error.offset))
        }
    }

    @Test(arguments: seeds)
    func randomByteFlipsInJournalLinesNeverCrash(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let lines = SampleJournal.lines
        for trial in 0..<400 {
            let index = Int.random(in: lines.indices, using: &rng)
            var line = lines[index]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                line[Int.random(in: line.indices, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            do throws(JSONError) {
                let entry = try EntryCoding.decode(line)
                // A flip the reader accepts must still give an entry that round-trips.
                let again = try? EntryCoding.decode(try EntryCoding.encode(entry))
                #expect(again == entry, "seed \(seed), trial \(trial)")
            } catch {
                #expect((0...line.count).contains(error.offset), "seed \(seed), trial \(trial): \(error)")
            }
        }
    }
}
