import Testing
@testable import StrictJSON

/// A round whose ballot block a replay does not need: read only when `userInfo` does not say
/// to leave it (as `RoundClosed` in the journal's schema).
struct Round: Decodable, Equatable {
    static let lean = CodingUserInfoKey(rawValue: "test.lean")!
    enum CodingKeys: String, CodingKey { case round, ballots }
    var round: Int
    var ballots: [[String: String]]?

    init(round: Int, ballots: [[String: String]]?) {
        self.round = round
        self.ballots = ballots
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        round = try c.decode(Int.self, forKey: .round)
        if decoder.userInfo[Self.lean] as? Bool == true {
            _ = c.contains(.ballots)
            ballots = nil
        } else {
            ballots = try c.decode([[String: String]].self, forKey: .ballots)
        }
    }
}

/// Nested objects to any depth.
final class Nest: Decodable {
    let n: Nest?
}

@Suite struct StrictDecoderEdgeTests {
    @Test(arguments: [
        #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"{"é":1,"e\u0301":2}"#, #"{"K":1,"\u212A":2}"#,
    ])
    func duplicateKeysAreRefusedAsStrings(_ text: String) throws {
        let e = try #require(throws: JSONError.self) { try decode([String: Int].self, text) }
        #expect(e.problem.contains("duplicate key"))
        #expect(e.offset == offset(of: ",", in: text) + 1)
    }

    @Test(arguments: [3, 16, 17, 40, 1000])
    func aDuplicateAmongManyKeysIsFound(_ count: Int) throws {
        let keys = (0..<count).map { "\"k\($0)\":\($0)" }
        let fine = "{" + keys.joined(separator: ",") + "}"
        #expect(try decode([String: Int].self, fine).count == count)
        let text = "{" + (keys + [#""k2":0"#]).joined(separator: ",") + "}"
        let e = try #require(throws: JSONError.self) { try decode([String: Int].self, text) }
        #expect(e.problem == "重复的键 \"k2\" (duplicate key)")
        #expect(e.offset == text.utf8.count - #""k2":0}"#.utf8.count)
    }

    @Test func nestingIsCappedAt64() throws {
        func nest(_ depth: Int) -> String {
            String(repeating: #"{"n":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        }
        #expect(throws: Never.self) { try decode(Nest.self, nest(64)) }
        let e = try #require(throws: JSONError.self) { try decode(Nest.self, nest(65)) }
        #expect(e.problem.contains("nested too deeply"))
        #expect(e.offset == 64 * #"{"n":"#.utf8.count + 1)
        let deep = try #require(throws: JSONError.self) { try decode(Nest.self, String(repeating: #"{"n":"#, count: 100_000)) }
        #expect(deep.problem.contains("nested too deeply"))
    }

    static let round = #"{"ballots":[{"id":"b1","mark":"同意"},{"id":"b2","mark":"弃权"}],"round":7}"#

    @Test func aSkimmedValueIsCheckedForSyntaxButNotDecoded() throws {
        let lean = StrictDecoder(userInfo: [Round.lean: true], skimming: [["ballots"]])
        let full = StrictDecoder()
        #expect(try lean.decode(Round.self, from: Array(Self.round.utf8)) == Round(round: 7, ballots: nil))
        #expect(try full.decode(Round.self, from: Array(Self.round.utf8)).ballots?.count == 2)
        // Only syntax: duplicate keys and bad UTF-8 inside are left to a full reading.
        let duplicated = Self.round.replacing(#""id":"b2""#, with: #""id":"b2","id":"b3""#)
        #expect(try lean.decode(Round.self, from: Array(duplicated.utf8)).round == 7)
        #expect(throws: JSONError.self) { try full.decode(Round.self, from: Array(duplicated.utf8)) }
        // A syntax error inside is an error all the same, at its byte.
        let broken = Self.round.replacing(#""弃权"}"#, with: #""弃权",}"#)
        let e = try #require(throws: JSONError.self) { try lean.decode(Round.self, from: Array(broken.utf8)) }
        #expect(e.offset == offset(of: ",}", in: broken) + 1)
        for end in 0..<Self.round.utf8.count {
            #expect(throws: JSONError.self, "prefix of \(end) bytes") { try lean.decode(Round.self, from: Array(Self.round.utf8)[..<end]) }
        }
    }

    @Test func aSkimmedValueCannotBeDecoded() throws {
        let careless = StrictDecoder(skimming: [["ballots"]])
        let e = try #require(throws: JSONError.self) { try careless.decode(Round.self, from: Array(Self.round.utf8)) }
        #expect(e.problem.contains("skimmed"))
        #expect(e.offset == offset(of: "[", in: Self.round))
    }

    @Test func onlyTheExactPathIsSkimmed() throws {
        // The same key deeper down, or under another parent, is read in full.
        let nested = #"{"round":{"ballots":[{"id":"x"}],"round":1}}"#
        struct Outer: Decodable { var round: Round }
        let decoder = StrictDecoder(skimming: [["ballots"], ["other", "ballots"]])
        #expect(try decoder.decode(Outer.self, from: Array(nested.utf8)).round.ballots == [["id": "x"]])
    }

    @Test func anArrayNotReadToItsEndIsRefused() throws {
        struct First: Decodable {
            var value: Int
            init(from decoder: any Decoder) throws {
                var c = try decoder.unkeyedContainer()
                value = try c.decode(Int.self)
            }
        }
        #expect(try decode(First.self, "[5]").value == 5)
        let e = try #require(throws: JSONError.self) { try decode(First.self, " [5,6]") }
        #expect(e.problem.contains("array elements left unread") && e.offset == 1)
        let empty = try #require(throws: JSONError.self) { try decode(First.self, "[]") }
        #expect(empty.problem.contains("too few elements"))
    }

    @Test func membersOfANestedContainerAreCheckedToo() throws {
        struct Wrapped: Decodable {
            enum Outer: String, CodingKey { case inner }
            enum Inner: String, CodingKey { case a }
            var a: Int
            init(from decoder: any Decoder) throws {
                let inner = try decoder.container(keyedBy: Outer.self).nestedContainer(keyedBy: Inner.self, forKey: .inner)
                a = try inner.decode(Int.self, forKey: .a)
            }
        }
        #expect(try decode(Wrapped.self, #"{"inner":{"a":1}}"#).a == 1)
        let text = #"{"inner":{"a":1,"b":2}}"#
        let e = try #require(throws: JSONError.self) { try decode(Wrapped.self, text) }
        #expect(e.problem.contains("\"b\" (unknown field)") && e.offset == offset(of: #""b""#, in: text))
    }

    @Test func aTypesOwnRefusalPointsAtItsValue() throws {
        struct Even: Decodable {
            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                guard try c.decode(Int.self) % 2 == 0 else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "奇数 (odd)")
                }
            }
        }
        let text = #"[2, 4, 7]"#
        let e = try #require(throws: JSONError.self) { try decode([Even].self, text) }
        #expect(e.problem == "无效的取值 7 (invalid value): 奇数 (odd)")
        #expect(e.offset == 7)
    }

    @Test func oneDecoderReadsTextAfterText() throws {
        let decoder = StrictDecoder()
        let big = "[" + (0..<300_000).map { "\"s\($0)\"" }.joined(separator: ",") + "]"
        for _ in 0..<2 {
            #expect(try decoder.decode(Person.self, from: Array(StrictDecoderTests.text.utf8)) == StrictDecoderTests.person)
            #expect(try decoder.decode([String].self, from: Array(big.utf8)).last == "s299999")
            #expect(throws: JSONError.self) { try decoder.decode(Person.self, from: Array("{".utf8)) }
        }
    }

    @Test func aTypeMayDecodeJSONInsideJSONWithTheSameDecoder() throws {
        // The inner text gets a decoder of its own, so the outer one's tape is left intact.
        struct Embedded: Decodable {
            static let decoderKey = CodingUserInfoKey(rawValue: "test.decoder")!
            var value: [Int]
            init(from decoder: any Decoder) throws {
                let text = try decoder.singleValueContainer().decode(String.self)
                let strict = decoder.userInfo[Self.decoderKey] as! StrictDecoder
                value = try strict.decode([Int].self, from: Array(text.utf8))
            }
        }
        let decoder = StrictDecoder()
        decoder.userInfo[Embedded.decoderKey] = decoder
        defer { decoder.userInfo = [:] }
        let values = try decoder.decode([Embedded].self, from: Array(#"["[1,2]", "[]", "[3]"]"#.utf8))
        #expect(values.map(\.value) == [[1, 2], [], [3]])
        let e = try #require(throws: JSONError.self) { try decoder.decode([Embedded].self, from: Array(#"["[1]", "[x]"]"#.utf8)) }
        #expect(e.problem.contains("invalid value"))
    }

    @Test func stringsKeepTheirEscapesResolved() throws {
        let text = #"["a\"b\\c\/d\n\t\u0000\ud83d\ude00", "中文\u2028"]"#
        #expect(try decode([String].self, text) == ["a\"b\\c/d\n\t\u{0}😀", "中文\u{2028}"])
        let bad = try #require(throws: JSONError.self) { try decode([String].self, #"["\ud800"]"#) }
        #expect(bad.problem.contains("unpaired surrogate"))
    }
}
