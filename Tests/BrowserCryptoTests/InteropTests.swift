import Foundation
import Records
import Seal
import Testing

/// The page's building blocks against independent implementations: its hashes against
/// OpenSSL's on every length around the padding boundaries, its id order against Swift's
/// `String <`, its ballot message against `BallotMessage.bytes`, its SPKI reader on keys the
/// stock `openssl` CLI writes.
@Suite("Browser crypto against Swift and OpenSSL", .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)))
struct InteropTests {
    @Test("SHA-256 and SHA-384 of every length 0…300 match OpenSSL")
    func hashes() throws {
        let answer = try #require(try Chromium.bridge(["mode": "hash", "maxLength": 300]) as? [String: [String]])
        let sha256 = try #require(answer["sha256"]), sha384 = try #require(answer["sha384"])
        try #require(sha256.count == 301 && sha384.count == 301)
        for length in 0...300 {
            let bytes = (0..<length).map { UInt8(($0 * 7 + length) & 255) }
            #expect(sha256[length] == Digest.hex(Digest.hash(bytes, using: .sha256)), "SHA-256, \(length) bytes")
            #expect(sha384[length] == Digest.hex(Digest.hash(bytes, using: .sha384)), "SHA-384, \(length) bytes")
        }
    }

    @Test("candidate ids sort as Swift sorts them")
    func idOrder() throws {
        let ids = ["C9", "c1", "C10", "C1", "C01", "Z", "a", "é", "评", "审", "～", "😀", "\u{FFFD}", "𠀀", "C1a", "C1-"]
        let sorted = try #require(try Chromium.bridge(["mode": "sort", "ids": ids]) as? [String])
        #expect(sorted == ids.sorted())
    }

    @Test("the ballot message equals BallotMessage.bytes, byte for byte",
          arguments: [
            ("2026-工程-高级-01", 1, ["C01": Choice.yes, "C02": .no, "C10": .abstain]),
            ("会议 <&> \"引号\"", 12, ["评审-甲": .no, "C1": .yes, "😀": .abstain, "～": .yes]),
            ("S", 0, [:]),
          ] as [(String, Int, [CandidateID: Choice])])
    func message(session: String, round: Int, choices: [CandidateID: Choice]) throws {
        let nonce = Digest.hex((0..<16).map { UInt8($0 * 17) })
        let request: [String: Any] = ["mode": "message", "session": session, "round": round,
                                      "choices": choices.mapValues(\.rawValue), "nonce": nonce]
        let hex = try #require(try Chromium.bridge(request) as? String)
        #expect(hex == Digest.hex(BallotMessage.bytes(session: session, round: round, choices: choices, nonce: nonce)))
    }

    /// A public key in DER written by `openssl genpkey` with `options`, and its modulus in hex (nil if not RSA).
    static func opensslKey(_ options: [String]) throws -> (der: [UInt8], modulus: String?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-spki-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyPath = folder.appendingPathComponent("key.pem").path
        let generated = try Command.run("/usr/bin/openssl", ["genpkey"] + options + ["-out", keyPath])
        try #require(generated.status == 0, "openssl genpkey \(options)")
        let der = try Command.run("/usr/bin/openssl", ["pkey", "-in", keyPath, "-pubout", "-outform", "DER"])
        try #require(der.status == 0)
        let text = try Command.run("/usr/bin/openssl", ["rsa", "-in", keyPath, "-noout", "-modulus"])
        let modulus = String(decoding: text.output, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("Modulus=") }.map { $0.dropFirst(8).lowercased() }
        return (der.output, text.status == 0 ? modulus : nil)
    }

    @Test("the SPKI reader takes the stock CLI's RSA and RSASSA-PSS keys, and refuses what it must")
    func opensslKeys() throws {
        let accepted = [
            ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
            ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072", "-pkeyopt", "rsa_keygen_pubexp:3"],
            ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"],
            ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_pss_keygen_md:sha384",
             "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha384", "-pkeyopt", "rsa_pss_keygen_saltlen:48"],
        ]
        let refused = [
            ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"],
            ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_pss_keygen_md:sha256"],
            ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ]
        let keys = try (accepted + refused).map(Self.opensslKey)
        let answer = try #require(try Chromium.bridge(["mode": "parse", "keys": keys.map { Data($0.der).base64EncodedString() }])
                                  as? [[String: Any]])
        try #require(answer.count == keys.count)
        for (index, key) in keys.enumerated() {
            if index < accepted.count {
                #expect(answer[index]["n"] as? String == key.modulus?.drop { $0 == "0" }.description, "\(accepted[index])")
                #expect(answer[index]["error"] == nil, "\(answer[index])")
            } else {
                #expect(answer[index]["code"] as? String == "unsupported", "\(refused[index - accepted.count]): \(answer[index])")
            }
        }
        #expect(answer[1]["e"] as? String == "3")
        #expect(answer[0]["e"] as? String == "10001")
    }
}
