/// Any JSON document, read strictly with `JSONReader` and written back compactly with sorted
/// keys: for looking inside a record without knowing its type (and for changing one in tests).
public indirect enum JSONValue: Equatable, Sendable, JSONReadable {
    case null
    case bool(Bool)
    /// A number as written (already checked against the RFC 8259 grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(reading r: inout JSONReader) throws(JSONError) {
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

    /// Reads one complete JSON text.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSONValue {
        try JSONReader.read(JSONValue.self, from: bytes)
    }

    /// Compact JSON; object keys in ascending order, or descending when `reversed`.
    public func json(reversed: Bool = false) -> String {
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

    /// `json()` as UTF-8.
    public var bytes: [UInt8] { Array(json().utf8) }

    /// `s` as a JSON string: quote, backslash, newline and other control characters escaped.
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
