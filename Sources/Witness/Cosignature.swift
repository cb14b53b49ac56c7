import TextFormats
import Journal

/// One Ed25519 cosignature on a checkpoint (c2sp.org/tlog-cosignature, `cosignature/v1`).
///
/// On the wire it is a note signature line
/// `— <name> base64(key ID ‖ u64 big-endian timestamp ‖ Ed25519 signature)`; the signature is
/// over ``message(timestamp:checkpointText:)``. A value of this type is only syntax: it means
/// nothing until a ``CosignatureVerifier`` for a trusted witness accepts it.
public struct Cosignature: Sendable, Hashable {
    /// The witness's key name.
    public let name: String
    /// `SHA-256(name ‖ "\n" ‖ 0x04 ‖ 32-byte public key)[:4]`, big-endian.
    public let keyID: UInt32
    /// When the witness cosigned, in seconds since the Epoch (at most 2^63 − 1).
    public let timestamp: UInt64
    /// The 64-byte Ed25519 signature.
    public let signature: [UInt8]

    /// The largest timestamp the specification allows.
    public static let maximumTimestamp = UInt64(Int64.max)

    /// A cosignature from its parts, checked: a valid key name, a timestamp within range and a
    /// 64-byte signature.
    public init(name: String, keyID: UInt32, timestamp: UInt64, signature: [UInt8]) throws(CosignatureError) {
        guard SignedNote.isValidKeyName(name) else { throw .invalidKeyName(name) }
        guard timestamp <= Self.maximumTimestamp else { throw .timestampTooLarge(timestamp) }
        guard signature.count == 64 else { throw .wrongLength(count: 4 + 8 + signature.count) }
        self.name = name
        self.keyID = keyID
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Reads a note signature (already parsed by `SignedNote`) as a cosignature: its signature
    /// bytes must be exactly the timestamp and an Ed25519 signature.
    public init(_ note: NoteSignature) throws(CosignatureError) {
        guard note.signature.count == 8 + 64 else { throw .wrongLength(count: 4 + note.signature.count) }
        let timestamp = note.signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        try self.init(name: note.name, keyID: note.keyID, timestamp: timestamp, signature: Array(note.signature.dropFirst(8)))
    }

    /// Parses one signature line, `— <name> <base64>` and its final newline, strictly (the
    /// signed-note rules: canonical base64, a valid key name, nothing else on the line).
    public init(parsingLine line: some Collection<UInt8>) throws(CosignatureError) {
        let bytes = Array(line)
        guard bytes.last == 0x0A, bytes.dropLast().firstIndex(of: 0x0A) == nil else { throw .notOneLine }
        // The note parser checks a signature line in context: give it a one-line text.
        let note: SignedNote
        do {
            note = try SignedNote(parsing: Array("cosignature\n\n".utf8) + bytes)
        } catch {
            throw .malformedLine(error.description)
        }
        try self.init(note.signatures[0])
    }

    /// The bytes after the key ID: the timestamp, big-endian, then the signature.
    public var timestampedSignature: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: timestamp >> (56 - 8 * $0)) } + signature
    }

    /// The note signature line, newline included: `— <name> base64(keyID ‖ timestamp ‖ signature)\n`.
    public var line: String {
        let keyIDBytes = (0..<4).map { UInt8(truncatingIfNeeded: keyID >> (24 - 8 * $0)) }
        return "— \(name) \(Base64.encode(keyIDBytes + timestampedSignature))\n"
    }

    /// The message a `cosignature/v1` signs: `cosignature/v1\ntime <timestamp>\n` followed by the
    /// whole checkpoint note text, final newline included, signature lines excluded.
    public static func message(timestamp: UInt64, checkpointText: some Collection<UInt8>) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + Array(checkpointText)
    }
}

extension NoteSignatureType {
    /// `0x04`: an Ed25519 `cosignature/v1` (c2sp.org/tlog-cosignature).
    public static let cosignatureV1 = NoteSignatureType(identifier: [0x04])
}

/// Why a cosignature could not be formed or read.
public enum CosignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidKeyName(String)
    case timestampTooLarge(UInt64)
    case wrongLength(count: Int)
    case notOneLine
    case malformedLine(String)
    case signingFailed(String)

    public var description: String {
        let what = switch self {
        case .invalidKeyName(let name):
            "密钥名 “\(name)” 为空或含空格、加号 (key name “\(name)” is empty or holds a space or `+`)"
        case .timestampTooLarge(let t):
            "时间戳 \(t) 超过 2^63−1 (timestamp \(t) exceeds 2^63−1)"
        case .wrongLength(let count):
            "签名为 \(count) 字节，应为 4+8+64 字节 (signature is \(count) bytes, not 4+8+64)"
        case .notOneLine:
            "不是以换行结尾的单独一行 (not a single line ending in a newline)"
        case .malformedLine(let reason):
            "签名行格式错误 (malformed signature line): \(reason)"
        case .signingFailed(let reason):
            "签名失败 (signing failed): \(reason)"
        }
        return "见证签名 (cosignature): \(what)"
    }
}
