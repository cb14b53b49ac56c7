/// Reads a JSON text once, checking it exactly as `JSONReader` does (same errors at the same
/// bytes), and records its values on a tape for `StrictDecoder` to decode from.
///
/// Nothing is built but the tape: strings stay bytes in the text until a type asks for them.
/// Values at a skimmed path are checked for syntax only and recorded as one `skimmed` node.
struct TapeBuilder: ~Copyable {
    var r: JSONReader
    let storage: NodeStorage
    var nodes: UnsafeMutablePointer<Node>
    var capacity: Int
    var count = 0
    /// Member paths whose values are skimmed, as UTF-8 keys (at most 64 paths).
    let skims: [[[UInt8]]]
    /// Fingerprints and tape indices of the keys of the objects being read, innermost last.
    var keys: UnsafeMutablePointer<KeyEntry>
    var keyCapacity: Int
    var keyCount = 0

    /// Marks a key that is not plain ASCII: compared as a `String`, never by fingerprint.
    static let slowKey = UInt64.max
    /// Keys an object may have before duplicates are found through a set instead of a scan.
    static let scannedKeys = 16

    init(_ bytes: UnsafeBufferPointer<UInt8>, storage: NodeStorage, skims: [[[UInt8]]]) {
        r = JSONReader(bytes)
        self.storage = storage
        nodes = storage.base
        capacity = storage.capacity
        keys = storage.keys
        keyCapacity = storage.keyCapacity
        self.skims = skims
    }

    /// Reads the whole text; returns the number of nodes on the tape.
    mutating func build() throws(JSONError) -> Int {
        guard r.bytes.count < Int(UInt32.max) else { throw JSONError(offset: 0, problem: "文本超过 4 GiB (text longer than 4 GiB)") }
        let all: UInt64 = skims.isEmpty ? 0 : skims.count >= 64 ? .max : (1 << skims.count) - 1
        try value(paths: all, level: 0)
        try r.finish()
        return count
    }

    @inline(__always)
    @discardableResult
    mutating func append(_ node: Node) -> Int {
        if count == capacity {
            storage.grow(keeping: count, toHold: count + 1)
            nodes = storage.base
            capacity = storage.capacity
        }
        (nodes + count).initialize(to: node)
        count += 1
        return count - 1
    }

    /// Reads one value; `paths` are the skimmed paths whose first `level` keys led here.
    mutating func value(paths: UInt64, level: Int) throws(JSONError) {
        r.skipWhitespace()
        let start = r.index
        switch r.current {
        case UInt8(ascii: "{")?: try object(paths: paths, level: level)
        case UInt8(ascii: "[")?: try array()
        case UInt8(ascii: "\"")?: _ = try string()
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?:
            let b = try r.bool()
            append(Node(start: start, end: r.index, kind: b ? .true : .false))
        case UInt8(ascii: "n")?:
            try r.literal("null")
            append(Node(start: start, end: r.index, kind: .null))
        default:
            let integer = try r.scanNumber()
            append(Node(start: start, end: r.index, kind: .number, flags: integer ? Node.integer : 0))
        }
    }

    mutating func object(paths: UInt64, level: Int) throws(JSONError) {
        let start = r.index
        try r.open(UInt8(ascii: "{"), "“{”")
        let object = append(Node(start: start, end: 0, kind: .object))
        r.skipWhitespace()
        if r.current == UInt8(ascii: "}") {
            r.index += 1
            r.depth -= 1
            nodes[object].end = UInt32(count)
            return
        }
        let firstKey = keyCount
        defer { keyCount = firstKey }
        var large: Set<String>?
        while true {
            r.skipWhitespace()
            guard r.current == UInt8(ascii: "\"") else { throw r.error("此处应为字符串键 (expected a string key)") }
            let key = try string()
            try refuseDuplicate(key, firstKey: firstKey, large: &large)
            try r.expect(UInt8(ascii: ":"), "“:”")
            r.skipWhitespace()
            let (next, skim) = paths == 0 ? (0, false) : match(key, paths: paths, level: level)
            if skim {
                let valueStart = r.index
                try r.skimValue()
                append(Node(start: valueStart, end: r.index, kind: .skimmed))
            } else {
                try value(paths: next, level: level + 1)
            }
            r.skipWhitespace()
            switch r.current {
            case UInt8(ascii: ","): r.index += 1
            case UInt8(ascii: "}"):
                r.index += 1
                r.depth -= 1
                nodes[object].end = UInt32(count)
                return
            default: throw r.error("应为“,”或“}” (expected ',' or '}')")
            }
        }
    }

    mutating func array() throws(JSONError) {
        let start = r.index
        try r.open(UInt8(ascii: "["), "“[”")
        let array = append(Node(start: start, end: 0, kind: .array))
        r.skipWhitespace()
        var elements: UInt32 = 0
        if r.current != UInt8(ascii: "]") {
            elements: while true {
                try value(paths: 0, level: 0)
                elements += 1
                r.skipWhitespace()
                switch r.current {
                case UInt8(ascii: ","): r.index += 1
                case UInt8(ascii: "]"): break elements
                default: throw r.error("应为“,”或“]” (expected ',' or ']')")
                }
            }
        }
        r.index += 1
        r.depth -= 1
        nodes[array].end = UInt32(count)
        nodes[array].aux = elements
    }

    /// Reads a string, checking it as `JSONReader.string()` does without building it; returns
    /// its node.
    mutating func string() throws(JSONError) -> Int {
        let start = r.index
        let bytes = r.bytes
        let base = bytes.baseAddress!
        let n = bytes.count
        var i = start + 1
        var high: UInt64 = 0
        // Eight bytes at a time while none is a quote, a backslash or a control character.
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let q = x ^ 0x2222_2222_2222_2222, b = x ^ 0x5C5C_5C5C_5C5C_5C5C
            let ones: UInt64 = 0x0101_0101_0101_0101
            let special = ((q &- ones) & ~q) | ((b &- ones) & ~b) | ((x &- 0x2020_2020_2020_2020) & ~x)
            if special & 0x8080_8080_8080_8080 != 0 { break }
            high |= x
            i += 8
        }
        while i < n {
            let c = base[i]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                let end = try escapedString(from: start)
                return append(Node(start: start, end: end, kind: .string, flags: Node.escaped | Node.nonASCII))
            }
            if c < 0x20 {
                r.index = i
                throw r.error("字符串中有控制字符 (control character in string)")
            }
            high |= UInt64(c)
            i += 1
        }
        guard i < n else {
            r.index = n
            throw r.error("字符串未结束 (unterminated string)")
        }
        let nonASCII = high & 0x8080_8080_8080_8080 != 0
        if nonASCII && !UTF8Check.isValid(UnsafeBufferPointer(start: base + start + 1, count: i - start - 1)) {
            throw JSONError(offset: start + 1, problem: "无效的 UTF-8 (invalid UTF-8)")
        }
        r.index = i + 1
        return append(Node(start: start, end: i, kind: .string, flags: nonASCII ? Node.nonASCII : 0))
    }
}
