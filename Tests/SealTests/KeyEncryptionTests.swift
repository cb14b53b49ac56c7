import Foundation
@testable import Seal
import Testing

/// Long-term key files (seal, chair, secretary, teller, inspector, witness) against the stock
/// `openssl` CLI: PBES2 with PBKDF2-HMAC-SHA256 at 600,000 iterations both ways, and the
/// passphrase rule for new keys. These tests pay the real cost (about 0.2 s a key).
@Suite("Key files: PBKDF2-HMAC-SHA256 600,000 iterations, passphrases of 12 characters")
struct KeyEncryptionTests {
    static let passphrase = "评审委员会 key passphrase"

    /// A fresh key of each kind pingshen writes, as its encrypted PEM under `passphrase`.
    static func encrypted(_ kind: String, passphrase: String = passphrase) throws -> (pem: String, publicPEM: String) {
        switch kind {
        case "ed25519":
            let key = try Ed25519SigningKey.generate()
            return (try key.encryptedPEM(passphrase: passphrase), key.publicKey.pem)
        default:
            let key = try SigningKey.generate(kind == "sm2" ? .sm2 : .p256)
            return (try key.encryptedPEM(passphrase: passphrase), key.publicKey.pem)
        }
    }

    /// The PBES2 parameters `openssl asn1parse` finds in an encrypted key: iterations, salt length, PRF, cipher.
    static func parameters(_ pem: String, in scratch: Scratch) throws -> (iterations: Int?, salt: Int?, prf: Bool, cipher: Bool) {
        try scratch.write("params.pem", pem)
        let dump = String(decoding: try OpenSSLCommand.expectSuccess(["asn1parse", "-in", "params.pem"], in: scratch), as: UTF8.self)
        let lines = dump.split(separator: "\n").map(String.init)
        guard let kdf = lines.firstIndex(where: { $0.hasSuffix(":PBKDF2") }), kdf + 3 < lines.count else { return (nil, nil, false, false) }
        // After the PBKDF2 OID: SEQUENCE, OCTET STRING salt (l=N), INTEGER iterations (hex).
        let salt = lines[kdf + 2].range(of: #"l= *(\d+) prim: OCTET STRING"#, options: .regularExpression).flatMap { match in
            Int(lines[kdf + 2][match].split(separator: "=")[1].split(separator: " ")[0])
        }
        let iterations = lines[kdf + 3].split(separator: ":").last.flatMap { Int($0, radix: 16) }
        return (iterations, salt, dump.contains(":hmacWithSHA256"), dump.contains(":aes-256-cbc") && dump.contains(":PBES2"))
    }

    @Test("pingshen's key files: PBES2, PBKDF2-HMAC-SHA256, 600,000 iterations, 16-byte salt, AES-256-CBC; `openssl pkcs8 -passin` opens them",
          arguments: ["p256", "sm2", "ed25519"])
    func cliOpensOurs(_ kind: String) throws {
        let scratch = try Scratch()
        let (pem, publicPEM) = try Self.encrypted(kind)
        let found = try Self.parameters(pem, in: scratch)
        #expect(found.iterations == 600_000 && KeyEncryption.iterations == 600_000)
        #expect(found.salt == 16)
        #expect(found.prf && found.cipher)
        try scratch.write("key.pem", pem)
        try OpenSSLCommand.expectSuccess(["pkcs8", "-in", "key.pem", "-passin", "pass:\(Self.passphrase)", "-out", "plain.pem"], in: scratch)
        let derived = try OpenSSLCommand.expectSuccess(["pkey", "-in", "plain.pem", "-pubout"], in: scratch)
        #expect(String(decoding: derived, as: UTF8.self) == publicPEM)
        #expect(try !OpenSSLCommand.run(["pkcs8", "-in", "key.pem", "-passin", "pass:wrong passphrase", "-out", "x.pem"], in: scratch).succeeded)
    }

    @Test("keys the CLI encrypted open in Swift: PBKDF2 at 600,000 iterations, scrypt (N=2^14), and the old default of 2,048 with a short passphrase",
          arguments: [
              ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-iter", "600000"],
              ["-scrypt"],
              ["-v2", "aes-256-cbc"],
          ])
    func oursOpensCLI(_ options: [String]) throws {
        let scratch = try Scratch()
        let short = options == ["-v2", "aes-256-cbc"]
        let passphrase = short ? "pw" : Self.passphrase  // a key made before the rule still opens
        try OpenSSLCommand.expectSuccess(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.pem"], in: scratch)
        try OpenSSLCommand.expectSuccess(["pkcs8", "-topk8"] + options + ["-in", "plain.pem", "-passout", "pass:\(passphrase)", "-out", "key.pem"], in: scratch)
        let spki = try OpenSSLCommand.expectSuccess(["pkey", "-in", "plain.pem", "-pubout", "-outform", "DER"], in: scratch)
        let key = try SigningKey(encryptedPEM: String(decoding: try scratch.read("key.pem"), as: UTF8.self), passphrase: passphrase)
        #expect(key.publicKey.subjectPublicKeyInfo == spki)
        let error = #expect(throws: SealError.self) {
            try SigningKey(encryptedPEM: String(decoding: try scratch.read("key.pem"), as: UTF8.self), passphrase: passphrase + "x")
        }
        #expect(error?.code == .wrongPassphrase)
    }

    @Test("why not scrypt N=2^15, r=8, p=1: OpenSSL 3.0's CLI refuses it (memory limit exceeded), so it could not read such a key")
    func scryptBeyondOpenSSL30() throws {
        let scratch = try Scratch()
        let version = String(decoding: try OpenSSLCommand.expectSuccess(["version"], in: scratch), as: UTF8.self)
        guard version.hasPrefix("OpenSSL 3.0.") else { return }  // a fact about 3.0, the CLI inspectors have
        try OpenSSLCommand.expectSuccess(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.pem"], in: scratch)
        let outcome = try OpenSSLCommand.run(["pkcs8", "-topk8", "-scrypt", "-scrypt_N", "32768", "-scrypt_r", "8", "-scrypt_p", "1",
                                             "-in", "plain.pem", "-passout", "pass:\(Self.passphrase)", "-out", "key.pem"], in: scratch)
        #expect(outcome.errors.contains("memory limit exceeded"))
    }

    @Test("a new key's passphrase has at least 12 characters (口 counts one); a shorter one is refused before anything is written",
          arguments: ["p256", "ed25519"])
    func passphraseLength(_ kind: String) throws {
        let scratch = try Scratch()
        KeyEncryption.$testingIterations.withValue(1000) {
            for short in ["", "elevenchars", "一二三四五六七八九十甲"] {
                let error = #expect(throws: SealError.self) { _ = try Self.encrypted(kind, passphrase: short) }
                #expect(error?.code == (short.isEmpty ? .wrongPassphrase : .weakPassphrase))
                if !short.isEmpty { #expect(error?.description.contains("至少 12 个字符") == true) }
            }
            for enough in ["twelve chars", "一二三四五六七八九十甲乙"] {
                #expect(throws: Never.self) { _ = try Self.encrypted(kind, passphrase: enough) }
            }
            let path = scratch.path("refused.key")
            if kind == "ed25519" {
                #expect(throws: SealError.self) { try Ed25519SigningKey.generate().write(to: path, passphrase: "short") }
            } else {
                #expect(throws: SealError.self) { try SigningKey.generate(.p256).write(to: path, passphrase: "short") }
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("the test-only cost reaches only the code bound to it: inside 1,000 iterations, outside 600,000")
    func testingCostIsScoped() throws {
        let scratch = try Scratch()
        let cheap = try KeyEncryption.$testingIterations.withValue(1000) { try Self.encrypted("p256").pem }
        #expect(try Self.parameters(cheap, in: scratch).iterations == 1000)
        #expect(KeyEncryption.testingIterations == nil && KeyEncryption.effectiveIterations == 600_000)
    }
}
