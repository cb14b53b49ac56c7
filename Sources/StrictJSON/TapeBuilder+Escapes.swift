/// Strings holding escapes, checked without being built.
extension TapeBuilder {
    /// Checks the string whose quote is at `start` exactly as `JSONReader.string()` does (the
    /// same errors at the same bytes) without building it; returns the offset of its closing
    /// quote and steps past it.
    mutating func escapedString(from start: Int) throws(JSONError) -> Int {
        let bytes = r.bytes
        let n = bytes.count
        var i = start + 1
        var high = false
        func fail(_ at: Int, _ problem: String) -> JSONError { JSONError(offset: at, problem: problem) }
        while true {
            guard i < n else { throw fail(n, "字符串未结束 (unterminated string)") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { throw fail(i, "字符串中有控制字符 (control character in string)") }
            if c >= 0x80 { high = true }
            i += 1
            guard c == UInt8(ascii: "\\") else { continue }
            guard i < n else { throw fail(n, "字符串未结束 (unterminated string)") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                continue
            case UInt8(ascii: "u"):
                let scalar = try hex4(&i)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < n, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail(i, "不成对的代理项 (unpaired surrogate)")
                    }
                    i += 2
                    guard (0xDC00...0xDFFF).contains(try hex4(&i)) else { throw fail(i, "不成对的代理项 (unpaired surrogate)") }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail(i, "不成对的代理项 (unpaired surrogate)")
                }
            default:
                throw fail(i - 1, "无效的转义 (invalid escape)")
            }
        }
        // Escapes stand for whole characters, so the string is good UTF-8 exactly when its
        // bytes between the escapes are.
        if high && !UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[(start + 1)..<i])) {
            throw fail(start + 1, "无效的 UTF-8 (invalid UTF-8)")
        }
        r.index = i + 1
        return i
    }

    /// Four hex digits at `i`, stepping past them.
    private func hex4(_ i: inout Int) throws(JSONError) -> UInt32 {
        let bytes = r.bytes
        guard i + 4 <= bytes.count else { throw JSONError(offset: i, problem: "意外结束 (unexpected end)") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw JSONError(offset: i, problem: "无效的十六进制 (invalid hex digit)")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
