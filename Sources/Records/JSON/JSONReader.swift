/// A strict, allocation-light pull reader for RFC 8259 JSON, over bytes.
///
/// Record types read themselves field by field (`JSONReadable`), with no intermediate tree and
/// no `Codable` machinery: a large session's journal replays several times faster than through
/// Foundation's `JSONDecoder`. Strict beyond the RFC where records need it: no duplicate keys
/// (a record must never mean two things to two readers), nesting at most `maximumDepth`.
public struct JSONReader: ~Copyable {
    public static let maximumDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    var depth = 0
    /// When set, a closed round's ballot block is checked for JSON syntax and skipped rather
    /// than decoded (`RoundClosed.ballotsOmitted`): replaying a session needs only the tallies.
    public var omitsBallots = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    /// Reads one complete JSON text of type `T`; anything but whitespace after it is an error.
    public static func read<T: JSONReadable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws(JSONError) -> T {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer throws(JSONError) -> T in
            var reader = JSONReader(buffer)
            let value = try T(reading: &reader)
            try reader.finish()
            return value
        }
    }

    /// Runs `body` on a reader positioned at `range` of the same bytes (a value skipped earlier);
    /// `body` must read exactly that value.
    func reading<T>(at range: Range<Int>, _ body: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> T {
        var sub = JSONReader(UnsafeBufferPointer(rebasing: bytes[..<range.upperBound]), from: range.lowerBound)
        sub.depth = depth
        let value = try body(&sub)
        try sub.finish()
        return value
    }

    public func error(_ problem: String) -> JSONError { JSONError(offset: index, problem: problem) }

    mutating func finish() throws(JSONError) {
        skipWhitespace()
        guard index == bytes.count else { throw error("多余的内容 (trailing characters)") }
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONError) {
        skipWhitespace()
        guard current == byte else { throw error("此处应为 \(what) (expected \(what))") }
        index += 1
    }

    // MARK: Structures

    /// Reads an object, calling `member` with each key; `member` must read exactly one value.
    /// A key seen twice is an error.
    public mutating func object(_ member: (inout JSONReader, String) throws(JSONError) -> Void) throws(JSONError) {
        try expect(UInt8(ascii: "{"), "“{”")
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("嵌套过深 (nested too deeply)") }
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; depth -= 1; return }
        // Keys seen so far, for refusing duplicates: the first few on the stack (records are
        // small), the rest in a set.
        let inline = 16
        try withUnsafeTemporaryAllocation(of: String.self, capacity: inline) { seen throws(JSONError) in
            var count = 0
            var overflow = Set<String>()
            defer { seen.baseAddress!.deinitialize(count: min(count, inline)) }
            while true {
                skipWhitespace()
                let keyOffset = index
                guard current == UInt8(ascii: "\"") else { throw error("此处应为字符串键 (expected a string key)") }
                let key = try string()
                let duplicate = seen.prefix(min(count, inline)).contains(key) || (count > inline && overflow.contains(key))
                if duplicate { throw JSONError(offset: keyOffset, problem: "重复的键 \"\(key)\" (duplicate key)") }
                if count < inline { (seen.baseAddress! + count).initialize(to: key) } else { overflow.insert(key) }
                count += 1
                try expect(UInt8(ascii: ":"), "“:”")
                skipWhitespace()
                try member(&self, key)
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; depth -= 1; return
                default: throw error("应为“,”或“}” (expected ',' or '}')")
                }
            }
        }
    }

    /// Reads an array, calling `element` for each item; `element` must read exactly one value.
    public mutating func array(_ element: (inout JSONReader) throws(JSONError) -> Void) throws(JSONError) {
        try expect(UInt8(ascii: "["), "“[”")
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("嵌套过深 (nested too deeply)") }
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; depth -= 1; return }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; depth -= 1; return
            default: throw error("应为“,”或“]” (expected ',' or ']')")
            }
        }
    }

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
    /// strings, and without building anything: the cheap pass over ballot blocks a replay does
    /// not need (`omitsBallots`). The verifier, which decodes everything, checks the rest.
    public mutating func skimValue() throws(JSONError) {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{")?:
            index += 1
            depth += 1
            guard depth <= Self.maximumDepth else { throw error("嵌套过深 (nested too deeply)") }
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
    /// UTF-8 is not (the verifier, which decodes everything, checks that).
    mutating func skimString() throws(JSONError) {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw error("此处应为字符串 (expected a string)") }
        index += 1
        while index < bytes.count {
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

    /// Skims an array (checking its syntax only; see `skimValue`).
    public mutating func skimArray() throws(JSONError) {
        skipWhitespace()
        guard current == UInt8(ascii: "[") else { throw error("此处应为数组 (expected an array)") }
        try skimValue()
    }

    func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c)
    }

    // MARK: Scalars

    /// Consumes `null` if it is next; returns whether it was.
    public mutating func null() throws(JSONError) -> Bool {
        skipWhitespace()
        guard current == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    public mutating func bool() throws(JSONError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "t")?: try literal("true"); return true
        case UInt8(ascii: "f")?: try literal("false"); return false
        default: throw error("此处应为 true 或 false (expected a boolean)")
        }
    }

    /// An integer written without fraction or exponent, within `Int`'s range.
    public mutating func int() throws(JSONError) -> Int {
        skipWhitespace()
        let start = index
        let text = try number()
        guard let n = Int(text) else { throw JSONError(offset: start, problem: "此处应为整数 (expected an integer), got \(text)") }
        return n
    }

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("意外结束 (unexpected end)") }
        for i in 0..<count where bytes[index + i] != word.utf8Start[i] {
            throw error("无效的字面量 (invalid literal)")
        }
        index += count
    }

    /// A number's text, checked against the RFC 8259 grammar.
    mutating func number() throws(JSONError) -> String {
        skipWhitespace()
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("无效的值 (invalid value)") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let c = current, isDigit(c) else { throw error("小数点后应为数字 (digit expected after '.')") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let c = current, isDigit(c) else { throw error("指数应为数字 (digit expected in exponent)") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    mutating func skipDigits() {
        while let c = current, isDigit(c) { index += 1 }
    }
}

/// A record type that reads itself from JSON with a `JSONReader`.
public protocol JSONReadable {
    init(reading reader: inout JSONReader) throws(JSONError)
}

extension JSONReader {
    /// `value` unless it is nil, in which case the error names the missing field.
    public func required<T>(_ value: T?, _ key: String) throws(JSONError) -> T {
        guard let value else { throw error("缺少字段 \"\(key)\" (missing field)") }
        return value
    }

    /// The error for a field the schema does not know.
    public func unknown(_ key: String) -> JSONError {
        error("未知字段 \"\(key)\" (unknown field)")
    }

    public mutating func read<T: JSONReadable>(_ type: T.Type = T.self) throws(JSONError) -> T {
        try T(reading: &self)
    }

    /// A string, or nil for `null`.
    public mutating func optionalString() throws(JSONError) -> String? {
        try null() ? nil : try string()
    }

    public mutating func strings() throws(JSONError) -> [String] {
        var out: [String] = []
        try array { r throws(JSONError) in out.append(try r.string()) }
        return out
    }

    public mutating func list<T: JSONReadable>(of type: T.Type = T.self) throws(JSONError) -> [T] {
        var out: [T] = []
        try array { r throws(JSONError) in out.append(try T(reading: &r)) }
        return out
    }

    /// An object used as a map from string keys to values read by `value`.
    public mutating func map<T>(_ value: (inout JSONReader) throws(JSONError) -> T) throws(JSONError) -> [String: T] {
        var out: [String: T] = [:]
        try object { r, key throws(JSONError) in out[key] = try value(&r) }
        return out
    }
}
