import Testing
@testable import StrictJSON
import TestSupport

/// A record decoded through synthesized `Decodable`: strings, integers, a float, a flag, an
/// optional, an array, a map, a string enum and a nested record list.
struct Person: Decodable, Equatable {
    enum Office: String, Decodable { case member, chair }
    struct Seat: Decodable, Equatable { var row: Int; var seat: String }

    var name: String
    var age: Int
    var nick: String?
    var tags: [String]
    var scores: [String: Int]
    var office: Office
    var ratio: Double
    var active: Bool
    var seats: [Seat]
}

/// Decodes `text` as a `T` with a fresh decoder.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(JSONError) -> T {
    try StrictDecoder().decode(T.self, from: Array(text.utf8))
}

/// The 0-based byte offset of the first `part` in `text`, found by searching the UTF-8 bytes.
func offset(of part: String, in text: String) -> Int {
    Array(text.utf8).firstRange(of: Array(part.utf8))!.lowerBound
}

@Suite struct StrictDecoderTests {
    static let text = #"{"active":true,"age":42,"name":"许文博","nick":null,"office":"chair","ratio":0.5,"scores":{"a":1,"b":-2},"seats":[{"row":3,"seat":"3-07"}],"tags":["x","y"]}"#
    static let person = Person(name: "许文博", age: 42, nick: nil, tags: ["x", "y"], scores: ["a": 1, "b": -2], office: .chair,
                               ratio: 0.5, active: true, seats: [Person.Seat(row: 3, seat: "3-07")])

    /// The error decoding `text` gives, checked to be a `JSONError`.
    func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONError {
        try #require(throws: JSONError.self, sourceLocation: sourceLocation) { try decode(Person.self, text) }
    }

    @Test func aRecordDecodes() throws {
        #expect(try decode(Person.self, Self.text) == Self.person)
        // Key order, whitespace and escapes are the writer's business, not the record's.
        let loose = " {\n \"tags\" : [ \"x\" , \"\\u0079\" ] , \"seats\":[{\"seat\":\"3-07\",\"row\":3}],\"scores\":{\"b\":-2,\"a\":1},"
            + "\"ratio\":5e-1,\"office\":\"chair\",\"name\":\"\\u8bb8文博\",\"age\":42,\"active\":true } \r\n"
        #expect(try decode(Person.self, loose) == Self.person)
        // An absent optional is nil, like a null one.
        #expect(try decode(Person.self, Self.text.replacing(#""nick":null,"#, with: "")) == Self.person)
        var nicknamed = Self.person
        nicknamed.nick = "小许"
        #expect(try decode(Person.self, Self.text.replacing(#""nick":null"#, with: #""nick":"小许""#)) == nicknamed)
    }

    @Test(arguments: [#""zz":1,"#, #""zz":{"a":[1]},"#, #""Name":"x","#, #""":null,"#])
    func anUnknownFieldIsRefusedWhereItIs(_ extra: String) throws {
        let text = Self.text.replacing(#""age":42,"#, with: #""age":42,"# + extra)
        let e = try failure(text)
        #expect(e.problem.contains("unknown field"))
        #expect(e.offset == offset(of: extra, in: text))
    }

    @Test func anUnknownFieldInsideANestedRecordIsRefused() throws {
        let text = Self.text.replacing(#""seat":"3-07""#, with: #""seat":"3-07","zz":true"#)
        let e = try failure(text)
        #expect(e.problem.contains("\"zz\" (unknown field)"))
        #expect(e.offset == offset(of: #""zz""#, in: text))
    }

    @Test(arguments: ["name", "age", "tags", "scores", "office", "ratio", "active", "seats"])
    func aMissingFieldIsNamed(_ key: String) throws {
        var members = try #require(try JSONValue.parse(Array(Self.text.utf8)).objectMembers)
        members[key] = nil
        let e = try failure(JSONValue.object(members).json())
        #expect(e.problem == "缺少字段 \"\(key)\" (missing field)")
        #expect(e.offset == 0)
    }

    @Test(arguments: [
        // (field value as written, what the error says)
        (#""age":"42""#, "expected an integer"),
        (#""age":42.0"#, "expected an integer"),
        (#""age":4.2e1"#, "expected an integer"),
        (#""age":42e0"#, "expected an integer"),
        (#""age":true"#, "expected an integer"),
        (#""age":null"#, "expected an integer, got null"),
        (#""age":9223372036854775808"#, "out of range for Int"),
        (#""age":-9223372036854775809"#, "out of range for Int"),
        (#""active":"true""#, "expected a boolean"),
        (#""active":1"#, "expected a boolean"),
        (#""active":null"#, "expected a boolean, got null"),
        (#""name":1"#, "expected a string"),
        (#""name":["许文博"]"#, "expected a string"),
        (#""name":null"#, "expected a string, got null"),
        (#""tags":"x""#, "expected an array"),
        (#""tags":{}"#, "expected an array"),
        (#""tags":["x",1]"#, "expected a string"),
        (#""scores":[]"#, "expected an object"),
        (#""scores":{"a":"1"}"#, "expected an integer"),
        (#""office":"vice""#, "\"vice\" (invalid value)"),
        (#""office":"Chair""#, "\"Chair\" (invalid value)"),
        (#""ratio":"0.5""#, "expected a number"),
        (#""ratio":1e999"#, "out of range for Double"),
        (#""seats":[{"row":"3","seat":"3-07"}]"#, "expected an integer"),
    ])
    func noCoercion(_ field: String, _ problem: String) throws {
        let key = String(field[..<field.firstIndex(of: ":")!])
        let text = Self.replacing(key, in: Self.text, with: field)
        let e = try failure(text)
        #expect(e.problem.contains(problem), "\(field): \(e)")
        // The error points into the value that is wrong (its first byte, or inside it).
        let valueStart = offset(of: field, in: text) + key.utf8.count + 1
        #expect((valueStart..<valueStart + field.utf8.count - key.utf8.count).contains(e.offset), "\(field): \(e)")
    }

    /// `text` with the member `key` (as `"name"`) given the value written in `field`.
    static func replacing(_ key: String, in text: String, with field: String) -> String {
        var members = (try? JSONValue.parse(Array(text.utf8)).objectMembers) ?? [:]
        members[String(key.dropFirst().dropLast())] = nil
        let rest = JSONValue.object(members).json().dropFirst().dropLast()
        return "{" + field + (rest.isEmpty ? "" : "," + rest) + "}"
    }

    @Test func numbersThatFitAreRead() throws {
        struct Numbers: Decodable, Equatable {
            var a: Int, b: Int, c: UInt64, d: Int8, e: UInt8, f: Double, g: Float, h: Int32
        }
        let text = #"{"a":9223372036854775807,"b":-9223372036854775808,"c":18446744073709551615,"d":-128,"e":255,"f":2,"g":-0.25,"h":-0}"#
        #expect(try decode(Numbers.self, text) == Numbers(a: .max, b: .min, c: .max, d: -128, e: 255, f: 2, g: -0.25, h: 0))
        for (bad, problem) in [(#""d":128"#, "out of range for Int8"), (#""e":-1"#, "out of range for UInt8"),
                               (#""e":256"#, "out of range for UInt8"), (#""c":18446744073709551616"#, "out of range for UInt64"),
                               (#""h":1.5"#, "expected an integer")] {
            let key = String(bad.prefix(3))
            let changed = Self.replacing(key, in: text, with: bad)
            let e = try #require(throws: JSONError.self) { try decode(Numbers.self, changed) }
            #expect(e.problem.contains(problem), "\(bad): \(e)")
            #expect(e.offset == offset(of: bad, in: changed) + 4, "\(bad): \(e)")
        }
    }

    @Test func errorsCountBytesNotCharacters() throws {
        // 许文博 is nine bytes; the bad value sits after it.
        let text = #"{"active":true,"age":42,"name":"许文博","nick":7,"office":"chair","ratio":0.5,"scores":{},"seats":[],"tags":[]}"#
        let e = try failure(text)
        #expect(e.offset == 50)
        #expect(Array(text.utf8)[50] == UInt8(ascii: "7"))
        #expect(e.description.hasPrefix("第 51 字节 (byte 51)"))
    }

    @Test func everyTruncatedPrefixFails() throws {
        let bytes = Array(Self.text.utf8)
        for end in 0..<bytes.count {
            let e = try #require(throws: JSONError.self, "prefix of \(end) bytes") {
                try StrictDecoder().decode(Person.self, from: bytes[..<end])
            }
            #expect((0...end).contains(e.offset), "prefix of \(end) bytes: \(e)")
        }
    }

    @Test(arguments: seeds)
    func randomByteFlipsNeverCrash(_ seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let original = Array(Self.text.utf8)
        let decoder = StrictDecoder()
        for trial in 0..<500 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes[Int.random(in: bytes.indices, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            do throws(JSONError) {
                // Whatever is accepted is a valid document the reader reads too.
                _ = try decoder.decode(Person.self, from: bytes)
                #expect(throws: Never.self, "seed \(seed), trial \(trial)") { try JSONValue.parse(bytes) }
            } catch {
                #expect((0...bytes.count).contains(error.offset), "seed \(seed), trial \(trial): \(error)")
            }
        }
    }
}

extension JSONValue {
    var objectMembers: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }
}
