@testable import Records

/// Any JSON document, read with `JSONReader` and written back compactly with sorted keys:
/// lets tests look inside journal lines and change them (drop a field, add one) without Codable.
indirect enum JSONValue: Equatable, Sendable, JSONReadable {
    case null
    case bool(Bool)
    /// A number as written (already checked against the RFC 8259 grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(reading r: inout JSONReader) throws(JSONError) {
        r.skipWhitespace()
        switch r.current {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try r.object { r, key throws(JSONError) in members[key] = try JSONValue(reading: &r) }
            self = .object(members)
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            try r.array { r throws(JSONError) in items.append(try JSONValue(reading: &r)) }
            self = .array(items)
        case UInt8(ascii: "\""): self = .string(try r.string())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): self = .bool(try r.bool())
        case UInt8(ascii: "n"): _ = try r.null(); self = .null
        default: self = .number(try r.number())
        }
    }

    static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSONValue {
        try JSONReader.read(JSONValue.self, from: bytes)
    }

    /// Compact JSON; object keys in ascending order, or descending when `reversed`.
    func json(reversed: Bool = false) -> String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): Self.quoted(s)
        case .array(let items): "[" + items.map { $0.json(reversed: reversed) }.joined(separator: ",") + "]"
        case .object(let members):
            "{" + (reversed ? members.keys.sorted(by: >) : members.keys.sorted())
                .map { Self.quoted($0) + ":" + members[$0]!.json(reversed: reversed) }.joined(separator: ",") + "}"
        }
    }

    var bytes: [UInt8] { Array(json().utf8) }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Reads one value through `JSONReader.skipValue`, the validator the journal reader uses for `data`.
struct Skipped: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONError) { _ = try r.skipValue() }
}

/// SplitMix64: a small, fully determined generator, so a failing random case names its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 0xC0FFEE, 20_261_126]
