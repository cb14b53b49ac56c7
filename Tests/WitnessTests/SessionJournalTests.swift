import Foundation
import Journal
import Seal
import Testing
import Witness

/// The contract with the session as it is: a real meeting's opening statement registers, and
/// every checkpoint of its journal is cosigned in turn with a proof from the one before.
@Suite(.serialized)
struct SessionJournalTests {
    @Test("`pingshen demo`: its statement registers at the opening time and all its checkpoints are cosigned in order")
    func demoSession() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("witness-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try WitnessProcess(["demo", folder + "/s"])
        #expect(demo.waitForExit(within: 120)?.status == 0)

        let lines = try Data(contentsOf: URL(fileURLWithPath: folder + "/s/journal.jsonl")).split(separator: 0x0A).map { Array($0) }
        let entries = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
        let opened = try #require(entries.first { $0["event"] as? String == "meeting.opened" })
        let seal = try #require((opened["payload"] as? [String: Any])?["seal"] as? [String: Any])
        let at = try #require(opened["at"] as? String)
        let openedAt = try #require(ISO8601DateFormatter().date(from: at))

        // A witness of the demo's committee, asked at the moment the meeting opened.
        let committee = try Certificate(pem: String(contentsOfFile: folder + "/s.keys/committee.pem", encoding: .utf8))
        let authority = try CertificateAuthority(identity: Identity(
            certificate: committee, key: SigningKey(contentsOf: folder + "/s.keys/committee.key", passphrase: "pingshen-demo")))
        let witnessKey = try Ed25519SigningKey.generate()
        let certificate = try authority.issue(commonName: "见证", role: .witness, publicKey: witnessKey.publicKey,
                                              validity: openedAt.addingTimeInterval(-86_400)...openedAt.addingTimeInterval(86_400))
        let identity = try WitnessIdentity(certificate: certificate, key: witnessKey, committee: committee, at: openedAt)
        let state = try WitnessState(path: folder + "/state")
        let service = WitnessService(identity: identity, committee: committee, state: state, clock: { openedAt })

        // The registration body, its members taken from the journal's seal as they are.
        let body = try JSONSerialization.data(withJSONObject: [
            "origin": seal["origin"]!, "keyName": seal["keyName"]!, "sessionKey": seal["sessionKey"]!, "statement": seal["statement"]!,
        ])
        let registered = service.register(Array(body))
        #expect(registered.response.status == 200, "\(text(registered.response))")
        guard case .registered(_, _, let receipt) = registered else { return }
        let verifier = try receipt.witness(trusting: committee, at: openedAt)

        var tree = MerkleTree()
        var hasher = MerkleHasher()
        for line in lines { tree.append(leafHash: hasher.leafHash(line)) }
        var old: UInt64 = 0
        var cosigned = 0
        for entry in entries where entry["event"] as? String == "checkpoint.signed" {
            let note = try #require((entry["payload"] as? [String: Any])?["note"] as? String)
            let checkpoint = try SignedCheckpoint(parsing: Array(note.utf8))
            let size = checkpoint.checkpoint.size
            #expect(checkpoint.checkpoint.root == (try tree.root(ofSize: size)))
            let proof = old == 0 || old == size ? [] : try tree.consistencyProof(from: old, to: size).path
            let outcome = service.addCheckpoint(try AddCheckpointRequest(oldSize: old, proof: proof, checkpoint: checkpoint).body)
            guard case .cosigned(_, size, let cosignatures) = outcome else {
                Issue.record("checkpoint of size \(size): \(text(outcome.response))")
                return
            }
            #expect(verifier.verify(cosignatures[0], checkpointText: checkpoint.checkpoint.text))
            old = size
            cosigned += 1
        }
        #expect(cosigned >= 10, "the demo signs a checkpoint at least at opening, each round and closing")
        #expect(service.status().logs.first?.size == old)
    }
}
