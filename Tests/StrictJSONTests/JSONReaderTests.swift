import Testing
@testable import StrictJSON
import TestSupport

/// `JSONReader`: strict RFC 8259 plus the journal's own rules (no duplicate keys, depth ≤ 64).
@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(JSONError) -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    /// The error both readers (the value reader and the skipping validator) give for `bytes`.
    func failure(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONError {
        let e = try #require(throws: JSONError.self, sourceLocation: sourceLocation) { try JSONValue.parse(bytes) }
        let skipped = try #require(throws: JSONError.self, sourceLocation: sourceLocation) {
            try JSONReader.read(Skipped.self, from: bytes)
        }
        #expect(skipped.offset == e.offset, sourceLocation: sourceLocation)
        #expect(tapeError(bytes) == e, "the decoder's tape agrees with the reader", sourceLocation: sourceLocation)
        return e
    }

    // MARK: Valid documents

    @Test(arguments: [
        ("{}", JSONValue.object([:])),
        ("[]", .array([])),
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("-12.25E+2", .number("-12.25E+2")),
        ("1.5e-3", .number("1.5e-3")),
        ("10", .number("10")),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("\"\"", .string("")),
        (" \t\r\n{ \"a\" : [ 1 , 2 ,{}] , \"\":null } \n", .object(["a": .array([.number("1"), .number("2"), .object([:])]), "": .null])),
        (#""\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\\u0000""#, .string("é😀/\u{08}\u{0C}\n\r\t\"\\\u{0}")),
        ("\"中文😀\u{7F}\u{2028}\"", .string("中文😀\u{7F}\u{2028}")),
        (#"{"a":1,"\u0062":2}"#, .object(["a": .number("1"), "b": .number("2")])),
        (#"["a\u005C"]"#, .array([.string("a\\")])),
    ])
    func validDocuments(_ text: String, _ value: JSONValue) throws {
        #expect(try parse(text) == value)
        #expect(try parse(value.json()) == value)
        #expect(throws: Never.self) { try JSONReader.read(Skipped.self, from: Array(text.utf8)) }
        #expect(tapeError(Array(text.utf8)) == nil)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSONReader.maximumDepth
        #expect(depth == 64)
        _ = try parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        _ = try parse(String(repeating: "{\"a\":", count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1))
    }

    @Test func manyKeysAreFine() throws {
        let text = "{" + (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        guard case .object(let members) = try parse(text) else { Issue.record("not an object"); return }
        #expect(members.count == 100)
    }

    // MARK: Malformed documents, with the byte where each is found

    @Test(arguments: [
        ("[1,]", 3, "invalid value"),
        ("{\"a\":1,}", 7, "expected a string key"),
        ("[\"a\",]", 5, "invalid value"),
        ("01", 1, "trailing"),
        ("[01]", 2, "expected ',' or ']'"),
        ("-01", 2, "trailing"),
        ("00", 1, "trailing"),
        ("-", 1, "invalid value"),
        ("-a", 1, "invalid value"),
        ("1.", 2, "digit expected after '.'"),
        ("1.e5", 2, "digit expected after '.'"),
        ("[1.]", 3, "digit expected after '.'"),
        ("1e", 2, "digit expected in exponent"),
        ("1e+", 3, "digit expected in exponent"),
        ("1E-x", 3, "digit expected in exponent"),
        (".5", 0, "invalid value"),
        ("+1", 0, "invalid value"),
        ("NaN", 0, "invalid value"),
        ("Infinity", 0, "invalid value"),
        ("\"abc", 4, "unterminated string"),
        ("\"ab\\", 4, "unterminated string"),
        ("[\"ab\\n", 6, "unterminated string"),
        ("\"a\nb\"", 2, "control character"),
        ("\"a\\nb\tc\"", 5, "control character"),
        ("\"\\x\"", 2, "invalid escape"),
        ("\"\\'\"", 2, "invalid escape"),
        ("\"\\U0041\"", 2, "invalid escape"),
        ("[\"\\u12\"]", 6, "invalid hex digit"),
        ("\"\\u12", 3, "unexpected end"),
        ("\"\\u+041\"", 3, "invalid hex digit"),
        ("\"\\ud800\"", 7, "unpaired surrogate"),
        ("\"\\ud800x\"", 7, "unpaired surrogate"),
        ("\"\\ud800\\u0041\"", 13, "unpaired surrogate"),
        ("\"\\ud800\\ud800\"", 13, "unpaired surrogate"),
        ("\"\\udc00\"", 7, "unpaired surrogate"),
        ("'a'", 0, "invalid value"),
        ("{\"a\":1,\"a\":2}", 7, "duplicate key"),
        ("{\"a\":1,\"\\u0061\":2}", 7, "duplicate key"),
        ("{\"a\" 1}", 5, "expected “:”"),
        ("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'"),
        ("{a:1}", 1, "expected a string key"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("{} x", 3, "trailing"),
        ("{}{}", 2, "trailing"),
        ("1 2", 2, "trailing"),
        ("[]]", 2, "trailing"),
        ("", 0, "invalid value"),
        ("  \n", 3, "invalid value"),
        ("tru", 0, "unexpected end"),
        ("nul", 0, "unexpected end"),
        ("nulL", 0, "invalid literal"),
        ("True", 0, "invalid value"),
        ("\u{FEFF}{}", 0, "invalid value"),
        ("[", 1, "invalid value"),
        ("{", 1, "expected a string key"),
        ("{\"a\":", 5, "invalid value"),
    ])
    func malformed(_ text: String, _ offset: Int, _ problem: String) throws {
        let e = try failure(Array(text.utf8))
        #expect(e.offset == offset, "\(text.debugDescription): \(e)")
        #expect(e.problem.contains(problem), "\(text.debugDescription): \(e)")
    }

    @Test(arguments: [
        ([0x22, 0xFF, 0x22] as [UInt8], 1),                        // not UTF-8 at all
        ([0x22, 0x61, 0xC0, 0xAF, 0x22], 1),                       // overlong '/'
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),                       // an encoded surrogate
        ([0x22, 0xE4, 0xB8, 0x22], 1),                             // cut inside 中
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),                 // beyond U+10FFFF
        ([0x22, 0x5C, 0x6E, 0xB3, 0xC2, 0x22], 1),                 // GBK after an escape
        ([0x7B, 0x22, 0xB3, 0xC2, 0x22, 0x3A, 0x31, 0x7D], 2),     // GBK in a key
    ])
    func invalidUTF8InAString(_ bytes: [UInt8], _ offset: Int) throws {
        let e = try failure(bytes)
        #expect(e.offset == offset)
        #expect(e.problem.contains("invalid UTF-8"))
    }

    @Test func invalidUTF8OutsideAStringIsNotAValue() throws {
        #expect(try failure([0xFF]).offset == 0)
        #expect(try failure([0x5B, 0x31, 0x2C, 0xE4, 0xB8, 0xAD, 0x5D]).offset == 3)
    }

    @Test func aDuplicateAmongManyKeysIsFound() throws {
        // Past 16 keys the reader switches from a list to a set; both must catch duplicates.
        let keys = (0..<40).map { "\"k\($0)\":\($0)" }
        let text = "{" + (keys + ["\"k3\":0"]).joined(separator: ",") + "}"
        let e = try failure(Array(text.utf8))
        #expect(e.problem.contains("\"k3\"") && e.problem.contains("duplicate key"))
        #expect(e.offset == text.utf8.count - #""k3":0}"#.utf8.count)
    }

    @Test(arguments: ["[", "{\"a\":"])
    func nestingDeeperThan64IsRefused(_ open: String) throws {
        let close = open == "[" ? "]" : "}"
        let inner = open == "[" ? "" : "1"
        let text = String(repeating: open, count: 65) + inner + String(repeating: close, count: 65)
        let e = try failure(Array(text.utf8))
        #expect(e.problem.contains("nested too deeply"))
        // Far deeper input fails the same way instead of exhausting the stack.
        let deep = String(repeating: open, count: 100_000)
        #expect(try failure(Array(deep.utf8)).problem.contains("nested too deeply"))
    }

    // MARK: Random damage

    @Test(arguments: seeds)
    func randomDocumentsOfJSONCharactersNeverCrash(_ seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let alphabet: [String] = ["{", "}", "[", "]", ":", ",", "\"", "\\", "u", "d8", "00", "1", "-", ".", "e", "0",
                                  "true", "null", " ", "a", "中", "\n", "\\u", "\\ud83d", "\\ude00"]
        for trial in 0..<1000 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            do throws(JSONError) {
                let value = try JSONValue.parse(bytes)
                #expect(try JSONValue.parse(value.bytes) == value, "seed \(seed), trial \(trial): \(text.debugDescription)")
                #expect(throws: Never.self) { try JSONReader.read(Skipped.self, from: bytes) }
                #expect(tapeError(bytes) == nil, "seed \(seed), trial \(trial): \(text.debugDescription)")
            } catch {
                #expect((0...bytes.count).contains(error.offset), "seed \(seed), trial \(trial): \(text.debugDescription)")
                #expect(throws: JSONError.self) { try JSONReader.read(Skipped.self, from: bytes) }
                #expect(tapeError(bytes) == error, "seed \(seed), trial \(trial): \(text.debugDescription)")
            }
        }
    }
}
