import Foundation
import Journal
import Seal
import Testing
@testable import Witness

/// `add-checkpoint` decided without HTTP, status by status, as c2sp.org/tlog-witness states them.
struct AddCheckpointTests {
    /// A witness following a log of `entries` entries, nothing cosigned yet.
    static func setUp(entries: Int = 10) throws -> (Harness, SessionLog) {
        let harness = try Harness()
        let log = try SessionLog(entries: entries)
        try harness.register(log)
        return (harness, log)
    }

    @Test("200: the first checkpoint (old 0), then one from the size cosigned with a proof; each answer is a cosignature that verifies")
    func cosigns() throws {
        var (harness, log) = try Self.setUp(entries: 5)
        let first = harness.service.addCheckpoint(try log.body(old: 0))
        #expect(first.response.status == 200)
        guard case .cosigned(_, 5, let cosignatures) = first else { Issue.record("\(first)"); return }
        let verifier = harness.committee.witness.cosigner.verifier
        #expect(verifier.verify(cosignatures[0], checkpointText: try log.checkpoint().checkpoint.text))
        #expect(cosignatures[0].timestamp == UInt64(harness.clock.now.timeIntervalSince1970))
        #expect(text(first.response) == cosignatures[0].line)
        log.append(8)
        harness.clock.advance(60)
        let second = harness.service.addCheckpoint(try log.body(old: 5))
        guard case .cosigned(_, 13, let more) = second else { Issue.record("\(second)"); return }
        #expect(verifier.verify(more[0], checkpointText: try log.checkpoint().checkpoint.text))
        #expect(more[0].timestamp == cosignatures[0].timestamp + 60)
        #expect(harness.service.status().logs.first?.size == 13)
    }

    @Test("404: a checkpoint of an origin never registered")
    func unknownOrigin() throws {
        let (harness, _) = try Self.setUp()
        let stranger = try SessionLog(origin: "pingshen.session/unknown", entries: 3)
        let outcome = harness.service.addCheckpoint(try stranger.body(old: 0))
        #expect(outcome == .unknownOrigin("pingshen.session/unknown") && outcome.response.status == 404)
    }

    @Test("403: no signature by the registered key — another key under the same name, or only unknown keys")
    func untrusted() throws {
        let (harness, log) = try Self.setUp()
        let impostor = KeyNoteSigner(name: log.keyName, key: try SigningKey.generate())
        let forged = try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: log.checkpoint(signer: impostor))
        #expect(harness.service.addCheckpoint(forged.body).response.status == 403)
        let unknown = KeyNoteSigner(name: "someone.else", key: log.key)
        let other = try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: log.checkpoint(signer: unknown))
        #expect(harness.service.addCheckpoint(other.body).response.status == 403)
        // The registered signature plus an unknown one is fine (unknown keys are ignored).
        let both = try log.checkpoint().cosigned(by: unknown)
        #expect(harness.service.addCheckpoint(try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: both).body).response.status == 200)
    }

    @Test("400: malformed bodies, and old larger than the checkpoint's size")
    func badRequest() throws {
        let (harness, log) = try Self.setUp(entries: 10)
        #expect(harness.service.addCheckpoint(Array("old 0\n\n".utf8)).response.status == 400)
        #expect(harness.service.addCheckpoint([]).response.status == 400)
        let beyond = try AddCheckpointRequest(oldSize: 11, proof: [], checkpoint: log.checkpoint())
        let outcome = harness.service.addCheckpoint(beyond.body)
        #expect(outcome == .oldBeyondSize(old: 11, size: 10) && outcome.response.status == 400)
    }

    @Test("409: old is not the size last cosigned — the body is that size and a newline, as text/x.tlog.size")
    func sizeConflict() throws {
        var (harness, log) = try Self.setUp(entries: 4)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        log.append(3)
        for old: UInt64 in [0, 3, 5] {
            let response = harness.service.addCheckpoint(try log.body(old: old)).response
            #expect(response.status == 409 && response.contentType == "text/x.tlog.size" && text(response) == "4\n", "old \(old)")
        }
        // A client that did not know starts from 0 and learns the size.
        #expect(harness.service.addCheckpoint(try log.body(old: 4)).response.status == 200)
    }

    @Test("409: the size last cosigned with another root; 200 again for the same checkpoint (idempotent)")
    func sameSize() throws {
        let (harness, log) = try Self.setUp(entries: 6)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        harness.clock.advance(5)
        let again = harness.service.addCheckpoint(try log.body(old: 6))
        guard case .cosigned(_, 6, let cosignatures) = again else { Issue.record("\(again)"); return }
        #expect(harness.committee.witness.cosigner.verifier.verify(cosignatures[0], checkpointText: try log.checkpoint().checkpoint.text))
        let fork = try AddCheckpointRequest(oldSize: 6, proof: [], checkpoint: log.checkpoint(root: TreeHash(Array(repeating: 7, count: 32))!))
        let outcome = harness.service.addCheckpoint(fork.body)
        #expect(outcome == .rootConflict(origin: log.origin, size: 6) && outcome.response.status == 409)
        #expect(outcome.response.contentType != "text/x.tlog.size")
        #expect(harness.service.status().logs.first?.refused == 1)
    }

    @Test("422: a proof that does not verify from the stored root; a proof where none belongs")
    func inconsistent() throws {
        var (harness, log) = try Self.setUp(entries: 5)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        log.append(6)
        var proof = try log.proof(from: 5)
        proof[0] = TreeHash(Array(repeating: 1, count: 32))!
        let bad = try AddCheckpointRequest(oldSize: 5, proof: proof, checkpoint: log.checkpoint())
        #expect(harness.service.addCheckpoint(bad.body).response.status == 422)
        let missing = try AddCheckpointRequest(oldSize: 5, proof: [], checkpoint: log.checkpoint())
        #expect(harness.service.addCheckpoint(missing.body).response.status == 422)
        // A history rewritten after entry 3: a valid proof of the new tree, but not from the root cosigned.
        var other = MerkleTree()
        var hasher = MerkleHasher()
        for i in 0..<11 { other.append(leafHash: hasher.leafHash(Array("{\"n\":\(i == 3 ? 99 : i)}".utf8))) }
        let forked = try AddCheckpointRequest(
            oldSize: 5, proof: other.consistencyProof(from: 5, to: 11).path,
            checkpoint: log.checkpoint(size: 11, root: other.root(ofSize: 11)))
        #expect(harness.service.addCheckpoint(forked.body).response.status == 422)
        #expect(harness.service.status().logs.first?.size == 5)
        #expect(harness.service.status().logs.first?.refused == 3)
        // From 0 the proof must be empty; a size-0 checkpoint must have the empty tree's root.
        let (fresh, freshLog) = try Self.setUp(entries: 4)
        let nonEmpty = try AddCheckpointRequest(oldSize: 0, proof: [TreeHash.emptyTree], checkpoint: freshLog.checkpoint())
        #expect(fresh.service.addCheckpoint(nonEmpty.body).response.status == 422)
        let emptyWrongRoot = try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: freshLog.checkpoint(size: 0, root: TreeHash(Array(repeating: 2, count: 32))!))
        #expect(fresh.service.addCheckpoint(emptyWrongRoot.body).response.status == 422)
        let empty = try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: freshLog.checkpoint(size: 0))
        #expect(fresh.service.addCheckpoint(empty.body).response.status == 200)
    }

    @Test("Many racing submissions from the same old size: exactly one is cosigned, the rest learn its size; the state holds it")
    func racingThreads() async throws {
        var (harness, log) = try Self.setUp(entries: 3)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        log.append(40)
        let bodies = try (0..<8).map { try log.body(old: 3, size: UInt64(5 + 4 * $0)) }
        harness.clock.delay = 0.02  // between the check and the write
        let service = harness.service!
        let outcomes = await withTaskGroup(of: AddCheckpointOutcome.self) { group in
            for body in bodies { group.addTask { await offThread { service.addCheckpoint(body) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.compactMap { outcome -> UInt64? in
            if case .cosigned(_, let size, _) = outcome { size } else { nil }
        }
        #expect(winners.count == 1)
        let winner = try #require(winners.first)
        #expect(outcomes.filter { $0 == .sizeConflict(origin: log.origin, latest: winner) }.count == bodies.count - 1)
        #expect(harness.service.status().logs[0].size == winner)
    }

    @Test("The state survives a restart: the size cosigned, the root, the refusals")
    func restart() throws {
        var (harness, log) = try Self.setUp(entries: 7)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        try harness.reopen()
        log.append(2)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response == WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: Array("7\n".utf8)))
        #expect(harness.service.addCheckpoint(try log.body(old: 7)).response.status == 200)
        try harness.reopen()
        let status = harness.service.status()
        let root = try log.checkpoint().checkpoint.root.base64
        #expect(status.logs.count == 1 && status.logs[0].size == 9 && status.logs[0].rootHash == root)
        // A second witness process cannot open the same state folder.
        #expect(throws: WitnessError.stateInUse(harness.folder)) { try WitnessState(path: harness.folder) }
    }

    @Test("A damaged view file stops the witness from starting rather than forget what it cosigned")
    func damagedState() throws {
        let (harness, log) = try Self.setUp(entries: 3)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        // The documented layout: logs/<first 16 hex digits of SHA-256(origin)>/view.
        let viewPath = harness.folder + "/logs/" + Digest.sha256Hex(Array(log.origin.utf8)).prefix(16) + "/view"
        try harness.reopen()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: viewPath)))
        bytes[30] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: viewPath))
        let error = #expect(throws: WitnessError.self) { try harness.reopen() }
        guard case .stateDamaged(viewPath, _) = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test("RFC 9162 consistency vectors: from the vector's old tree, the happy path is cosigned and every corrupted proof refused",
          .tags(.vectors), arguments: ConsistencyVector.files)
    func vectors(_ path: String) throws {
        let vector = try ConsistencyVector.load(path)
        guard vector.size1 > 0, let root1 = TreeHash(base64: vector.root1), let root2 = TreeHash(base64: vector.root2) else { return }
        let harness = try Harness()
        let log = try SessionLog(entries: 0)
        try harness.register(log)
        // The witness holds (size1, root1): any first checkpoint is taken as it comes.
        let first = try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: log.checkpoint(size: vector.size1, root: root1))
        #expect(harness.service.addCheckpoint(first.body).response.status == 200)
        let proof = (vector.proof ?? []).compactMap { TreeHash(base64: $0) }
        guard proof.count == (vector.proof ?? []).count, proof.count <= 63 else { return }  // not expressible as a request
        let request = try AddCheckpointRequest(oldSize: vector.size1, proof: proof, checkpoint: log.checkpoint(size: vector.size2, root: root2))
        let status = harness.service.addCheckpoint(request.body).response.status
        if vector.wantErr {
            #expect([400, 409, 422].contains(status), "\(path): \(vector.desc) answered \(status)")
        } else {
            #expect(status == 200, "\(path): \(vector.desc)")
        }
    }
}

/// An RFC 9162 consistency vector (transparency-dev/merkle), read from JournalTests' copy.
struct ConsistencyVector: Decodable {
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("JournalTests/Vectors/rfc9162/consistency")

    /// Every vector file, relative to `consistency/`, sorted.
    static let files: [String] = {
        let walker = FileManager.default.enumerator(atPath: directory.path)
        return (walker?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    static func load(_ path: String) throws -> ConsistencyVector {
        try JSONDecoder().decode(ConsistencyVector.self, from: Data(contentsOf: directory.appendingPathComponent(path)))
    }
}
