/// One value of a JSON text as the tape records it: where it is, what kind it is, and for
/// objects and arrays where the values inside end.
///
/// The tape lists a text's values in document order; an object's members are its key (a
/// string node) followed by its value, an array's elements follow it directly. Offsets are
/// 0-based bytes into the text.
struct Node {
    enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null
        /// A value checked for syntax only (`StrictDecoder`'s skimmed paths) and not recorded.
        case skimmed
    }

    /// Offset of the value's first byte (the quote of a string, the bracket of an object).
    var start: UInt32
    /// Objects and arrays: the tape index just past their last value. Strings: the offset of
    /// the closing quote. Numbers, literals, skimmed values: the offset just past them.
    var end: UInt32
    /// Arrays: the number of elements. Objects: the tape index of the member a lookup should try
    /// first (the one after the member found last); 0 until then.
    var aux: UInt32 = 0
    var kind: Kind
    var flags: UInt8 = 0

    /// A string holding a backslash escape: its bytes are not its value.
    static let escaped: UInt8 = 1
    /// A number written as an integer (no fraction or exponent).
    static let integer: UInt8 = 2
    /// A key its object's type asked for; an array its type read to the end.
    static let read: UInt8 = 4
    /// A string holding bytes beyond ASCII.
    static let nonASCII: UInt8 = 8

    init(start: Int, end: Int, kind: Kind, flags: UInt8 = 0) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
        self.kind = kind
        self.flags = flags
    }

    var isContainer: Bool { kind == .object || kind == .array }
    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

/// A key of an object being read, for finding duplicates: a fingerprint of its bytes and its
/// tape index.
struct KeyEntry {
    var fingerprint: UInt64
    var node: Int
}

/// Growable storage for tape nodes and the keys of open objects, reused from one text to the
/// next.
final class NodeStorage {
    private(set) var base: UnsafeMutablePointer<Node>
    private(set) var capacity: Int
    private(set) var keys: UnsafeMutablePointer<KeyEntry>
    private(set) var keyCapacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        keyCapacity = 16
        keys = .allocate(capacity: keyCapacity)
    }

    deinit {
        base.deallocate()
        keys.deallocate()
    }

    /// Makes room for at least `needed` nodes, keeping the first `count`.
    func grow(keeping count: Int, toHold needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<Node>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Makes room for at least `needed` keys, keeping the first `count`.
    func growKeys(keeping count: Int, toHold needed: Int) {
        let newCapacity = Swift.max(needed, keyCapacity * 2)
        let newKeys = UnsafeMutablePointer<KeyEntry>.allocate(capacity: newCapacity)
        newKeys.moveInitialize(from: keys, count: count)
        keys.deallocate()
        keys = newKeys
        keyCapacity = newCapacity
    }

    /// Gives back memory a huge text needed, so a long-lived decoder does not keep it.
    func shrinkIfHuge() {
        guard capacity > 1 << 20 else { return }
        base.deallocate()
        capacity = 64
        base = .allocate(capacity: capacity)
    }
}

extension Node {
    /// The value of a string node, whose bytes were checked when the tape was built.
    func string(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        if has(Node.escaped) {
            var reader = JSONReader(bytes, from: Int(start))
            return (try? reader.string()) ?? ""
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start) + 1..<Int(end)]), as: UTF8.self)
    }

    /// The raw bytes between a string's quotes (its value unless `escaped`).
    func content(in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start) + 1..<Int(end)])
    }
}
