/// Decodes synthesized `Decodable` types from JSON, strictly: what the type does not say is an
/// error, and every error names the byte where it was found.
///
/// - An object member the type never asks for is an unknown field; a required member that is
///   missing, or `null` where the type wants a value, is an error naming the field.
/// - No coercion: a string is not a number, `1.0` or `1e1` is not an `Int`, a number out of the
///   type's range is an error, only `true` and `false` are booleans.
/// - Duplicate keys (compared as strings), nesting deeper than `JSONReader.maximumDepth` and
///   anything RFC 8259 does not allow are errors, exactly as `JSONReader` reports them.
///
/// The text is read once into a tape of its values (offsets, kinds, where containers end); the
/// type then decodes from the tape, so strings are built only when asked for and an object's
/// members are found without a dictionary. Reuse one decoder for many texts (it keeps its
/// tape's storage); it is not for use from two threads at once.
///
/// `codingPath` is always empty: errors carry the byte offset instead.
public final class StrictDecoder {
    /// Values handed to the types being decoded (`Decoder.userInfo`).
    public var userInfo: [CodingUserInfoKey: Any] {
        didSet { state.pointee.userInfo = userInfo }
    }
    /// Member paths (object keys from the top) whose values are checked for JSON syntax only —
    /// not key uniqueness, not UTF-8 — and not decoded: a type asking for one gets an error, so
    /// the type must know (through `userInfo`) not to ask.
    public var skimmedPaths: [[String]] {
        didSet {
            precondition(skimmedPaths.count <= 64, "at most 64 skimmed paths")
            skims = skimmedPaths.map { $0.map { Array($0.utf8) } }
        }
    }

    private var skims: [[[UInt8]]]
    private let storage = NodeStorage()
    /// What the decoders of the text being decoded share; see `Tape`.
    private let state: UnsafeMutablePointer<TapeState>
    private var decoding = false

    public init(userInfo: [CodingUserInfoKey: Any] = [:], skimming skimmedPaths: [[String]] = []) {
        precondition(skimmedPaths.count <= 64, "at most 64 skimmed paths")
        self.userInfo = userInfo
        self.skimmedPaths = skimmedPaths
        skims = skimmedPaths.map { $0.map { Array($0.utf8) } }
        state = .allocate(capacity: 1)
        state.initialize(to: TapeState(bytes: UnsafeBufferPointer(start: nil, count: 0), nodes: storage.base, userInfo: userInfo))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Decodes one JSON text (whitespace around it allowed) as a `T`; offsets in errors count
    /// from the first byte of `bytes`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> T {
        // A type decoding JSON inside its own JSON with this decoder gets a decoder of its own.
        guard !decoding else { return try StrictDecoder(userInfo: userInfo, skimming: skimmedPaths).decode(T.self, from: bytes) }
        decoding = true
        defer {
            decoding = false
            state.pointee.opened.removeAll(keepingCapacity: true)
            storage.shrinkIfHuge()
        }
        var builder = TapeBuilder(bytes, storage: storage, skims: skims)
        _ = try builder.build()
        state.pointee.bytes = bytes
        state.pointee.nodes = storage.base
        let tape = Tape(state: state)
        do {
            return try tape.decode(T.self, at: 0)
        } catch let error as JSONError {
            throw error
        } catch {
            throw tape.failure(error, at: 0)
        }
    }

    /// Decodes one JSON text held in any collection of bytes.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws(JSONError) -> T {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer throws(JSONError) -> T in try decode(T.self, from: buffer) }
    }
}
