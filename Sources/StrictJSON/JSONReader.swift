// StrictJSON: the journal's JSON reader, written by hand rather than taken from Foundation.
//
// Foundation's `JSONDecoder` would do for reading records if records were all we needed, but
// a sealed journal needs more than it gives:
//
// - Duplicate keys. `JSONDecoder` keeps one of two equal keys without a word; a line that
//   means one thing to the session and another to a second reader must be refused.
// - Depth. Nesting is capped (`maximumDepth`), so hostile input fails with an error instead of
//   exhausting the stack.
// - Exact positions. Every error names the byte of the line where it was found, so a damaged
//   journal line can be pointed at, not just called invalid.
// - Strictness. RFC 8259 numbers and strings only, no coercion (a string is not a number, `1.0`
//   is not an `Int`, only `true`/`false` are booleans), unknown fields are errors.
// - Speed. A long session's journal is read on every command; `JSONDecoder` builds a tree of
//   `Any` first and reads a large session several times slower than this reader does.
//
// `JSONReader` is the pull reader every other piece stands on; `StrictDecoder` decodes
// synthesized `Decodable` types through it.

/// A strict, allocation-light pull reader for RFC 8259 JSON, over bytes.
///
/// Strict beyond the RFC where records need it: no duplicate keys (a record must never mean two
/// things to two readers), nesting at most `maximumDepth`. Errors carry the 0-based byte offset
/// into the bytes read.
public struct JSONReader: ~Copyable {
    public static let maximumDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    var depth = 0

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

    public func error(_ problem: String) -> JSONError { JSONError(offset: index, problem: problem) }

    mutating func finish() throws(JSONError) {
        skipWhitespace()
        guard index == bytes.count else { throw error("多余的内容 (trailing characters)") }
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always)
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

    /// Steps into an object or array whose opening bracket is next, refusing to go deeper than
    /// `maximumDepth`.
    mutating func open(_ bracket: UInt8, _ what: String) throws(JSONError) {
        try expect(bracket, what)
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("嵌套过深 (nested too deeply)") }
    }

    // MARK: Structures

    /// Reads an object, calling `member` with each key; `member` must read exactly one value.
    /// A key seen twice is an error.
    public mutating func object(_ member: (inout JSONReader, String) throws(JSONError) -> Void) throws(JSONError) {
        try open(UInt8(ascii: "{"), "“{”")
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
        try open(UInt8(ascii: "["), "“[”")
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
    public mutating func number() throws(JSONError) -> String {
        skipWhitespace()
        let start = index
        _ = try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Steps over a number, checking it against the RFC 8259 grammar; returns whether it is
    /// written as an integer (no fraction, no exponent).
    mutating func scanNumber() throws(JSONError) -> Bool {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("无效的值 (invalid value)") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var integer = true
        if current == UInt8(ascii: ".") {
            index += 1
            guard let c = current, isDigit(c) else { throw error("小数点后应为数字 (digit expected after '.')") }
            skipDigits()
            integer = false
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let c = current, isDigit(c) else { throw error("指数应为数字 (digit expected in exponent)") }
            skipDigits()
            integer = false
        }
        return integer
    }

    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(c)
    }

    mutating func skipDigits() {
        while let c = current, isDigit(c) { index += 1 }
    }
}

/// A type that reads itself from JSON with a `JSONReader`, field by field.
public protocol JSONReadable {
    init(reading reader: inout JSONReader) throws(JSONError)
}
