/// The text encodings the journal uses for binary values, read strictly: lowercase hex (ids,
/// nonces, prefixes, hashes) and canonical padded base64 (keys, certificates, signatures).
///
/// Strict on purpose: one value has exactly one spelling, so a changed character can never
/// decode to the same bytes and slip past a hash or a signature.
enum Encodings {
    /// The bytes of lowercase hex `text`, or nil (uppercase, odd length, other characters).
    static func hex(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(text.count / 2)
        var high: UInt8 = 0
        var odd = false
        for c in text {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            if odd { out.append(high << 4 | v) } else { high = v }
            odd.toggle()
        }
        return out
    }

    /// `hex(text)` of a String.
    static func hex(_ text: String) -> [UInt8]? {
        var t = text
        return t.withUTF8 { hex($0) }
    }

    /// Lowercase hex of `bytes`.
    static func hexString(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is `count` bytes of lowercase hex.
    static func isHex(_ text: String, bytes count: Int) -> Bool {
        text.utf8.count == 2 * count && hex(text) != nil
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// The bytes of canonical, padded standard base64 (RFC 4648 §4), or nil: wrong length,
    /// a character outside the alphabet, misplaced padding, or nonzero unused bits.
    static func base64(_ text: some Collection<UInt8>) -> [UInt8]? {
        let chars = Array(text)
        guard chars.count % 4 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 4 * 3)
        let table = values
        var i = 0
        while i < chars.count {
            let last = i + 4 == chars.count
            let pad = last ? (chars[i + 3] == UInt8(ascii: "=") ? (chars[i + 2] == UInt8(ascii: "=") ? 2 : 1) : 0) : 0
            let a = table[Int(chars[i])], b = table[Int(chars[i + 1])]
            let c = pad == 2 ? 0 : table[Int(chars[i + 2])]
            let d = pad >= 1 ? 0 : table[Int(chars[i + 3])]
            guard a < 64, b < 64, c < 64, d < 64 else { return nil }
            let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            out.append(UInt8(n >> 16))
            if pad < 2 { out.append(UInt8(n >> 8 & 0xff)) } else if n & 0xffff != 0 { return nil }
            if pad < 1 { out.append(UInt8(n & 0xff)) } else if n & 0xff != 0 { return nil }
            i += 4
        }
        return out
    }

    /// `base64(text)` of a String.
    static func base64(_ text: String) -> [UInt8]? {
        var t = text
        return t.withUTF8 { base64($0) }
    }
}
