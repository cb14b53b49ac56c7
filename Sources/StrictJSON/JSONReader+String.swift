extension JSONReader {
    /// A string, with escapes resolved; control characters, bad escapes, unpaired surrogates and
    /// invalid UTF-8 are errors.
    public mutating func string() throws(JSONError) -> String {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw error("此处应为字符串 (expected a string)") }
        index += 1
        let start = index
        var ascii = true
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try validated(slice, ascii: ascii, at: start)
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("字符串中有控制字符 (control character in string)") }
            if c >= 0x80 { ascii = false }
            index += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard let c = current else { throw error("字符串未结束 (unterminated string)") }
            index += 1
            switch c {
            case UInt8(ascii: "\""):
                return try out.withUnsafeBufferPointer { buffer throws(JSONError) in try validated(buffer, ascii: false, at: start) }
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case 0..<0x20:
                index -= 1
                throw error("字符串中有控制字符 (control character in string)")
            default:
                out.append(c)
            }
        }
    }

    /// The bytes as a String, once they are known to be well-formed UTF-8.
    private func validated(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, at offset: Int) throws(JSONError) -> String {
        guard ascii || UTF8Check.isValid(bytes) else { throw JSONError(offset: offset, problem: "无效的 UTF-8 (invalid UTF-8)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8]) throws(JSONError) {
        guard let e = current else { throw error("字符串未结束 (unterminated string)") }
        index += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("不成对的代理项 (unpaired surrogate)")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("不成对的代理项 (unpaired surrogate)") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let s = Unicode.Scalar(scalar) else { throw error("不成对的代理项 (unpaired surrogate)") }
            out.append(contentsOf: Array(String(Character(s)).utf8))
        default:
            index -= 1
            throw error("无效的转义 (invalid escape)")
        }
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("意外结束 (unexpected end)") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("无效的十六进制 (invalid hex digit)")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }
}
