/// The text encodings the journal uses for binary values, read strictly: lowercase hex (ids,
/// nonces, prefixes, hashes) and canonical padded base64 (keys, certificates, signatures).
///
/// Strict on purpose: one value has exactly one spelling, so a changed character can never
/// decode to the same bytes and slip past a hash or a signature. The readers work on the
/// strings' UTF-8 in place; the ones used once per ballot write into memory the caller owns.
enum Encodings {
    /// The value of a lowercase hex digit, or nil.
    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        // Plain comparisons: a range pattern here compiled to a call per character.
        if c >= 0x30 && c <= 0x39 { return c &- 0x30 }  // 0-9
        if c >= 0x61 && c <= 0x66 { return c &- 0x57 }  // a-f
        return nil
    }

    /// Decodes lowercase hex `text` into `out`, which must be exactly half as long; false if
    /// the length differs or a character is not a lowercase hex digit.
    static func hex(_ text: String, into out: UnsafeMutableRawBufferPointer) -> Bool {
        var t = text
        return t.withUTF8 { chars in
            guard chars.count == 2 * out.count else { return false }
            for i in 0..<out.count {
                guard let high = nibble(chars[2 * i]), let low = nibble(chars[2 * i + 1]) else { return false }
                out[i] = high << 4 | low
            }
            return true
        }
    }

    /// The bytes of lowercase hex `text`, or nil.
    static func hex(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 2 == 0 else { return nil }
        var out = [UInt8](repeating: 0, count: text.utf8.count / 2)
        return out.withUnsafeMutableBytes { hex(text, into: $0) } ? out : nil
    }

    /// Whether `text` is the lowercase hex spelling of exactly `bytes`.
    static func hex(_ text: String, equals bytes: UnsafeRawBufferPointer) -> Bool {
        var t = text
        return t.withUTF8 { chars in
            guard chars.count == 2 * bytes.count else { return false }
            for i in 0..<bytes.count {
                guard let high = nibble(chars[2 * i]), let low = nibble(chars[2 * i + 1]), high << 4 | low == bytes[i] else { return false }
            }
            return true
        }
    }

    /// Whether `text` is `count` bytes of lowercase hex.
    static func isHex(_ text: String, bytes count: Int) -> Bool {
        var t = text
        return t.withUTF8 { chars in chars.count == 2 * count && chars.allSatisfy { nibble($0) != nil } }
    }

    /// The base64 alphabet's values by character; 0xff for anything else.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// Decodes canonical, padded standard base64 (RFC 4648 §4) into the start of `out`;
    /// returns the decoded length, or nil on a wrong length, a character outside the alphabet,
    /// misplaced padding, nonzero unused bits, or an `out` too small.
    static func base64(_ chars: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard chars.count % 4 == 0, chars.count / 4 * 3 <= out.count else { return nil }
        return values.withUnsafeBufferPointer { table -> Int? in
            var i = 0, o = 0
            while i < chars.count {
                var pad = 0
                if i + 4 == chars.count && chars[i + 3] == UInt8(ascii: "=") { pad = chars[i + 2] == UInt8(ascii: "=") ? 2 : 1 }
                let a = table[Int(chars[i])], b = table[Int(chars[i + 1])]
                let c = pad == 2 ? 0 : table[Int(chars[i + 2])]
                let d = pad >= 1 ? 0 : table[Int(chars[i + 3])]
                guard (a | b | c | d) & 0xc0 == 0 else { return nil }
                let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                out[o] = UInt8(truncatingIfNeeded: n >> 16)
                out[o + 1] = UInt8(truncatingIfNeeded: n >> 8)
                out[o + 2] = UInt8(truncatingIfNeeded: n)
                if pad == 2 && n & 0xffff != 0 || pad == 1 && n & 0xff != 0 { return nil }
                o += 3 - pad
                i += 4
            }
            return o
        }
    }

    /// The bytes of canonical base64 `text`, or nil.
    static func base64(_ text: String) -> [UInt8]? {
        var t = text
        var out = [UInt8](repeating: 0, count: text.utf8.count / 4 * 3)
        guard let n = t.withUTF8({ chars in out.withUnsafeMutableBufferPointer { base64(chars, into: $0) } }) else { return nil }
        out.removeLast(out.count - n)
        return out
    }
}
