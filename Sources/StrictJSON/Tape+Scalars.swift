/// Scalars read off the tape, without coercion: each kind of value is only itself.
extension Tape {
    func string(at i: Int) throws(JSONError) -> String {
        let node = nodes[i]
        guard node.kind == .string else { throw mismatch(i, "字符串", "a string") }
        return node.string(in: bytes)
    }

    func bool(at i: Int) throws(JSONError) -> Bool {
        switch nodes[i].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(i, " true 或 false", "a boolean")
        }
    }

    /// An `Int` written as an integer (no fraction, no exponent) within range.
    func int(at i: Int) throws(JSONError) -> Int {
        let node = nodes[i]
        guard node.kind == .number, node.has(Node.integer) else { throw mismatch(i, "整数", "an integer") }
        var p = Int(node.start)
        let end = Int(node.end)
        let negative = bytes[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        var value = 0
        while p < end {
            let digit = Int(bytes[p] &- UInt8(ascii: "0"))
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !o1 && !o2 else { throw outOfRange(i, "Int") }
            value = next
            p += 1
        }
        return value
    }

    /// Any other fixed-width integer, written as an integer within the type's range.
    func integer<T: FixedWidthInteger>(_ type: T.Type, at i: Int) throws(JSONError) -> T {
        let node = nodes[i]
        guard node.kind == .number, node.has(Node.integer) else { throw mismatch(i, "整数", "an integer") }
        guard let value = T(text(i), radix: 10) else { throw outOfRange(i, "\(T.self)") }
        return value
    }

    /// A floating-point number; integers are numbers too, but a value beyond the type's range is
    /// an error rather than infinity.
    func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type, at i: Int) throws(JSONError) -> T {
        guard nodes[i].kind == .number else { throw mismatch(i, "数字", "a number") }
        guard let value = T(text(i)), value.isFinite else { throw outOfRange(i, "\(T.self)") }
        return value
    }

    /// The JSON text of the value at `i`, shortened for messages.
    func text(_ i: Int, limit: Int = 64) -> String {
        let node = nodes[i]
        switch node.kind {
        case .object: return "{…}"
        case .array: return "[…]"
        default:
            let start = Int(node.start)
            let end = node.kind == .string ? Int(node.end) + 1 : Int(node.end)
            let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(end, start + limit)]), as: UTF8.self)
            return end - start > limit ? shown + "…" : shown
        }
    }

    func mismatch(_ i: Int, _ chinese: String, _ english: String) -> JSONError {
        let node = nodes[i]
        let problem = switch node.kind {
        case .null: "此处应为\(chinese)，不能为 null (expected \(english), got null)"
        case .skimmed: "此处应为\(chinese)，但此值只检查了语法、未经解码 (expected \(english); the value was skimmed, not decoded)"
        default: "此处应为\(chinese) (expected \(english)), got \(text(i))"
        }
        return JSONError(offset: Int(node.start), problem: problem)
    }

    func outOfRange(_ i: Int, _ type: String) -> JSONError {
        JSONError(offset: Int(nodes[i].start), problem: "数值超出 \(type) 的范围 (number out of range for \(type)): \(text(i))")
    }
}
