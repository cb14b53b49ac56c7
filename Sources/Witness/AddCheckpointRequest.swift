import Journal

/// The body of `POST <prefix>/add-checkpoint` (c2sp.org/tlog-witness): the size the client
/// believes the witness last cosigned, a consistency proof from that size, and the new signed
/// checkpoint.
///
///     old 20852014
///     PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
///     jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
///
///     example.com/behind-the-sofa
///     20852163
///     CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
///
///     — example.com/behind-the-sofa Az3grlgt…
///
/// Parsing checks syntax only; what the proof and the signatures are worth is the witness's
/// to decide (``WitnessService``).
public struct AddCheckpointRequest: Sendable {
    /// The size of the checkpoint the client believes the witness last cosigned (0: none).
    public let oldSize: UInt64
    /// The RFC 6962 §2.1.2 consistency proof from `oldSize` to the checkpoint's size.
    public let proof: [TreeHash]
    /// The new checkpoint with the log's signature(s), bytes as received.
    public let checkpoint: SignedCheckpoint

    /// More proof lines than this are refused (the specification's limit).
    public static let maximumProofLines = 63

    /// A request from its parts; more than ``maximumProofLines`` hashes are refused.
    public init(oldSize: UInt64, proof: [TreeHash], checkpoint: SignedCheckpoint) throws(AddCheckpointError) {
        guard proof.count <= Self.maximumProofLines else { throw .tooManyProofLines(limit: Self.maximumProofLines) }
        self.oldSize = oldSize
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// Parses a request body strictly.
    ///
    /// Rejected: a first line that is not `old <size>` with a canonical decimal size (no sign,
    /// no leading zero, at most 2^64 − 1); a header line without its newline (a truncated
    /// body); a control character (CR included) in a header line; a proof line that is not the
    /// canonical padded base64 of 32 bytes; more than 63 proof lines; a checkpoint that is not
    /// a well-formed signed note with a well-formed checkpoint text.
    ///
    /// - Complexity: O(*n*) in the body length.
    public init(parsing body: [UInt8]) throws(AddCheckpointError) {
        var start = 0
        var number = 0
        /// The next header line, without its newline.
        func nextLine() throws(AddCheckpointError) -> ArraySlice<UInt8> {
            number += 1
            guard let end = body[start...].firstIndex(of: 0x0A) else { throw .unterminatedLine(line: number) }
            let line = body[start..<end]
            if line.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw .controlCharacter(line: number) }
            start = end + 1
            return line
        }
        let first = try nextLine()
        let prefix = Array("old ".utf8)
        guard first.starts(with: prefix) else { throw .missingOldLine }
        guard let oldSize = Decimal.canonical(first.dropFirst(prefix.count)) else { throw .oldSizeNotCanonical }
        var proof: [TreeHash] = []
        while true {
            let line = try nextLine()
            if line.isEmpty { break }
            guard proof.count < Self.maximumProofLines else { throw .tooManyProofLines(limit: Self.maximumProofLines) }
            // TreeHash's base64 is strict: canonical, padded, exactly 32 bytes.
            guard let text = String(validating: line, as: UTF8.self), let hash = TreeHash(base64: text) else {
                throw .proofLineNotHash(line: number)
            }
            proof.append(hash)
        }
        guard start < body.count else { throw .missingCheckpoint }
        do {
            checkpoint = try SignedCheckpoint(parsing: Array(body[start...]))
        } catch {
            throw .checkpoint(error)
        }
        self.oldSize = oldSize
        self.proof = proof
    }

    /// The request body, byte for byte: `old` line, proof lines, empty line, signed checkpoint.
    public var body: [UInt8] {
        var out = Array("old \(oldSize)\n".utf8)
        for hash in proof { out += Array("\(hash.base64)\n".utf8) }
        out.append(0x0A)
        return out + checkpoint.bytes
    }
}

/// Why an add-checkpoint body could not be parsed; the witness answers 400 Bad Request.
public enum AddCheckpointError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingOldLine
    case oldSizeNotCanonical
    case unterminatedLine(line: Int)
    case controlCharacter(line: Int)
    case proofLineNotHash(line: Int)
    case tooManyProofLines(limit: Int)
    case missingCheckpoint
    case checkpoint(CheckpointError)

    public var description: String {
        let what = switch self {
        case .missingOldLine:
            "第一行应为 “old <大小>” (the first line must be `old <size>`)"
        case .oldSizeNotCanonical:
            "old 后的大小不是规范的十进制数 (the old size is not a canonical decimal number)"
        case .unterminatedLine(let line):
            "第 \(line) 行没有换行符，请求可能被截断 (line \(line) has no newline; the body may be truncated)"
        case .controlCharacter(let line):
            "第 \(line) 行含控制字符 (control character on line \(line))"
        case .proofLineNotHash(let line):
            "第 \(line) 行不是 32 字节哈希的规范 base64 (line \(line) is not the canonical base64 of a 32-byte hash)"
        case .tooManyProofLines(let limit):
            "一致性证明超过 \(limit) 行 (more than \(limit) consistency proof lines)"
        case .missingCheckpoint:
            "空行之后没有检查点 (no checkpoint after the empty line)"
        case .checkpoint(let error):
            "\(error)"
        }
        return "add-checkpoint 请求 (request): \(what)"
    }
}
