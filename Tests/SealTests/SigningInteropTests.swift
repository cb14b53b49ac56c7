import Testing
@testable import Seal

/// Signatures and key files exchanged with the stock `openssl` command line, both directions.
struct SigningInteropTests {
    static let distID = "distid:1234567812345678"

    /// `openssl dgst` arguments for verifying or signing with `algorithm`.
    static func dgst(_ algorithm: SigningAlgorithm) -> [String] {
        switch algorithm {
        case .p256: ["dgst", "-sha256"]
        case .sm2: ["dgst", "-sm3", "-sigopt", distID]
        }
    }

    @Test("Swift signs, `openssl dgst -verify` accepts", arguments: SigningAlgorithm.allCases)
    func cliVerifiesSwift(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let key = Fixtures.key(algorithm)
        try scratch.write("pub.pem", key.publicKey.pem)
        try scratch.write("msg", Fixtures.message)
        try scratch.write("sig", try key.signature(for: Fixtures.message))
        try OpenSSLCommand.expectSuccess(Self.dgst(algorithm) + ["-verify", "pub.pem", "-signature", "sig", "msg"], in: scratch)
        try scratch.write("msg", Fixtures.message + [1])
        #expect(try !OpenSSLCommand.run(Self.dgst(algorithm) + ["-verify", "pub.pem", "-signature", "sig", "msg"], in: scratch).succeeded)
    }

    @Test("SM2: `openssl pkeyutl` accepts with the distinguishing ID, and refuses without it")
    func pkeyutlNeedsDistinguishingID() throws {
        let scratch = try Scratch()
        try scratch.write("pub.pem", Fixtures.sm2.publicKey.pem)
        try scratch.write("msg", Fixtures.message)
        try scratch.write("sig", try Fixtures.sm2.signature(for: Fixtures.message))
        let verify = ["pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-sigfile", "sig"]
        try OpenSSLCommand.expectSuccess(verify + ["-pkeyopt", Self.distID], in: scratch)
        #expect(try !OpenSSLCommand.run(verify, in: scratch).succeeded)
    }

    @Test("The CLI signs, Swift verifies (dgst and pkeyutl)", arguments: SigningAlgorithm.allCases)
    func swiftVerifiesCLI(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let key = Fixtures.key(algorithm)
        try scratch.write("key.pem", try key.encryptedPEM(passphrase: "signing-interop-pw"))
        try scratch.write("msg", Fixtures.message)
        try OpenSSLCommand.expectSuccess(
            Self.dgst(algorithm) + ["-sign", "key.pem", "-passin", "pass:signing-interop-pw", "-out", "sig", "msg"], in: scratch)
        #expect(key.publicKey.isValidSignature(try scratch.read("sig"), for: Fixtures.message))
        var pkeyutl = ["pkeyutl", "-sign", "-rawin", "-digest", algorithm == .p256 ? "sha256" : "sm3",
                       "-inkey", "key.pem", "-passin", "pass:signing-interop-pw", "-in", "msg", "-out", "sig2"]
        if algorithm == .sm2 { pkeyutl += ["-pkeyopt", Self.distID] }
        try OpenSSLCommand.expectSuccess(pkeyutl, in: scratch)
        #expect(key.publicKey.isValidSignature(try scratch.read("sig2"), for: Fixtures.message))
    }

    @Test("Swift's encrypted PKCS#8 is PBES2/AES-256-CBC and opens with `openssl pkey -passin`",
          arguments: SigningAlgorithm.allCases)
    func cliReadsSwiftKey(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let key = Fixtures.key(algorithm)
        try scratch.write("key.pem", try key.encryptedPEM(passphrase: "评审 passphrase pw"))
        let publicPEM = try OpenSSLCommand.expectSuccess(
            ["pkey", "-in", "key.pem", "-passin", "pass:评审 passphrase pw", "-pubout"], in: scratch)
        #expect(String(decoding: publicPEM, as: UTF8.self) == key.publicKey.pem)
        #expect(try !OpenSSLCommand.run(["pkey", "-in", "key.pem", "-passin", "pass:wrong", "-noout"], in: scratch).succeeded)
        let structure = String(decoding: try OpenSSLCommand.expectSuccess(["asn1parse", "-in", "key.pem"], in: scratch), as: UTF8.self)
        #expect(structure.contains("PBES2") && structure.contains("aes-256-cbc") && structure.contains("hmacWithSHA256"))
    }

    @Test("Keys the CLI made and encrypted open in Swift", arguments: SigningAlgorithm.allCases)
    func swiftReadsCLIKey(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let generate = algorithm == .p256
            ? ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
            : ["genpkey", "-algorithm", "SM2"]
        try OpenSSLCommand.expectSuccess(generate + ["-aes-256-cbc", "-pass", "pass:pw", "-out", "key.pem"], in: scratch)
        let spki = try OpenSSLCommand.expectSuccess(
            ["pkey", "-in", "key.pem", "-passin", "pass:pw", "-pubout", "-outform", "DER"], in: scratch)
        let key = try SigningKey(encryptedPEM: String(decoding: try scratch.read("key.pem"), as: UTF8.self), passphrase: "pw")
        #expect(key.algorithm == algorithm)
        #expect(key.publicKey.subjectPublicKeyInfo == spki)
        #expect(try VerifyingKey(subjectPublicKeyInfo: spki) == key.publicKey)
        // The CLI's own PKCS#8 conversion (-topk8 -v2) opens too.
        try OpenSSLCommand.expectSuccess(
            ["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "key.pem", "-passin", "pass:pw", "-passout", "pass:pw2", "-out", "k8.pem"],
            in: scratch)
        let converted = try SigningKey(encryptedPEM: String(decoding: try scratch.read("k8.pem"), as: UTF8.self), passphrase: "pw2")
        #expect(converted.publicKey == key.publicKey)
        try scratch.write("pub.pem", key.publicKey.pem)
        try scratch.write("msg", Fixtures.message)
        try scratch.write("sig", try key.signature(for: Fixtures.message))
        try OpenSSLCommand.expectSuccess(Self.dgst(algorithm) + ["-verify", "pub.pem", "-signature", "sig", "msg"], in: scratch)
    }
}
