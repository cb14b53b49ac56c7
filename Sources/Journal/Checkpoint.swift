import TextFormats

/// A transparency-log checkpoint (c2sp.org/tlog-checkpoint): the journal's origin, tree size
/// and root, as the text of a signed note.
///
///     pingshen.example/2025-评审-07
///     1234
///     qz8Cj0gH7zE2E8b3lDkB0m0rVfQ3m2Y7z5x9b1bQq4s=
///
/// The session key signs one at meeting open, at each round open and close, and at meeting
/// close (SPEC.md §2). `text` is the exact byte form that is signed and verified.
public struct Checkpoint: Sendable, Hashable {
    /// Identifies the log: first line, non-empty.
    public let origin: String
    /// Number of journal entries covered: second line, canonical decimal.
    public let size: UInt64
    /// Merkle tree root of those entries: third line, base64 of 32 bytes.
    public let root: TreeHash
    /// Optional further lines, each non-empty (C2SP does not recommend them).
    public let extensions: [String]
    /// The note text: the lines above, each ending in a newline — as parsed, or as formatted.
    public let text: [UInt8]

    /// A checkpoint for `size` entries with root `root`.
    ///
    /// - Throws: `CheckpointError` if `origin` or an extension line is empty or holds a newline
    ///   or another control character.
    public init(origin: String, size: UInt64, root: TreeHash, extensions: [String] = []) throws(CheckpointError) {
        for (i, line) in ([origin] + extensions).enumerated() {
            guard !line.isEmpty else { throw .emptyLine(line: i == 0 ? 1 : i + 3) }
            guard !line.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw .controlCharacter(line: i == 0 ? 1 : i + 3)
            }
        }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensions = extensions
        var text = Array(origin.utf8) + [0x0A] + Array(String(size).utf8) + [0x0A] + Base64.encodedBytes(root.bytes) + [0x0A]
        for line in extensions { text += Array(line.utf8) + [0x0A] }
        self.text = text
    }

    /// Parses a checkpoint's note text strictly.
    ///
    /// Rejected: invalid UTF-8 or control characters; a text not ending in a newline; fewer
    /// than three lines; an empty line; a size that is not canonical decimal (no sign, no
    /// leading zero, at most `UInt64.max`); a root that is not canonical base64 or not 32 bytes.
    ///
    /// - Complexity: O(*n*) in the text length.
    public init(parsing text: [UInt8]) throws(CheckpointError) {
        if text.contains(where: { $0 < 0x20 && $0 != 0x0A }) {
            throw .controlCharacter(line: text.prefix { $0 >= 0x20 || $0 == 0x0A }.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
        guard String(validating: text, as: UTF8.self) != nil else { throw .notUTF8 }
        guard text.last == 0x0A else { throw .missingFinalNewline }
        let lines = text.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw .tooFewLines(count: lines.count) }
        if let empty = lines.firstIndex(where: \.isEmpty) { throw .emptyLine(line: empty + 1) }
        guard let size = Self.canonicalDecimal(lines[1]) else { throw .sizeNotCanonical }
        guard let rootBytes = Base64.decode(lines[2]) else { throw .rootNotBase64 }
        guard let root = TreeHash(rootBytes) else { throw .rootWrongLength(count: rootBytes.count) }
        self.origin = String(decoding: lines[0], as: UTF8.self)
        self.size = size
        self.root = root
        self.extensions = lines.dropFirst(3).map { String(decoding: $0, as: UTF8.self) }
        self.text = text
    }

    /// The value of `digits` if it is `0` or a digit 1-9 followed by digits, within `UInt64`.
    static func canonicalDecimal(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard let first = digits.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        if first == UInt8(ascii: "0") { return digits.count == 1 ? 0 : nil }
        var value: UInt64 = 0
        for c in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            guard !o1 && !o2 else { return nil }
            value = sum
        }
        return value
    }
}

/// A checkpoint together with the signed note that carries it.
///
/// Parse with `init(parsing:)`, then `verify(with:)`: until the note is accepted, nothing in
/// `checkpoint` may be believed (C2SP: the text MUST be ignored unless signed by a trusted key).
public struct SignedCheckpoint: Sendable {
    /// The checkpoint, parsed from `note.text`.
    public let checkpoint: Checkpoint
    /// The signed note, bytes as read or produced.
    public let note: SignedNote

    /// Parses a signed checkpoint: the note syntax, then the checkpoint text.
    ///
    /// - Throws: `CheckpointError.note` for note syntax errors, other cases for the text.
    public init(parsing bytes: [UInt8]) throws(CheckpointError) {
        let note: SignedNote
        do {
            note = try SignedNote(parsing: bytes)
        } catch {
            throw .note(error)
        }
        self.checkpoint = try Checkpoint(parsing: note.text)
        self.note = note
    }

    /// Signs `checkpoint.text` with each of `signers`.
    public init(_ checkpoint: Checkpoint, signedBy signers: [any NoteSigner]) throws(CheckpointError) {
        do {
            note = try SignedNote(text: checkpoint.text, signedBy: signers)
        } catch {
            throw .note(error)
        }
        self.checkpoint = checkpoint
    }

    private init(checkpoint: Checkpoint, note: SignedNote) {
        self.checkpoint = checkpoint
        self.note = note
    }

    /// This checkpoint with one more signature (the secretary's cosignature), every existing
    /// byte kept.
    public func cosigned(by signer: any NoteSigner) throws(CheckpointError) -> SignedCheckpoint {
        do {
            return SignedCheckpoint(checkpoint: checkpoint, note: try note.cosigned(by: signer))
        } catch {
            throw .note(error)
        }
    }

    /// Checks every signature against the trusted `verifiers`; see `SignedNote.verify(with:)`.
    public func verify(with verifiers: [any NoteVerifier]) -> NoteVerification {
        note.verify(with: verifiers)
    }

    /// The whole signed checkpoint, byte for byte.
    public var bytes: [UInt8] { note.bytes }
}

/// Why a checkpoint could not be parsed or formed.
public enum CheckpointError: Error, Sendable, Hashable, CustomStringConvertible {
    case note(NoteError)
    case notUTF8
    case controlCharacter(line: Int)
    case missingFinalNewline
    case tooFewLines(count: Int)
    case emptyLine(line: Int)
    case sizeNotCanonical
    case rootNotBase64
    case rootWrongLength(count: Int)

    public var description: String {
        if case .note(let error) = self { return "检查点 (checkpoint): \(error)" }
        let what = switch self {
        case .note: ""
        case .notUTF8:
            "不是有效的 UTF-8 (not valid UTF-8)"
        case .controlCharacter(let line):
            "第 \(line) 行含控制字符 (control character on line \(line))"
        case .missingFinalNewline:
            "正文不以换行符结尾 (text does not end in a newline)"
        case .tooFewLines(let count):
            "只有 \(count) 行，至少需要来源、大小、根三行 (\(count) lines; origin, size and root are required)"
        case .emptyLine(let line):
            "第 \(line) 行为空 (line \(line) is empty)"
        case .sizeNotCanonical:
            "树大小不是规范的十进制数 (tree size is not a canonical decimal number)"
        case .rootNotBase64:
            "根哈希不是规范的 base64 (root hash is not canonical base64)"
        case .rootWrongLength(let count):
            "根哈希为 \(count) 字节，应为 32 字节 (root hash is \(count) bytes, not 32)"
        }
        return "检查点 (checkpoint): \(what)"
    }
}
