import Foundation
import Journal
import Records
import Seal
import Testing

/// The member's browser and the session's Seal, end to end: Seal makes a round key, the page
/// blinds a ballot under it, Seal blind-signs, a second page load finalizes, and Seal (and the
/// stock `openssl` CLI) check the ballot the page produced.
@Suite("Browser ballot against Seal", .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)))
struct CrossCheckTests {
    static let session = "2026-工程-高级-01"
    static let round = 2
    static let choices: [CandidateID: Choice] = ["C10": .abstain, "C02": .no, "C01": .yes]

    /// The request fields both page loads share; the seed makes the second load redo the first's Blind.
    static func request(_ mode: String, key: BlindSigningKey, seed: String) -> [String: Any] {
        ["mode": mode, "spki": Data(key.publicKey.subjectPublicKeyInfo).base64EncodedString(), "session": session,
         "round": round, "choices": choices.mapValues(\.rawValue), "seed": seed]
    }

    /// What `RoundCredentials.verify` checks (Sources/Workspace/Seals/RoundCredentials.swift).
    static func verify(_ ballot: Ballot, key: BlindVerifyingKey) -> Bool {
        guard let prefixHex = ballot.prefix, let prefix = bytes(hex: prefixHex), prefix.count == 32,
              let signatureText = ballot.signature, let signature = Data(base64Encoded: signatureText) else { return false }
        let message = BallotMessage.bytes(session: session, round: round, choices: ballot.choices, nonce: ballot.nonce)
        return key.isValidSignature(Array(signature), for: prefix + message)
    }

    /// The bytes of lowercase or uppercase hex, or nil.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }

    @Test("a ballot blinded and finalized in Chromium carries a credential Seal and openssl accept")
    func ballotRoundTrip() throws {
        let key = try BlindSigningKey.generate()
        let seed = "cross-check-1"
        let blinded = try #require(try Chromium.bridge(Self.request("blind", key: key, seed: seed)) as? [String: Any])
        #expect(blinded["modulusBits"] as? Int == 2048)
        let blindedMessage = try #require((blinded["blindedMessage"] as? String).flatMap { Data(base64Encoded: $0) })
        #expect(blindedMessage.count == key.publicKey.modulusLength)

        // The session's side: it sees only the blinded message.
        let blindSignature = try key.blindSign(Array(blindedMessage))
        var other = Array(blindedMessage)
        other[other.count - 1] ^= 1
        let wrongSignature = try key.blindSign(other)

        var finish = Self.request("finish", key: key, seed: seed)
        finish["blindSignature"] = Data(blindSignature).base64EncodedString()
        finish["wrongBlindSignature"] = Data(wrongSignature).base64EncodedString()
        finish["timingRuns"] = 20
        let finished = try #require(try Chromium.bridge(finish) as? [String: Any])
        #expect(finished["wrongBlindSignature"] as? String == "invalidSignature", "the page's Finalize took a wrong blind signature")
        #expect(finished["verifiedInPage"] as? Bool == true)

        // The ballot object, read by the journal's own reader.
        let ballotJSON = try JSONSerialization.data(withJSONObject: try #require(finished["ballot"]), options: [.sortedKeys])
        let ballot = try EntryCoding.decodeValue(Ballot.self, Array(ballotJSON))
        #expect(ballot.choices == Self.choices)
        #expect(ballot.nonce == blinded["nonce"] as? String)
        #expect(ballot.prefix == blinded["prefix"] as? String)
        #expect(ballot.nonce.count == 32 && ballot.nonce.allSatisfy { "0123456789abcdef".contains($0) })
        let message = BallotMessage.bytes(session: Self.session, round: Self.round, choices: ballot.choices, nonce: ballot.nonce)
        #expect(ballot.id == Digest.sha256Hex(message))
        #expect(Self.verify(ballot, key: key.publicKey))

        // Changing the ballot's content breaks the credential.
        var changed = ballot
        changed.choices["C02"] = .yes
        #expect(!Self.verify(changed, key: key.publicKey))
        #expect(!Self.verify(ballot, key: try BlindSigningKey.generate().publicKey))

        // The stock CLI accepts it as plain RSASSA-PSS (SHA-384, salt 48) over prefix ‖ message.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-browser-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try key.publicKey.pem.write(to: folder.appendingPathComponent("pub.pem"), atomically: true, encoding: .utf8)
        try #require(Data(base64Encoded: ballot.signature ?? "")).write(to: folder.appendingPathComponent("sig"))
        try Data(try #require(Self.bytes(hex: ballot.prefix ?? "")) + message).write(to: folder.appendingPathComponent("msg"))
        let (status, _) = try Command.run("/usr/bin/openssl", [
            "dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:48",
            "-verify", folder.appendingPathComponent("pub.pem").path, "-signature", folder.appendingPathComponent("sig").path,
            folder.appendingPathComponent("msg").path,
        ])
        #expect(status == 0, "openssl dgst -verify refused the browser's ballot signature")

        let timing = try #require(finished["timing"] as? [String: Double])
        let median = try #require(timing["medianMs"])
        func ms(_ name: String) -> String { String(format: "%.2f ms", timing[name] ?? .nan) }
        print("Chromium, RSA-2048: Blind + Finalize, median of \(Int(timing["runs"] ?? 0)): \(ms("medianMs")) "
              + "(Blind \(ms("blindMedianMs")), Finalize \(ms("finalizeMedianMs")); min \(ms("minMs")), max \(ms("maxMs")))")
        #expect(median > 0 && median < 2000)
    }

    @Test("a different seed gives a different, unlinkable blinded message for the same ballot")
    func seedsDiffer() throws {
        let key = try BlindSigningKey.generate()
        let a = try #require(try Chromium.bridge(Self.request("blind", key: key, seed: "a")) as? [String: Any])
        let b = try #require(try Chromium.bridge(Self.request("blind", key: key, seed: "b")) as? [String: Any])
        #expect(a["blindedMessage"] as? String != b["blindedMessage"] as? String)
        #expect(a["nonce"] as? String != b["nonce"] as? String)
        #expect(a["prefix"] as? String != b["prefix"] as? String)
    }
}
