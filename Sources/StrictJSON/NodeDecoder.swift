/// The `Decoder` a type decodes itself through: one value of the tape.
struct NodeDecoder: Decoder {
    let tape: Tape
    let index: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { tape.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.nodes[index].kind == .object else { throw tape.mismatch(index, "对象", "an object") }
        return KeyedDecodingContainer(ObjectContainer<Key>(tape: tape, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.nodes[index].kind == .array else { throw tape.mismatch(index, "数组", "an array") }
        return ArrayContainer(tape: tape, array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ValueContainer(tape: tape, index: index)
    }

    /// A decoder for the value at `i`, reached other than through `Tape.decode` (a nested
    /// container, a super decoder): its members are checked when the enclosing value is done.
    static func opened(_ tape: Tape, _ i: Int) -> NodeDecoder {
        tape.state.pointee.opened.append(i)
        return NodeDecoder(tape: tape, index: i)
    }
}

