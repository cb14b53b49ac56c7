/// An object of the tape, its members found by key; a member the type never asks for (by
/// `decode`, `decodeIfPresent`, `decodeNil` or `contains`) is an unknown field.
struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: Tape
    let object: Int

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { tape.keys(of: object).compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { tape.member(object, key.stringValue) != nil }

    /// The member's value; a missing member is an error naming it.
    private func value(_ key: Key) throws(JSONError) -> Int {
        guard let i = tape.member(object, key.stringValue) else { throw tape.missing(key.stringValue, in: object) }
        return i
    }

    /// The member's value, or nil when it is absent or null.
    private func present(_ key: Key) -> Int? {
        guard let i = tape.member(object, key.stringValue), tape.nodes[i].kind != .null else { return nil }
        return i
    }

    func decodeNil(forKey key: Key) throws -> Bool { tape.nodes[try value(key)].kind == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try tape.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try tape.floatingPoint(Double.self, at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try tape.floatingPoint(Float.self, at: value(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try tape.int(at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try tape.integer(Int8.self, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try tape.integer(Int16.self, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try tape.integer(Int32.self, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try tape.integer(Int64.self, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try tape.integer(UInt.self, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try tape.integer(UInt8.self, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try tape.integer(UInt16.self, at: value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try tape.integer(UInt32.self, at: value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try tape.integer(UInt64.self, at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try tape.decode(T.self, at: value(key)) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { i throws(JSONError) in try tape.bool(at: i) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { i throws(JSONError) in try tape.string(at: i) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { i throws(JSONError) in try tape.int(at: i) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let i = present(key) else { return nil }
        return try tape.decode(T.self, at: i)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder.opened(tape, value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder.opened(tape, value(key)).unkeyedContainer()
    }

    /// The decoder of the member `super`, where a class's superclass keeps its fields.
    func superDecoder() throws -> any Decoder {
        guard let i = tape.member(object, "super") else { throw tape.missing("super", in: object) }
        return NodeDecoder.opened(tape, i)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder.opened(tape, try value(key)) }
}
