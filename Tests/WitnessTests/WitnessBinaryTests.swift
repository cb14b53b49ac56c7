import Foundation
import Journal
import Seal
import Testing
import Witness

/// `pingshen witness` and `pingshen keys issue --role witness`, as the built binary runs them.
@Suite(.serialized)
struct WitnessBinaryTests {
    /// A folder with a committee seal, a chair and a witness made by the command line.
    final class Keys: @unchecked Sendable {
        let folder: String
        let chair: Identity
        let seal: Certificate

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("witness-binary-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Self.pingshen(["keys", "committee", "--name", "测试评审委员会", "--out", folder])
            let ca = ["--ca-cert", folder + "/committee.pem", "--ca-key", folder + "/committee.key", "--out", folder]
            try Self.pingshen(["keys", "issue", "--role", "chair", "--name", "张主任", "--file-name", "chair"] + ca)
            try Self.pingshen(["keys", "issue", "--role", "secretary", "--name", "李记录", "--file-name", "secretary"] + ca)
            try Self.pingshen(["keys", "issue", "--role", "witness", "--algorithm", "ed25519", "--name", "省人社厅见证", "--file-name", "witness"] + ca)
            seal = try Certificate(pem: String(contentsOfFile: folder + "/committee.pem", encoding: .utf8))
            chair = try Identity(certificate: Certificate(pem: String(contentsOfFile: folder + "/chair.pem", encoding: .utf8)),
                                 key: SigningKey(contentsOf: folder + "/chair.key", passphrase: "witness-test-passphrase"))
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func path(_ name: String) -> String { folder + "/" + name }

        /// `pingshen witness` arguments for this folder's witness on a free port.
        func witness(state: String = "state", cert: String = "witness.pem", key: String = "witness.key") -> [String] {
            ["witness", "--key", path(key), "--cert", path(cert), "--committee-cert", path("committee.pem"),
             "--state", path(state), "--listen", "127.0.0.1:0"]
        }

        /// Runs `pingshen arguments…` to completion with the test passphrases; throws unless it succeeds.
        @discardableResult
        static func pingshen(_ arguments: [String], expecting status: Int32 = 0) throws -> String {
            let process = try WitnessProcess(arguments, environment: ["PINGSHEN_PASSPHRASE": "witness-test-passphrase", "PINGSHEN_CA_PASSPHRASE": "witness-test-passphrase"])
            guard let exit = process.waitForExit(within: 60) else { throw WitnessProcessError.noURL("pingshen \(arguments) did not finish") }
            // Let the reader collect the last bytes.
            Thread.sleep(forTimeInterval: 0.1)
            #expect(exit.status == status, "pingshen \(arguments.joined(separator: " ")): \(process.printed)")
            return process.printed
        }
    }

    static let environment = ["PINGSHEN_PASSPHRASE": "witness-test-passphrase"]

    @Test("`keys issue --role witness` makes an Ed25519 key and a certificate `openssl verify` accepts; other algorithms are refused")
    func issueWitness() throws {
        let keys = try Keys()
        let openssl = try OpenSSL()
        try openssl.write("committee.pem", Array(try Data(contentsOf: URL(fileURLWithPath: keys.path("committee.pem")))))
        try openssl.write("witness.pem", Array(try Data(contentsOf: URL(fileURLWithPath: keys.path("witness.pem")))))
        #expect(try openssl.run(["verify", "-CAfile", "committee.pem", "witness.pem"]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: keys.path("witness.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let key = try Ed25519SigningKey(contentsOf: keys.path("witness.key"), passphrase: "witness-test-passphrase")
        let certificate = try Ed25519Certificate(pem: String(contentsOfFile: keys.path("witness.pem"), encoding: .utf8))
        #expect(certificate.matches(key) && certificate.role == .witness && certificate.subject.commonName == "省人社厅见证")
        let ca = ["--ca-cert", keys.path("committee.pem"), "--ca-key", keys.path("committee.key"), "--out", keys.folder]
        try Keys.pingshen(["keys", "issue", "--role", "witness", "--algorithm", "p256", "--name", "x", "--file-name", "x"] + ca, expecting: 2)
        try Keys.pingshen(["keys", "issue", "--role", "chair", "--algorithm", "ed25519", "--name", "y", "--file-name", "y"] + ca, expecting: 2)
        try Keys.pingshen(["keys", "issue", "--role", "witness", "--name", "z", "--file-name", "witness"] + ca, expecting: 2)  // never overwrites
    }

    @Test("kill -9 between persisting and answering: after restart the state holds the new size, and a resubmission from the old size gets 409 with it")
    func crashAfterPersist() async throws {
        let keys = try Keys()
        var log = try SessionLog(entries: 5)
        let registration = try LogRegistration(
            origin: log.origin, keyName: log.keyName, sessionKey: log.key.publicKey,
            statement: Committee.sign(Committee.statementText(sessionKey: log.key.publicKey, origin: log.origin, keyName: log.keyName), by: keys.chair))
        let crashing = try WitnessProcess(keys.witness(), environment: Self.environment.merging(["PINGSHEN_WITNESS_CRASH_AFTER_PERSIST": "1"]) { $1 })
        let url = try crashing.url()
        #expect(crashing.printed.contains("pingshen.witness."))
        #expect(try await RawHTTP.post(url + "/pingshen/register", registration.body, contentType: "application/json").status == 200)
        let answer = try? await RawHTTP.post(url + "/add-checkpoint", try log.body(old: 0))
        #expect(answer == nil || answer?.status != 200, "no cosignature may leave a witness killed before answering")
        let exit = try #require(crashing.waitForExit())
        #expect(exit.reason == .uncaughtSignal && exit.status == SIGKILL)

        let restarted = try WitnessProcess(keys.witness(), environment: Self.environment)
        let url2 = try restarted.url()
        let status = try await RawHTTP.get(url2 + "/status.json")
        #expect(status.text.contains("\"size\" : 5"), "\(status.text)")
        let again = try await RawHTTP.post(url2 + "/add-checkpoint", try log.body(old: 0))
        #expect(again.status == 409 && again.contentType == "text/x.tlog.size" && again.text == "5\n")
        log.append(4)
        let next = try await RawHTTP.post(url2 + "/add-checkpoint", try log.body(old: 5))
        #expect(next.status == 200)
        // The cosignature verifies under the certificate's key.
        let witness = try RegistrationReceipt(body: try await RawHTTP.post(url2 + "/pingshen/register", registration.body).body)
            .map { try $0.witness(trusting: keys.seal) }
        let cosignature = try Cosignature(parsingLine: next.body)
        #expect(witness?.verify(cosignature, checkpointText: try log.checkpoint().checkpoint.text) == true)
        #expect(restarted.printed.contains("已见证 cosigned \(log.origin) 共 9 条"))
        restarted.process.terminate()  // SIGTERM
        let stopped = try #require(restarted.waitForExit())
        #expect(stopped.status == 0 && stopped.reason == .exit)
        #expect(restarted.printed.contains("见证方已停止"))
        #expect(!restarted.printed.contains("127.0.0.1:") || restarted.printed.components(separatedBy: "127.0.0.1:").count == 2,
                "the only address printed is the witness's own URL, never a client's")
    }

    @Test("SIGINT stops the witness cleanly; a second witness on the same state folder is refused")
    func interruptAndLock() async throws {
        let keys = try Keys()
        let first = try WitnessProcess(keys.witness(), environment: Self.environment)
        _ = try first.url()
        let second = try WitnessProcess(keys.witness(), environment: Self.environment)
        let refused = try #require(second.waitForExit())
        #expect(refused.status == 2 && second.printed.contains("正被另一个见证进程使用"))
        first.process.interrupt()  // SIGINT
        let stopped = try #require(first.waitForExit())
        #expect(stopped.status == 0 && first.printed.contains("见证方已停止"))
    }

    @Test("The witness will not start with a certificate that is not a witness's, or a wrong passphrase")
    func refusesBadIdentity() throws {
        let keys = try Keys()
        let notWitness = try WitnessProcess(keys.witness(cert: "secretary.pem", key: "secretary.key"), environment: Self.environment)
        #expect(notWitness.waitForExit()?.status == 2)
        let wrongPassphrase = try WitnessProcess(keys.witness(), environment: ["PINGSHEN_PASSPHRASE": "wrong"])
        #expect(wrongPassphrase.waitForExit()?.status == 2)
        #expect(wrongPassphrase.printed.contains("口令错误"))
    }
}
