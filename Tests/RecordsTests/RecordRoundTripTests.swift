import Journal
import Records
import StrictJSON
import Testing

/// Writing and reading (the synthesized `Codable`, through `EntryCoding`) agree on every record,
/// and reading refuses anything schema 1 does not say: unknown fields, missing fields, wrong kinds.
@Suite struct RecordRoundTripTests {
    @Test func theSampleJournalHoldsEveryEventKind() {
        #expect(Set(SampleJournal.events.map(\.kind)) == SampleJournal.allKinds)
    }

    @Test(arguments: SampleJournal.entries.indices)
    func encodeThenDecodeGivesTheSameEntry(_ index: Int) throws {
        let entry = SampleJournal.entries[index]
        let line = try EntryCoding.encode(entry)
        #expect(!line.contains(0x0A) && !line.contains(0x0D), "\(entry.event.kind): a journal entry is one line")
        #expect(line.starts(with: Array(#"{"at":"#.utf8)), "keys are sorted")
        #expect(try EntryCoding.decode(line) == entry, "\(entry.event.kind)")
        // Deterministic: the decoded entry writes the very same bytes.
        #expect(try EntryCoding.encode(try EntryCoding.decode(line)) == line, "\(entry.event.kind)")
        // The reader depends on neither the writer's key order nor its choice of escapes.
        let tree = try JSONValue.parse(line)
        #expect(try EntryCoding.decode(tree.bytes) == entry, "\(entry.event.kind)")
        #expect(try EntryCoding.decode(Array(tree.json(reversed: true).utf8)) == entry, "\(entry.event.kind)")
    }

    @Test func textNeedingEscapesSurvives() throws {
        let note = Note(text: SampleJournal.tricky)
        let bytes = try EntryCoding.encodeValue(note)
        #expect(try EntryCoding.decodeValue(Note.self, bytes) == note)
        #expect(try EntryCoding.decodeValue(Note.self, bytes).text.unicodeScalars.elementsEqual(SampleJournal.tricky.unicodeScalars))
        #expect(!bytes.contains(0x0A) && !bytes.contains(0x0D) && !bytes.contains(0x00))
        #expect(try EntryCoding.decodeValue(Note.self, Array(#"{"text":"a\u2028b\/c"}"#.utf8)) == Note(text: "a\u{2028}b/c"))
    }

    func roundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try EntryCoding.encodeValue(value)
        #expect(try EntryCoding.decodeValue(T.self, bytes) == value, sourceLocation: sourceLocation)
    }

    @Test func everyRecordTypeReadsWhatItWrites() throws {
        try roundTrip(SampleJournal.settings)
        for m in SampleJournal.members { try roundTrip(m) }
        for c in SampleJournal.candidates { try roundTrip(c); try roundTrip(c.applicantKey) }
        for d in SampleJournal.registry { try roundTrip(d) }
        for b in SampleJournal.ballots { try roundTrip(b) }
        for t in SampleJournal.tallies { try roundTrip(t) }
        try roundTrip(Settings(name: "n", series: "s", specialty: "", level: "l", organizer: "o", date: "2026-01-01",
                               size: Int.max, quorum: Int.min, yesCap: -1))
    }

    // MARK: Unknown fields, missing fields, wrong kinds

    /// Object fields whose values are maps (any key allowed), not records.
    static let maps: Set<String> = ["choices", "denominators", "marks", "sources"]

    struct Mutation {
        enum Change { case added, removed(String), retyped }
        var path: String
        var change: Change
        var tree: JSONValue
    }

    /// Every single change of one record field anywhere in `value`: an unknown field added to a
    /// record, a field removed, a scalar replaced by one of another kind.
    static func mutations(of value: JSONValue, path: String = "", parentKey: String? = nil) -> [Mutation] {
        switch value {
        case .object(let members):
            var out: [Mutation] = []
            if !maps.contains(parentKey ?? "") {
                var added = members
                added["zzUnknown"] = .number("1")
                out.append(Mutation(path: path, change: .added, tree: .object(added)))
                for key in members.keys.sorted() {
                    var removed = members
                    removed[key] = nil
                    out.append(Mutation(path: path, change: .removed(key), tree: .object(removed)))
                }
            }
            for key in members.keys.sorted() {
                for m in mutations(of: members[key]!, path: path + "." + key, parentKey: key) {
                    var copy = members
                    copy[key] = m.tree
                    out.append(Mutation(path: m.path, change: m.change, tree: .object(copy)))
                }
            }
            return out
        case .array(let items):
            return items.indices.flatMap { i in
                mutations(of: items[i], path: path + "[\(i)]").map { m in
                    var copy = items
                    copy[i] = m.tree
                    return Mutation(path: m.path, change: m.change, tree: .array(copy))
                }
            }
        case .string: return [Mutation(path: path, change: .retyped, tree: .number("1"))]
        case .number: return [Mutation(path: path, change: .retyped, tree: .string("1"))]
        case .bool: return [Mutation(path: path, change: .retyped, tree: .string("true"))]
        case .null: return []
        }
    }

    /// Whether schema 1 lets `key` be absent from the record at `path` of an entry of `kind`.
    static func isOptional(_ key: String, at path: String, kind: String) -> Bool {
        switch key {
        case "idNumber": true
        case "registryPath", "opinion", "handling": path == ".payload"
        case "reason": path == ".payload" && kind == "member.left"
        default: false
        }
    }

    @Test(arguments: SampleJournal.entries.indices)
    func decodingRefusesUnknownMissingAndMistypedFields(_ index: Int) throws {
        let entry = SampleJournal.entries[index]
        let kind = entry.event.kind
        let all = Self.mutations(of: try JSONValue.parse(try EntryCoding.encode(entry)))
        #expect(all.count > 5)
        for m in all {
            let bytes = m.tree.bytes
            switch m.change {
            case .added:
                let e = try #require(throws: JSONError.self, "\(kind) \(m.path): unknown field accepted") { try EntryCoding.decode(bytes) }
                #expect(e.problem.contains("unknown field") && e.problem.contains("zzUnknown"), "\(kind) \(m.path): \(e)")
            case .removed(let key) where Self.isOptional(key, at: m.path, kind: kind):
                let decoded = try EntryCoding.decode(bytes)
                #expect(try JSONValue.parse(try EntryCoding.encode(decoded)) == m.tree, "\(kind) \(m.path) without \(key)")
            case .removed(let key):
                let e = try #require(throws: JSONError.self, "\(kind) \(m.path): missing '\(key)' accepted") { try EntryCoding.decode(bytes) }
                #expect(e.problem.contains("missing field") && e.problem.contains("\"\(key)\""), "\(kind) \(m.path) - \(key): \(e)")
            case .retyped:
                #expect(throws: JSONError.self, "\(kind) \(m.path): a value of the wrong kind accepted") { try EntryCoding.decode(bytes) }
            }
        }
    }

    @Test(arguments: [
        (#"{"id":"M01","name":"n","office":"主任","panel":"","unit":""}"#, "\"主任\" (invalid value)"),
        (#"{"id":"M01","name":"n","office":null,"panel":"","unit":""}"#, "expected a string"),
    ])
    func anUnknownOfficeIsRefused(_ text: String, _ problem: String) throws {
        let e = try #require(throws: JSONError.self) { try EntryCoding.decodeValue(Member.self, Array(text.utf8)) }
        #expect(e.problem.contains(problem))
    }

    @Test func enumValuesOutsideTheSchemaAreRefused() throws {
        let line = String(decoding: try EntryCoding.encode(SampleJournal.entries[0]), as: UTF8.self)
        for (from, to) in [("\"denominator\":\"present\"", "\"denominator\":\"all\""),
                           ("\"office\":\"委员\"", "\"office\":\"member\""),
                           ("\"outcome\":\"passed\"", "\"outcome\":\"通过\""),
                           ("\"schema\":1", "\"schema\":2"),
                           ("\"event\":\"session.created\"", "\"event\":\"session.opened\"")] {
            #expect(line.contains(from))
            #expect(throws: JSONError.self, "\(to)") { try EntryCoding.decode(Array(line.replacingFirst(from, with: to).utf8)) }
        }
        let closed = String(decoding: try EntryCoding.encode(SampleJournal.entries[22]), as: UTF8.self)
        #expect(closed.contains("\"同意\""))
        #expect(throws: JSONError.self) { try EntryCoding.decode(Array(closed.replacingFirst("\"同意\"", with: "\"赞成\"").utf8)) }
        let observer = String(decoding: try EntryCoding.encode(SampleJournal.entries[6]), as: UTF8.self)
        #expect(throws: JSONError.self) { try EntryCoding.decode(Array(observer.replacingFirst("\"hrss\"", with: "\"press\"").utf8)) }
    }
}

@Suite("Replay reading: ballot blocks skimmed")
struct OmittedBallotsTests {
    static let line = #"{"at":"2026-11-26T09:30:00+08:00","event":"round.closed","payload":{"ballots":[{"choices":{"C01":"同意"},"id":"ab","nonce":"cd","prefix":"ef","signature":"AA=="}],"returned":1,"round":1,"tallies":[{"abstain":0,"candidate":"C01","denominator":21,"no":0,"outcome":"rejected","void":20,"yes":1}]},"seq":9}"#

    @Test("omitting ballots keeps the tally and marks the block as omitted; full reading keeps the ballots")
    func omitted() throws {
        let bytes = Array(Self.line.utf8)
        let lean = try EntryCoding.decodeLines(bytes, [0..<bytes.count], omittingBallots: true)
        guard case .roundClosed(let r) = lean[0].event else { Issue.record("not a round close"); return }
        #expect(r.ballotsOmitted && r.ballots.isEmpty && r.tallies.first?.yes == 1 && r.returned == 1)
        let full = try EntryCoding.decodeLines(bytes, [0..<bytes.count])
        guard case .roundClosed(let f) = full[0].event else { Issue.record("not a round close"); return }
        #expect(!f.ballotsOmitted && f.ballots.count == 1)
    }

    @Test("a syntax error inside a skimmed ballot block is still an error", arguments: [
        #""choices":{"C01":"同意"}"#, #""nonce":"cd""#, #""signature":"AA==""#,
    ])
    func skimmedSyntax(_ part: String) {
        let broken = Self.line.replacingOccurrences(of: part, with: part + ",")
        let bytes = Array(broken.utf8)
        #expect(throws: EntryCoding.LineError.self) { try EntryCoding.decodeLines(bytes, [0..<bytes.count], omittingBallots: true) }
    }
}
