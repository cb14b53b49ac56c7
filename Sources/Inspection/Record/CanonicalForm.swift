/// The one spelling in which the session writes a journal line, checked byte by byte.
///
/// A line's meaning survives many spellings (spaces between tokens, keys in another order,
/// `\u0041` for `A`, `\/`, `1e0`), and a line no checkpoint covers — the `document.signed`
/// lines after the final checkpoint — could be respelled unseen if any were accepted. So V1
/// holds every line to the session's own spelling, which is JSON as Foundation's
/// `JSONEncoder` writes it with sorted keys and unescaped slashes, stated here independently:
///
/// - no whitespace outside strings;
/// - object keys in strictly ascending order of their UTF-8 bytes;
/// - strings escape `"` and `\` with a backslash, U+0008, U+0009, U+000A, U+000C, U+000D as
///   `\b \t \n \f \r`, every other character below U+0020 as `\u00xx` (lowercase hex), and
///   nothing else: `/`, DEL, non-ASCII are written as themselves;
/// - numbers are integers `-?(0|[1-9][0-9]*)`, never `-0`;
/// - no `null` (an absent value is left out), `true` and `false` as they are.
///
/// It reads a line the strict decoder has already accepted (valid JSON, no duplicate key,
/// nesting within its limit), so it only judges the spelling. `CanonicalFormTests` holds it to
/// what the session writes, for every line of the test sessions and for awkward strings.
struct CanonicalForm {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// Whether `line` (without its newline) is spelled exactly as the session writes it.
    static func isCanonical(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var reader = CanonicalForm(line)
        return reader.value() && reader.i == line.count
    }

    private var current: UInt8? { i < b.count ? b[i] : nil }

    private mutating func value() -> Bool {
        guard let c = current else { return false }
        switch c {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
        default: return false  // null, whitespace, anything else
        }
    }

    private mutating func object() -> Bool {
        i += 1
        if current == UInt8(ascii: "}") { i += 1; return true }
        var previous: (range: Range<Int>, escaped: Bool)?
        while true {
            guard let key = string() else { return false }
            if let previous, !precedes(previous, key) { return false }
            previous = key
            guard current == UInt8(ascii: ":") else { return false }
            i += 1
            guard value() else { return false }
            switch current {
            case UInt8(ascii: ",")?: i += 1
            case UInt8(ascii: "}")?: i += 1; return true
            default: return false
            }
        }
    }

    private mutating func array() -> Bool {
        i += 1
        if current == UInt8(ascii: "]") { i += 1; return true }
        while true {
            guard value() else { return false }
            switch current {
            case UInt8(ascii: ",")?: i += 1
            case UInt8(ascii: "]")?: i += 1; return true
            default: return false
            }
        }
    }

    /// Whether key `a` sorts strictly before key `b` by the UTF-8 of their values (escapes resolved).
    private func precedes(_ a: (range: Range<Int>, escaped: Bool), _ c: (range: Range<Int>, escaped: Bool)) -> Bool {
        let x = UnsafeBufferPointer(rebasing: b[a.range]), y = UnsafeBufferPointer(rebasing: b[c.range])
        if !a.escaped && !c.escaped { return x.lexicographicallyPrecedes(y) }
        return Self.unescaped(x).lexicographicallyPrecedes(Self.unescaped(y))
    }

    /// A canonically escaped string: its content's range, and whether it holds an escape.
    private mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        guard current == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        var escaped = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return (start..<i - 1, escaped)
            }
            if c < 0x20 { return nil }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < b.count else { return nil }
                switch b[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "r"):
                    i += 2
                case UInt8(ascii: "u"):
                    // Only the controls without a short form, as 00 then a lowercase hex pair below 0x20.
                    guard i + 5 < b.count, b[i + 2] == UInt8(ascii: "0"), b[i + 3] == UInt8(ascii: "0"),
                          b[i + 4] == UInt8(ascii: "0") || b[i + 4] == UInt8(ascii: "1"),
                          let low = Self.lowerHex(b[i + 5]) else { return nil }
                    let scalar = (b[i + 4] == UInt8(ascii: "1") ? 16 : 0) + Int(low)
                    guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(scalar) else { return nil }
                    i += 6
                default:
                    return nil  // \/ and anything else
                }
                continue
            }
            i += 1
        }
        return nil
    }

    private mutating func integer() -> Bool {
        var j = i
        if b[j] == UInt8(ascii: "-") { j += 1 }
        guard j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) else { return false }
        if b[j] == UInt8(ascii: "0") {
            guard j == i else { return false }  // -0
            j += 1
        } else {
            while j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) { j += 1 }
        }
        // A fraction or exponent is never written.
        if j < b.count, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "e") || b[j] == UInt8(ascii: "E") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) {
            return false
        }
        i = j
        return true
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != text.utf8Start[k] { return false }
        i += n
        return true
    }

    private static func lowerHex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The UTF-8 of a canonically escaped string's content, escapes resolved (for key order).
    private static func unescaped(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var k = 0
        while k < s.count {
            guard s[k] == UInt8(ascii: "\\") else { out.append(s[k]); k += 1; continue }
            switch s[k + 1] {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "u"):
                out.append((s[k + 4] == UInt8(ascii: "1") ? 16 : 0) + (lowerHex(s[k + 5]) ?? 0))
                k += 6
                continue
            default: out.append(s[k + 1])
            }
            k += 2
        }
        return out
    }
}
