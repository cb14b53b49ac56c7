import Foundation
import Journal
import Seal
import Witness

/// A session's journal as the witness sees it: a Merkle tree of entries and a session key that
/// signs checkpoints of it.
struct SessionLog: Sendable {
    let origin: String
    let keyName: String
    let key: SigningKey
    private(set) var tree = MerkleTree()

    init(origin: String = "pingshen.session/2026-07", keyName: String = "pingshen.session.2026-07",
         algorithm: SigningAlgorithm = .p256, entries: Int = 0) throws {
        self.origin = origin
        self.keyName = keyName
        key = try SigningKey.generate(algorithm)
        append(entries)
    }

    /// Appends `count` entries `{"n":<i>}`.
    mutating func append(_ count: Int) {
        var hasher = MerkleHasher()
        for _ in 0..<count {
            tree.append(leafHash: hasher.leafHash(Array("{\"n\":\(tree.size)}".utf8)))
        }
    }

    var size: UInt64 { tree.size }

    /// The checkpoint of the first `size` entries (default: all), signed by the session key.
    func checkpoint(size: UInt64? = nil, root: TreeHash? = nil, signer: (any NoteSigner)? = nil) throws -> SignedCheckpoint {
        let size = size ?? tree.size
        let checkpoint = try Checkpoint(origin: origin, size: size, root: root ?? tree.root(ofSize: size))
        return try SignedCheckpoint(checkpoint, signedBy: [signer ?? KeyNoteSigner(name: keyName, key: key)])
    }

    /// The consistency proof from `old` to `new` entries (empty from 0).
    func proof(from old: UInt64, to new: UInt64? = nil) throws -> [TreeHash] {
        let new = new ?? tree.size
        guard old > 0, old < new else { return [] }
        return try tree.consistencyProof(from: old, to: new).path
    }

    /// The add-checkpoint body from `old` to the checkpoint of `size` entries.
    func body(old: UInt64, size: UInt64? = nil) throws -> [UInt8] {
        let size = size ?? tree.size
        return try AddCheckpointRequest(oldSize: old, proof: proof(from: old, to: size), checkpoint: checkpoint(size: size)).body
    }

    /// The registration of this log, the statement signed by `committee`'s chair (or `signer`).
    func registration(_ committee: Committee, signer: Identity? = nil, text: String? = nil) throws -> LogRegistration {
        let statement = text ?? Committee.statementText(sessionKey: key.publicKey, origin: origin, keyName: keyName)
        return LogRegistration(origin: origin, keyName: keyName, sessionKey: key.publicKey,
                               statement: try Committee.sign(statement, by: signer ?? committee.chair))
    }
}
