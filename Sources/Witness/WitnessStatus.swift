import Foundation

/// What a witness follows and has cosigned: the data of its status page and `/status.json`.
public struct WitnessStatus: Sendable, Encodable {
    /// One log.
    public struct Log: Sendable, Encodable {
        public let origin: String
        public let keyName: String
        /// The meeting, as the host's statement names it.
        public let meeting: MeetingNames
        /// The size last cosigned (0: none yet).
        public let size: UInt64
        /// The root hash last cosigned, base64; nil before the first cosignature.
        public let rootHash: String?
        /// When it was cosigned, seconds since the Epoch; nil before the first cosignature.
        public let cosignedAt: UInt64?
        /// Refused requests kept as evidence.
        public let refused: Int

        init(_ record: LogRecord) {
            origin = record.log.origin
            keyName = record.log.registration.keyName
            meeting = record.log.meeting
            size = record.size
            rootHash = record.view?.root.base64
            cosignedAt = record.view?.timestamp
            refused = record.refused
        }
    }

    /// The witness's cosignature key name.
    public let witness: String
    /// Its Ed25519 public key, base64 of the 32 bytes.
    public let publicKey: String
    /// The pinned committee seal's name.
    public let committee: String
    public let logs: [Log]

    /// The status as JSON, members sorted.
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try! encoder.encode(self))  // strings and integers: encoding cannot fail
    }
}
