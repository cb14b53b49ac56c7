import Foundation
import Testing
@testable import Seal

/// Certificates exchanged with the stock `openssl` command line, both directions.
struct CertificateInteropTests {
    /// `openssl verify` needs the SM2 ID for SM2-with-SM3 signatures (OpenSSL 3.0 defaults to an empty ID).
    static func verifyOptions(_ algorithm: SigningAlgorithm) -> [String] {
        algorithm == .sm2 ? ["-vfyopt", "distid:1234567812345678"] : []
    }

    @Test("`openssl verify -CAfile` accepts Swift's chain and reads its extensions", arguments: SigningAlgorithm.allCases)
    func cliVerifiesSwift(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let chain = Chain.of(algorithm)
        try scratch.write("ca.pem", chain.authority.certificate.pem)
        try scratch.write("member.pem", chain.member.certificate.pem)
        try OpenSSLCommand.expectSuccess(["verify"] + Self.verifyOptions(algorithm) + ["-CAfile", "ca.pem", "member.pem"], in: scratch)
        if algorithm == .sm2 {
            // The limitation, recorded: without the ID the stock CLI computes a different SM3 prehash.
            #expect(try !OpenSSLCommand.run(["verify", "-CAfile", "ca.pem", "member.pem"], in: scratch).succeeded)
        }
        let ca = String(decoding: try OpenSSLCommand.expectSuccess(["x509", "-in", "ca.pem", "-noout", "-text"], in: scratch), as: UTF8.self)
        #expect(ca.contains("CA:TRUE, pathlen:0") && ca.contains("Digital Signature, Certificate Sign, CRL Sign"))
        #expect(ca.contains("Subject Key Identifier") && ca.contains("Authority Key Identifier"))
        #expect(ca.contains(algorithm == .p256 ? "ecdsa-with-SHA256" : "SM2-with-SM3"))
        let member = String(decoding: try OpenSSLCommand.expectSuccess(
            ["x509", "-in", "member.pem", "-noout", "-text", "-nameopt", "utf8"], in: scratch), as: UTF8.self)
        #expect(member.contains("CA:FALSE") && member.contains("OU=chair") && member.contains("CN=张主任"))
        let issuerSKI = try OpenSSLCommand.expectSuccess(["x509", "-in", "ca.pem", "-noout", "-ext", "subjectKeyIdentifier"], in: scratch)
        let memberAKI = try OpenSSLCommand.expectSuccess(["x509", "-in", "member.pem", "-noout", "-ext", "authorityKeyIdentifier"], in: scratch)
        let ski = String(decoding: issuerSKI, as: UTF8.self).split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(ski != nil && String(decoding: memberAKI, as: UTF8.self).contains(ski!))
    }

    @Test("`openssl verify` refuses an expired certificate and one from another seal")
    func cliRefuses() throws {
        let scratch = try Scratch()
        let past = Chain.now.addingTimeInterval(-30 * 86_400)...Chain.now.addingTimeInterval(-86_400)
        try scratch.write("ca.pem", Chain.p256.authority.certificate.pem)
        try scratch.write("old.pem", try Chain.p256.issueMember("旧委员", role: .teller, validity: past).certificate.pem)
        try scratch.write("sm2.pem", Chain.sm2.member.certificate.pem)
        #expect(try !OpenSSLCommand.run(["verify", "-CAfile", "ca.pem", "old.pem"], in: scratch).succeeded)
        #expect(try !OpenSSLCommand.run(["verify", "-CAfile", "ca.pem", "sm2.pem"], in: scratch).succeeded)
    }

    @Test("A chain made by the CLI is read and verified by Swift", arguments: SigningAlgorithm.allCases)
    func swiftVerifiesCLI(_ algorithm: SigningAlgorithm) throws {
        let scratch = try Scratch()
        let (genpkey, digest): ([String], String) = algorithm == .p256
            ? (["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], "-sha256")
            : (["genpkey", "-algorithm", "SM2"], "-sm3")
        let sign = algorithm == .sm2 ? ["-sigopt", "distid:1234567812345678"] : []
        try OpenSSLCommand.expectSuccess(genpkey + ["-out", "ca.key"], in: scratch)
        try OpenSSLCommand.expectSuccess(genpkey + ["-out", "ee.key"], in: scratch)
        try OpenSSLCommand.expectSuccess(
            ["req", "-new", "-x509", "-key", "ca.key", digest] + sign + ["-days", "30", "-utf8",
             "-subj", "/O=评审委员会/CN=命令行印章", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "ca.pem"], in: scratch)
        try OpenSSLCommand.expectSuccess(
            ["req", "-new", "-key", "ee.key", digest] + sign + ["-utf8", "-subj", "/O=评审委员会/OU=secretary/CN=记录人", "-out", "ee.csr"],
            in: scratch)
        try OpenSSLCommand.expectSuccess(
            ["x509", "-req", "-in", "ee.csr", "-CA", "ca.pem", "-CAkey", "ca.key", digest] + sign
                + Self.verifyOptions(algorithm) + ["-days", "10", "-set_serial", "4660", "-out", "ee.pem"], in: scratch)
        let seal = try Certificate(pem: String(decoding: try scratch.read("ca.pem"), as: UTF8.self))
        let member = try Certificate(pem: String(decoding: try scratch.read("ee.pem"), as: UTF8.self))
        #expect(seal.isAuthority && seal.subject.commonName == "命令行印章")
        #expect(member.role == .secretary && member.subject.commonName == "记录人" && member.issuer == seal.subject)
        #expect(member.serialNumber == [0x12, 0x34] && member.signatureAlgorithm == algorithm)
        #expect(member.notAfter.timeIntervalSince(member.notBefore) == 10 * 86_400)
        try member.verify(issuedBy: seal)
        #expect(throws: SealError.self) { try member.verify(issuedBy: Chain.of(algorithm).authority.certificate) }
        let spki = try OpenSSLCommand.expectSuccess(["pkey", "-in", "ee.key", "-pubout", "-outform", "DER"], in: scratch)
        #expect(member.publicKey.subjectPublicKeyInfo == spki)
    }
}
