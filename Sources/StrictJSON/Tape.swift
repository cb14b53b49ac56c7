/// What the decoders of one text share: the text, its tape, the decoder's `userInfo`.
struct TapeState {
    var bytes: UnsafeBufferPointer<UInt8>
    var nodes: UnsafeMutablePointer<Node>
    var userInfo: [CodingUserInfoKey: Any]
    /// Objects and arrays opened through nested containers or super decoders, to be checked for
    /// unread members when the value around them is done.
    var opened: [Int] = []
}

/// One JSON text read onto a tape, as the types decoding it see it: values by tape index,
/// members found by key, scalars read strictly.
///
/// A pointer to state its `StrictDecoder` owns, valid for one `decode` call, as are the bytes
/// it reads; the decoders and containers that carry it (one word, no reference counting on
/// every member read) must not outlive that call, so a type must not keep them past its
/// `init(from:)`.
struct Tape {
    let state: UnsafeMutablePointer<TapeState>

    var bytes: UnsafeBufferPointer<UInt8> { state.pointee.bytes }
    var nodes: UnsafeMutablePointer<Node> { state.pointee.nodes }
    var userInfo: [CodingUserInfoKey: Any] { state.pointee.userInfo }

    /// The tape index just past the value at `i`.
    @inline(__always)
    func after(_ i: Int) -> Int {
        let node = nodes[i]
        return node.isContainer ? Int(node.end) : i + 1
    }

    // MARK: Values

    /// Decodes the value at `i` as a `T`, then refuses members `T` never asked for.
    func decode<T: Decodable>(_ type: T.Type, at i: Int) throws -> T {
        if T.self == String.self { return try string(at: i) as! T }
        if T.self == Int.self { return try int(at: i) as! T }
        if T.self == Bool.self { return try bool(at: i) as! T }
        let value: T
        let mark = state.pointee.opened.count
        do {
            value = try T(from: NodeDecoder(tape: self, index: i))
        } catch let error as JSONError {
            throw error
        } catch {
            throw failure(error, at: i)
        }
        try checkRead(i)
        while state.pointee.opened.count > mark { try checkRead(state.pointee.opened.removeLast()) }
        return value
    }

    /// Refuses an object with a member nobody asked for, or an array not read to its end.
    func checkRead(_ i: Int) throws(JSONError) {
        let node = nodes[i]
        switch node.kind {
        case .object:
            var k = i + 1
            let end = Int(node.end)
            while k < end {
                let key = nodes[k]
                guard key.has(Node.read) else {
                    throw JSONError(offset: Int(key.start), problem: "未知字段 \"\(key.string(in: bytes))\" (unknown field)")
                }
                k = after(k + 1)
            }
        case .array where node.aux > 0 && !node.has(Node.read):
            throw JSONError(offset: Int(node.start), problem: "数组中有未读取的元素 (array elements left unread)")
        default:
            break
        }
    }

    // MARK: Members

    /// The value of `object`'s member named `name`, marking the member as read; nil when absent.
    func member(_ object: Int, _ name: String) -> Int? {
        if let found = name.utf8.withContiguousStorageIfAvailable({ find(object, $0) }) { return found }
        return Array(name.utf8).withUnsafeBufferPointer { find(object, $0) }
    }

    /// Looks for the member starting after the one found last: types ask in a steady order.
    private func find(_ object: Int, _ name: UnsafeBufferPointer<UInt8>) -> Int? {
        let end = Int(nodes[object].end)
        let first = object + 1
        guard first < end else { return nil }
        let hint = Int(nodes[object].aux)
        let start = hint > object && hint < end ? hint : first
        var k = start
        repeat {
            let next = after(k + 1)
            if keyEquals(nodes[k], name) {
                nodes[k].flags |= Node.read
                nodes[object].aux = UInt32(truncatingIfNeeded: next)
                return k + 1
            }
            k = next < end ? next : first
        } while k != start
        return nil
    }

    @inline(__always)
    private func keyEquals(_ key: Node, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if key.has(Node.escaped) { return key.string(in: bytes).utf8.elementsEqual(name) }
        let length = Int(key.end) - Int(key.start) - 1
        guard length == name.count else { return false }
        guard length > 0 else { return true }
        let a = bytes.baseAddress! + Int(key.start) + 1, b = name.baseAddress!
        for j in 0..<length where a[j] != b[j] { return false }
        return true
    }

    /// The keys of `object`, in order.
    func keys(of object: Int) -> [String] {
        var out: [String] = []
        var k = object + 1
        let end = Int(nodes[object].end)
        while k < end {
            out.append(nodes[k].string(in: bytes))
            k = after(k + 1)
        }
        return out
    }

    func missing(_ name: String, in object: Int) -> JSONError {
        JSONError(offset: Int(nodes[object].start), problem: "缺少字段 \"\(name)\" (missing field)")
    }
}
