/// A single value of the tape (what a `RawRepresentable` enum or a wrapper decodes from).
struct ValueContainer: SingleValueDecodingContainer {
    let tape: Tape
    let index: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { tape.nodes[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try tape.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try tape.floatingPoint(Double.self, at: index) }
    func decode(_ type: Float.Type) throws -> Float { try tape.floatingPoint(Float.self, at: index) }
    func decode(_ type: Int.Type) throws -> Int { try tape.int(at: index) }
    func decode(_ type: Int8.Type) throws -> Int8 { try tape.integer(Int8.self, at: index) }
    func decode(_ type: Int16.Type) throws -> Int16 { try tape.integer(Int16.self, at: index) }
    func decode(_ type: Int32.Type) throws -> Int32 { try tape.integer(Int32.self, at: index) }
    func decode(_ type: Int64.Type) throws -> Int64 { try tape.integer(Int64.self, at: index) }
    func decode(_ type: UInt.Type) throws -> UInt { try tape.integer(UInt.self, at: index) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try tape.integer(UInt8.self, at: index) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try tape.integer(UInt16.self, at: index) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try tape.integer(UInt32.self, at: index) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try tape.integer(UInt64.self, at: index) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try tape.decode(T.self, at: index) }
}
