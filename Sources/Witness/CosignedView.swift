import Journal

/// The latest checkpoint a witness cosigned for one log: its size and root, when, and the
/// signed checkpoint as submitted.
///
/// Stored in the state folder as a small text file, the checkpoint's bytes kept exactly:
///
///     pingshen witness view v1
///     size 42
///     root qz8Cj0gH7zE2E8b3lDkB0m0rVfQ3m2Y7z5x9b1bQq4s=
///     time 1764115200
///
///     <the signed checkpoint note, byte for byte>
public struct CosignedView: Sendable, Equatable {
    /// The signed checkpoint as submitted.
    public let checkpoint: SignedCheckpoint
    /// When the witness cosigned it, in seconds since the Epoch.
    public let timestamp: UInt64

    /// The tree size cosigned.
    public var size: UInt64 { checkpoint.checkpoint.size }
    /// The root hash cosigned.
    public var root: TreeHash { checkpoint.checkpoint.root }
    /// The log's origin.
    public var origin: String { checkpoint.checkpoint.origin }

    public init(checkpoint: SignedCheckpoint, timestamp: UInt64) {
        self.checkpoint = checkpoint
        self.timestamp = timestamp
    }

    static let header = "pingshen witness view v1"

    /// The file's bytes.
    var fileBytes: [UInt8] {
        Array("\(Self.header)\nsize \(size)\nroot \(root.base64)\ntime \(timestamp)\n\n".utf8) + checkpoint.bytes
    }

    /// Reads a view file; nil unless every line is as written and the size and root lines agree
    /// with the checkpoint.
    init?(file bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while lines.count < 5 {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            lines.append(bytes[start..<end])
            start = end + 1
        }
        func value(_ line: ArraySlice<UInt8>, _ key: String) -> ArraySlice<UInt8>? {
            line.starts(with: Array("\(key) ".utf8)) ? line.dropFirst(key.utf8.count + 1) : nil
        }
        guard Array(lines[0]) == Array(Self.header.utf8), lines[4].isEmpty,
              let size = value(lines[1], "size").flatMap(Decimal.canonical),
              let root = value(lines[2], "root").flatMap({ TreeHash(base64: String(decoding: $0, as: UTF8.self)) }),
              let timestamp = value(lines[3], "time").flatMap(Decimal.canonical),
              let checkpoint = try? SignedCheckpoint(parsing: Array(bytes[start...])),
              checkpoint.checkpoint.size == size, checkpoint.checkpoint.root == root else { return nil }
        self.init(checkpoint: checkpoint, timestamp: timestamp)
    }

    public static func == (lhs: CosignedView, rhs: CosignedView) -> Bool {
        lhs.checkpoint.bytes == rhs.checkpoint.bytes && lhs.timestamp == rhs.timestamp
    }
}
