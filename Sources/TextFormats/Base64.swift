/// Standard base64 (RFC 4648 §4): padded, no line breaks, canonical — the spelling of every
/// binary value pingshen writes as text (signed notes, keys, certificates, signatures, the
/// files embedded in the binary).
///
/// Decoding is strict so that one byte string has exactly one accepted text: characters
/// outside the alphabet, missing or misplaced `=`, and non-zero bits after the last byte are
/// all rejected. (A lenient decoder would let a signature line be rewritten without changing
/// what it decodes to.)
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// The base64 text of `bytes`.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: encodedBytes(bytes), as: UTF8.self)
    }

    /// The base64 text of `bytes` as ASCII bytes, for text built byte by byte.
    public static func encodedBytes(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= input.count {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        switch input.count - i {
        case 1:
            let n = UInt32(input[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        case 2:
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        default:
            break
        }
        return out
    }

    /// The bytes `text` encodes, or nil unless it is canonical padded base64.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(text.utf8)
    }

    /// The bytes the ASCII `text` encodes, or nil unless it is canonical padded base64.
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        let input = Array(text)
        guard input.count % 4 == 0 else { return nil }
        var padding = 0
        if input.last == UInt8(ascii: "=") { padding += 1 }
        if input.count >= 2 && input[input.count - 2] == UInt8(ascii: "=") { padding += 1 }
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3)
        var i = 0
        while i < input.count {
            var n: UInt32 = 0
            for j in 0..<4 {
                let c = input[i + j]
                let isPad = i + 4 == input.count && j >= 4 - padding
                if isPad {
                    n <<= 6
                    continue
                }
                let v = values[Int(c)]
                if v == 0xff { return nil }
                n = n << 6 | UInt32(v)
            }
            out.append(UInt8(n >> 16 & 0xff))
            if !(i + 4 == input.count && padding == 2) { out.append(UInt8(n >> 8 & 0xff)) }
            if !(i + 4 == input.count && padding >= 1) { out.append(UInt8(n & 0xff)) }
            // Canonical: the bits the padding stands for must be zero.
            if i + 4 == input.count {
                if padding == 2 && n & 0xffff != 0 { return nil }
                if padding == 1 && n & 0xff != 0 { return nil }
            }
            i += 4
        }
        return out
    }
}
