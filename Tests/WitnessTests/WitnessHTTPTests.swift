import Foundation
import Hummingbird
import HummingbirdTesting
import Journal
import Seal
import Testing
import Witness
import WitnessServer

/// The witness over real HTTP (Hummingbird's `.live` test server on a free port), tested as an
/// independent client of c2sp.org/tlog-witness would test it.
struct WitnessHTTPTests {
    /// Runs `body` against a live server for `harness`, with the server's base URL.
    static func live(_ harness: Harness, _ body: @escaping @Sendable (any TestClientProtocol, String) async throws -> Void) async throws {
        let app = WitnessServer.application(harness.service, host: "127.0.0.1", port: 0)
        try await app.test(.live) { client in
            try await body(client, "http://localhost:\(client.port!)")
        }
    }

    @Test("Each refusal over HTTP: 404, 403, 400, 409 with the size as text/x.tlog.size, 409 for another root, 422, 413 over the cap")
    func refusals() async throws {
        let harness = try Harness()
        var log = try SessionLog(entries: 6)
        try harness.register(log)
        let first = try log.body(old: 0)
        log.append(4)
        let stranger = try SessionLog(origin: "pingshen.session/stranger", entries: 2).body(old: 0)
        let forged = try AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: log.checkpoint(signer: KeyNoteSigner(name: log.keyName, key: SigningKey.generate()))).body
        let beyond = try AddCheckpointRequest(oldSize: 99, proof: [], checkpoint: log.checkpoint()).body
        let stale = try log.body(old: 0)
        var proof = try log.proof(from: 6)
        proof[1] = TreeHash(Array(repeating: 9, count: 32))!
        let badProof = try AddCheckpointRequest(oldSize: 6, proof: proof, checkpoint: log.checkpoint()).body
        let otherRoot = try AddCheckpointRequest(oldSize: 6, proof: [], checkpoint: log.checkpoint(size: 6, root: TreeHash(Array(repeating: 3, count: 32))!)).body
        try await Self.live(harness) { _, url in
            func post(_ body: [UInt8]) async throws -> RawHTTP.Reply { try await RawHTTP.post(url + "/add-checkpoint", body) }
            #expect(try await post(stranger).status == 404)
            #expect(try await post(forged).status == 403)
            #expect(try await post(Array("old x\n\n".utf8)).status == 400)
            #expect(try await post(beyond).status == 400)
            #expect(try await post(first).status == 200)
            let conflict = try await post(stale)
            #expect(conflict.status == 409 && conflict.contentType == "text/x.tlog.size" && conflict.text == "6\n")
            #expect(try await post(otherRoot).status == 409)
            #expect(try await post(badProof).status == 422)
            let huge = try await post([UInt8](repeating: 0x41, count: (1 << 20) + 1))
            #expect(huge.status == 413)
            #expect(try await RawHTTP.get(url + "/add-checkpoint").status != 200)
        }
        #expect(harness.service.status().logs.first?.size == 6)
    }

    @Test("200 over HTTP: the line verifies with `openssl pkeyutl -verify -rawin` under the key of the witness certificate")
    func cosignatureVerifiesWithOpenSSL() async throws {
        let harness = try Harness()
        let log = try SessionLog(entries: 21)
        try harness.register(log)
        let body = try log.body(old: 0)
        let reply = try await Self.Reply.box { box in
            try await Self.live(harness) { _, url in box.value = try await RawHTTP.post(url + "/add-checkpoint", body) }
        }
        #expect(reply.status == 200)
        // Read the answer as the spec states it: one line, "— <name> base64(keyID ‖ time ‖ signature)\n".
        #expect(reply.text.hasPrefix("— \(harness.committee.witness.cosigner.name) ") && reply.text.hasSuffix("\n"))
        #expect(reply.text.filter { $0 == "\n" }.count == 1)
        let raw = Array(Data(base64Encoded: String(reply.text.dropLast().split(separator: " ").last!))!)
        #expect(raw.count == 4 + 8 + 64)
        let time = raw[4..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(time == UInt64(harness.clock.now.timeIntervalSince1970))
        let openssl = try OpenSSL()
        try openssl.write("witness.pem", Array(harness.committee.witness.certificate.pem.utf8))
        try openssl.write("committee.pem", Array(harness.committee.seal.pem.utf8))
        #expect(try openssl.run(["verify", "-CAfile", "committee.pem", "witness.pem"]).status == 0)
        #expect(try openssl.run(["x509", "-in", "witness.pem", "-noout", "-pubkey", "-out", "pub.pem"]).status == 0)
        let checkpointText = "\(log.origin)\n21\n\(try log.checkpoint().checkpoint.root.base64)\n"
        try openssl.write("msg", Array("cosignature/v1\ntime \(time)\n\(checkpointText)".utf8))
        try openssl.write("sig", Array(raw[12...]))
        let verified = try openssl.run(["pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-sigfile", "sig"])
        #expect(verified.status == 0, "\(verified.errors)")
        // The key ID is SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4].
        let name = harness.committee.witness.cosigner.name
        let keyID = Digest.hash(Array(name.utf8) + [0x0A, 0x04] + harness.committee.witness.key.publicKey.rawRepresentation, using: .sha256).prefix(4)
        #expect(Array(raw[0..<4]) == Array(keyID))
    }

    @Test("Two racing submissions of different sizes from the same old size: one is cosigned, the other gets 409 with the winner's size; never a rollback")
    func racing() async throws {
        let harness = try Harness()
        var log = try SessionLog(entries: 2)
        try harness.register(log)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        log.append(200)
        let grown = log
        harness.clock.delay = 0.05
        try await Self.live(harness) { _, url in
            var current: UInt64 = 2
            for round in 0..<10 {
                let small = current + 1 + UInt64(round % 3), large = current + 5 + UInt64(round)
                let a = try grown.body(old: current, size: small), b = try grown.body(old: current, size: large)
                async let first = RawHTTP.post(url + "/add-checkpoint", a, ownConnection: true)
                async let second = RawHTTP.post(url + "/add-checkpoint", b, ownConnection: true)
                let (ra, rb) = try await (first, second)
                let statuses = [ra.status, rb.status].sorted()
                #expect(statuses == [200, 409], "round \(round): \(statuses)")
                let winner = ra.status == 200 ? small : large
                let loser = ra.status == 200 ? rb : ra
                #expect(loser.text == "\(winner)\n", "round \(round): the loser learns the winner's size")
                let stored = harness.service.status().logs[0].size
                #expect(stored == winner && stored > current, "round \(round): stored \(stored), previous \(current)")
                current = stored
            }
        }
        #expect(harness.service.status().logs[0].size > 2)
    }

    @Test("Registration over HTTP: 200 with a receipt, 403 for a statement from another seal, a non-chair or naming another key, 409 for another key, 400 malformed")
    func registration() async throws {
        let harness = try Harness()
        let log = try SessionLog()
        let good = try log.registration(.p256).body
        let otherSeal = try log.registration(.p256, signer: Committee.other.chair).body
        let secretary = try log.registration(.p256, signer: Committee.p256.secretary).body
        let otherKey = try log.registration(.p256, text: Committee.statementText(sessionKey: SigningKey.generate().publicKey, origin: log.origin, keyName: log.keyName)).body
        let taken = try SessionLog().registration(.p256).body
        try await Self.live(harness) { _, url in
            func post(_ body: [UInt8]) async throws -> RawHTTP.Reply {
                try await RawHTTP.post(url + "/pingshen/register", body, contentType: "application/json")
            }
            #expect(try await post(otherSeal).status == 403)
            #expect(try await post(secretary).status == 403)
            #expect(try await post(otherKey).status == 403)
            #expect(try await post(Array("{".utf8)).status == 400)
            let ok = try await post(good)
            #expect(ok.status == 200 && ok.contentType == "application/json")
            #expect(RegistrationReceipt(body: ok.body)?.size == 0)
            #expect(try await post(good).status == 200)
            let conflict = try await post(taken)
            #expect(conflict.status == 409 && conflict.text.contains(log.origin))
        }
    }

    @Test("The status page: Chinese HTML, self-contained, naming the meeting; /status.json agrees")
    func statusPage() async throws {
        let harness = try Harness()
        let log = try SessionLog(entries: 3)
        try harness.register(log)
        #expect(harness.service.addCheckpoint(try log.body(old: 0)).response.status == 200)
        try await Self.live(harness) { _, url in
            let page = try await RawHTTP.get(url + "/")
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            let html = page.text
            #expect(html.contains("lang=\"zh-CN\"") && html.contains("见证的会议"))
            #expect(html.contains("安徽省工程系列高级职称评审委员会") && html.contains("M01 张主任") && html.contains(log.origin))
            #expect(html.contains(">3</td>") && html.contains(harness.committee.witness.cosigner.name))
            for external in ["src=", "<link", "@import", "url("] { #expect(!html.contains(external), "\(external)") }
            #expect(!html.contains("http://") && !html.contains("https://"))
            let json = try await RawHTTP.get(url + "/status.json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body)) as? [String: Any])
            let logs = try #require(object["logs"] as? [[String: Any]])
            #expect(logs.count == 1 && logs[0]["size"] as? Int == 3 && logs[0]["origin"] as? String == log.origin)
            #expect(object["witness"] as? String == harness.committee.witness.cosigner.name)
        }
    }

    @Test("WitnessClient against the live server: register, cosign (verified), 409 as .conflict, typed errors")
    func client() async throws {
        let harness = try Harness()
        var log = try SessionLog(entries: 4)
        let registration = try log.registration(.p256)
        let committee = harness.committee
        let first = try log.checkpoint()
        log.append(3)
        let second = try log.checkpoint(), proof = try log.proof(from: 4)
        let stranger = try SessionLog(origin: "pingshen.session/stranger", entries: 1)
        let strangerCheckpoint = try stranger.checkpoint()
        try await Self.live(harness) { _, url in
            let outcome: Result<[String], WitnessClientError> = await offThread {
                Result { () throws(WitnessClientError) -> [String] in
                    let client = WitnessClient(baseURL: URL(string: url)!, timeout: 120)  // generous: the in-process server shares the test run's threads
                    let receipt = try client.register(registration)
                    guard let witness = try? receipt.witness(trusting: committee.seal) else { return ["receipt not trusted"] }
                    var notes: [String] = []
                    if case .cosigned(let lines, let note) = try client.addCheckpoint(old: receipt.size, proof: [], checkpoint: first, witness: witness) {
                        notes.append("cosigned \(lines.count) \(note.note.verify(with: [witness]).isSigned(by: witness.name, keyID: witness.keyID))")
                    }
                    if case .conflict(let size) = try client.addCheckpoint(old: 0, proof: [], checkpoint: second, witness: witness) {
                        notes.append("conflict \(size)")
                    }
                    if case .cosigned = try client.addCheckpoint(old: 4, proof: proof, checkpoint: second, witness: witness) { notes.append("cosigned 7") }
                    do throws(WitnessClientError) {
                        _ = try client.addCheckpoint(old: 0, proof: [], checkpoint: strangerCheckpoint, witness: witness)
                    } catch {
                        notes.append("\(error == .unknownOrigin(stranger.origin))")
                    }
                    do throws(WitnessClientError) {
                        _ = try client.addCheckpoint(old: 7, proof: [TreeHash.emptyTree], checkpoint: second, witness: witness)
                    } catch {
                        if case .inconsistent = error { notes.append("inconsistent") }
                    }
                    // A witness key the client does not trust: the line is ignored, so nothing verifies.
                    let untrusted = CosignatureVerifier(name: witness.name, key: try! Ed25519SigningKey.generate().publicKey)
                    do throws(WitnessClientError) {
                        _ = try client.addCheckpoint(old: 7, proof: [], checkpoint: second, witness: untrusted)
                    } catch {
                        notes.append("\(error == .noValidCosignature(witness.name))")
                    }
                    return notes
                }
            }
            switch outcome {
            case .success(let notes): #expect(notes == ["cosigned 1 true", "conflict 4", "cosigned 7", "true", "inconsistent", "true"])
            case .failure(let error): Issue.record("\(error)")
            }
        }
    }

    @Test("WitnessClient says when the witness is unreachable or silent, within its deadline")
    func clientFailures() async throws {
        let log = try SessionLog(entries: 1)
        let checkpoint = try log.checkpoint()
        let witness = Committee.p256.witness.cosigner.verifier
        // A port that was free a moment ago: nothing listens.
        let closed = try Listener()
        let closedPort = closed.port
        closed.close()
        let refused: WitnessClientError? = await offThread {
            let client = WitnessClient(baseURL: URL(string: "http://127.0.0.1:\(closedPort)")!, timeout: 10)
            return Self.failure { () throws(WitnessClientError) in _ = try client.addCheckpoint(old: 0, proof: [], checkpoint: checkpoint, witness: witness) }
        }
        guard case .unreachable = refused else { Issue.record("\(String(describing: refused))"); return }
        // A socket that accepts connections but never answers.
        let silent = try Listener()
        let (timedOut, elapsed): (WitnessClientError?, TimeInterval) = await offThread {
            let client = WitnessClient(baseURL: URL(string: "http://127.0.0.1:\(silent.port)")!, timeout: 1)
            let start = Date()
            let error = Self.failure { () throws(WitnessClientError) in _ = try client.addCheckpoint(old: 0, proof: [], checkpoint: checkpoint, witness: witness) }
            return (error, Date().timeIntervalSince(start))
        }
        silent.close()
        guard case .timedOut = timedOut else { Issue.record("\(String(describing: timedOut))"); return }
        // The deadline is 1 s (plus a second's grace); URLSession's own default would be 60 s.
        #expect(elapsed < 10, "\(elapsed) s")
        #expect(timedOut!.description.contains("没有应答"))
    }

    /// The client's error, or nil if `body` succeeded.
    static func failure(_ body: () throws(WitnessClientError) -> Void) -> WitnessClientError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// Carries a value out of a `@Sendable` closure.
    final class Reply: @unchecked Sendable {
        var value: RawHTTP.Reply?
        static func box(_ body: (Reply) async throws -> Void) async throws -> RawHTTP.Reply {
            let box = Reply()
            try await body(box)
            return try #require(box.value)
        }
    }
}

/// A TCP socket listening on 127.0.0.1 that never accepts: connections wait in its backlog.
final class Listener: @unchecked Sendable {
    private var fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard fd >= 0, bound else { throw URLError(.cannotConnectToHost) }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
