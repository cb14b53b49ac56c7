extension JSONReader {
    /// Skips one value of any kind, checking it exactly as decoding would (keys unique, strings
    /// valid), and returns its byte range.
    public mutating func skipValue() throws(JSONError) -> Range<Int> {
        skipWhitespace()
        let start = index
        switch current {
        case UInt8(ascii: "{")?: try object { r, _ throws(JSONError) in _ = try r.skipValue() }
        case UInt8(ascii: "[")?: try array { r throws(JSONError) in _ = try r.skipValue() }
        case UInt8(ascii: "\"")?: _ = try string()
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?: _ = try bool()
        case UInt8(ascii: "n")?: try literal("null")
        default: _ = try number()
        }
        return start..<index
    }

    /// Skips one value checking its syntax only — not the uniqueness of keys nor the UTF-8 of
    /// strings, and without building anything: the cheap pass over a part of a record its
    /// reader does not need (`StrictDecoder`'s skimmed paths). A reader that decodes
    /// everything checks the rest.
    public mutating func skimValue() throws(JSONError) {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{")?:
            try open(UInt8(ascii: "{"), "“{”")
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; depth -= 1; return }
            while true {
                try skimString()
                try expect(UInt8(ascii: ":"), "“:”")
                try skimValue()
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1; skipWhitespace()
                case UInt8(ascii: "}"): index += 1; depth -= 1; return
                default: throw error("应为“,”或“}” (expected ',' or '}')")
                }
            }
        case UInt8(ascii: "[")?: try array { r throws(JSONError) in try r.skimValue() }
        case UInt8(ascii: "\"")?: try skimString()
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?: _ = try bool()
        case UInt8(ascii: "n")?: try literal("null")
        default: _ = try number()
        }
    }

    /// Skips a string without building it: quotes, escapes and control characters are checked,
    /// UTF-8 is not.
    mutating func skimString() throws(JSONError) {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw error("此处应为字符串 (expected a string)") }
        index += 1
        let base = bytes.baseAddress!
        while index < bytes.count {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while index + 8 <= bytes.count {
                let x = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let q = x ^ 0x2222_2222_2222_2222, b = x ^ 0x5C5C_5C5C_5C5C_5C5C
                let ones: UInt64 = 0x0101_0101_0101_0101
                let special = ((q &- ones) & ~q) | ((b &- ones) & ~b) | ((x &- 0x2020_2020_2020_2020) & ~x)
                if special & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < bytes.count else { break }
            let c = bytes[index]
            if c == UInt8(ascii: "\"") { index += 1; return }
            if c < 0x20 { throw error("字符串中有控制字符 (control character in string)") }
            if c == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let e = bytes[index + 1]
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= bytes.count, (index + 2..<index + 6).allSatisfy({ isHexDigit(bytes[$0]) }) else {
                        throw error("无效的十六进制 (invalid hex digit)")
                    }
                    index += 6
                default: index += 1; throw error("无效的转义 (invalid escape)")
                }
                continue
            }
            index += 1
        }
        throw error("字符串未结束 (unterminated string)")
    }
}
