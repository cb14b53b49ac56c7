import Foundation
import Testing
@testable import Seal

/// Ed25519 signatures, key files and witness certificates exchanged with the stock `openssl`
/// command line, both directions.
struct Ed25519InteropTests {
    /// A cosignature/v1 message (c2sp.org/tlog-cosignature), the kind of input a witness signs.
    static let message = Array("cosignature/v1\ntime 1764115200\npingshen.session/2026-07\n42\n\(String(repeating: "A", count: 43))=\n".utf8)

    @Test("Swift signs, `openssl pkeyutl -verify -rawin` accepts; a changed message is refused")
    func cliVerifiesSwift() throws {
        let scratch = try Scratch()
        let key = try Ed25519SigningKey.generate()
        try scratch.write("pub.pem", key.publicKey.pem)
        try scratch.write("msg", Self.message)
        try scratch.write("sig", try key.signature(for: Self.message))
        let verify = ["pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-sigfile", "sig"]
        try OpenSSLCommand.expectSuccess(verify, in: scratch)
        try scratch.write("msg", Self.message + [0x0A])
        #expect(try !OpenSSLCommand.run(verify, in: scratch).succeeded)
    }

    @Test("The CLI signs with Swift's encrypted key file (`pkeyutl -sign -rawin`), Swift verifies, bytes equal")
    func swiftVerifiesCLI() throws {
        let scratch = try Scratch()
        let key = try Ed25519SigningKey.generate()
        try key.write(to: scratch.path("key.pem"), passphrase: "ed25519-interop-pw")
        try scratch.write("msg", Self.message)
        try OpenSSLCommand.expectSuccess(
            ["pkeyutl", "-sign", "-rawin", "-inkey", "key.pem", "-passin", "pass:ed25519-interop-pw", "-in", "msg", "-out", "sig"], in: scratch)
        let signature = try scratch.read("sig")
        #expect(key.publicKey.isValidSignature(signature, for: Self.message))
        #expect(try key.signature(for: Self.message) == signature)  // Ed25519 is deterministic
    }

    @Test("A key made by `openssl genpkey -algorithm ED25519`, encrypted by the CLI, opens in Swift")
    func cliKeyOpensInSwift() throws {
        let scratch = try Scratch()
        try OpenSSLCommand.expectSuccess(
            ["genpkey", "-algorithm", "ED25519", "-aes-256-cbc", "-pass", "pass:pw", "-out", "key.pem"], in: scratch)
        try OpenSSLCommand.expectSuccess(["pkey", "-in", "key.pem", "-passin", "pass:pw", "-pubout", "-out", "pub.pem"], in: scratch)
        let key = try Ed25519SigningKey(contentsOf: scratch.path("key.pem"), passphrase: "pw")
        #expect(key.publicKey == (try Ed25519VerifyingKey(pem: String(decoding: try scratch.read("pub.pem"), as: UTF8.self))))
        // The CLI's text dump of the public key names the same 32 bytes.
        let text = String(decoding: try OpenSSLCommand.expectSuccess(["pkey", "-pubin", "-in", "pub.pem", "-noout", "-text"], in: scratch), as: UTF8.self)
        let hex = text.split(separator: "\n").dropFirst(2).joined().filter(\.isHexDigit)
        #expect(hex == Digest.hex(key.publicKey.rawRepresentation))
    }

    @Test("`openssl verify -CAfile committee.pem witness.pem` accepts the witness certificate", arguments: SigningAlgorithm.allCases)
    func cliVerifiesWitnessCertificate(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let chain = Chain.of(algorithm)
        let key = try Ed25519SigningKey.generate()
        let certificate = try chain.authority.issue(commonName: "见证", role: .witness, publicKey: key.publicKey, validity: Chain.year)
        try scratch.write("committee.pem", chain.authority.certificate.pem)
        try scratch.write("witness.pem", certificate.pem)
        let options = algorithm == .sm2 ? ["-vfyopt", "distid:1234567812345678"] : []
        try OpenSSLCommand.expectSuccess(["verify"] + options + ["-CAfile", "committee.pem", "witness.pem"], in: scratch)
        let text = String(decoding: try OpenSSLCommand.expectSuccess(
            ["x509", "-in", "witness.pem", "-noout", "-text", "-nameopt", "utf8"], in: scratch), as: UTF8.self)
        #expect(text.contains("ED25519") && text.contains("OU=witness") && text.contains("CA:FALSE"))
        #expect(text.contains("Digital Signature") && !text.contains("Key Agreement"))
        // The key inside the certificate is the one that signs.
        try OpenSSLCommand.expectSuccess(["x509", "-in", "witness.pem", "-noout", "-pubkey", "-out", "pub.pem"], in: scratch)
        try scratch.write("msg", Self.message)
        try scratch.write("sig", try key.signature(for: Self.message))
        try OpenSSLCommand.expectSuccess(["pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-sigfile", "sig"], in: scratch)
        // Another seal's CA file does not accept it.
        try scratch.write("other.pem", Chain.of(algorithm == .p256 ? .sm2 : .p256).authority.certificate.pem)
        #expect(try !OpenSSLCommand.run(["verify"] + options + ["-CAfile", "other.pem", "witness.pem"], in: scratch).succeeded)
    }
}
