/// An array of the tape, read element by element; an array its type does not read to the end
/// is an error.
struct ArrayContainer: UnkeyedDecodingContainer {
    let tape: Tape
    /// Tape indices of the next element and of the end, and of the array itself, with the
    /// element count so far: small enough that the container is never boxed.
    private var position: UInt32
    private let end: UInt32
    private let array: UInt32
    private var index: UInt32 = 0

    init(tape: Tape, array: Int) {
        self.tape = tape
        self.array = UInt32(truncatingIfNeeded: array)
        position = UInt32(truncatingIfNeeded: array + 1)
        end = tape.nodes[array].end
    }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { Int(tape.nodes[Int(array)].aux) }
    var currentIndex: Int { Int(index) }

    var isAtEnd: Bool {
        guard position == end else { return false }
        tape.nodes[Int(array)].flags |= Node.read
        return true
    }

    /// The next element's tape index, stepping past it.
    private mutating func next() throws(JSONError) -> Int {
        guard position != end else {
            throw JSONError(offset: Int(tape.nodes[Int(array)].start), problem: "数组元素不够 (array has too few elements)")
        }
        let i = Int(position)
        position = UInt32(truncatingIfNeeded: tape.after(i))
        index += 1
        if position == end { tape.nodes[Int(array)].flags |= Node.read }
        return i
    }

    mutating func decodeNil() throws -> Bool {
        guard position != end else { _ = try next(); return false }
        guard tape.nodes[Int(position)].kind == .null else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: next()) }
    mutating func decode(_ type: String.Type) throws -> String { try tape.string(at: next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try tape.floatingPoint(Double.self, at: next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try tape.floatingPoint(Float.self, at: next()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try tape.int(at: next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(Int8.self, at: next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(Int16.self, at: next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(Int32.self, at: next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try tape.integer(Int64.self, at: next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(UInt.self, at: next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(UInt8.self, at: next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(UInt16.self, at: next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(UInt32.self, at: next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(UInt64.self, at: next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try tape.decode(T.self, at: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder.opened(tape, next()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try NodeDecoder.opened(tape, next()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { NodeDecoder.opened(tape, try next()) }
}
