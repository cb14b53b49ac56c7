import Foundation
import Testing
@testable import Seal

/// Ed25519 keys, their files and the witness certificate the committee seal issues for them.
struct Ed25519Tests {
    static let key = try! Ed25519SigningKey.generate()

    @Test("A generated key signs 64 bytes that verify, deterministically, and no other key accepts them")
    func signAndVerify() throws {
        let signature = try Self.key.signature(for: Fixtures.message)
        #expect(signature.count == 64)
        #expect(try Self.key.signature(for: Fixtures.message) == signature)
        #expect(Self.key.publicKey.isValidSignature(signature, for: Fixtures.message))
        #expect(!(try Ed25519SigningKey.generate()).publicKey.isValidSignature(signature, for: Fixtures.message))
    }

    @Test("The public key round-trips through raw bytes, SubjectPublicKeyInfo (RFC 8410) and PEM")
    func publicKeyEncodings() throws {
        let publicKey = Self.key.publicKey
        #expect(publicKey.rawRepresentation.count == 32)
        // RFC 8410 §4: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes) }.
        #expect(publicKey.subjectPublicKeyInfo == [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00] + publicKey.rawRepresentation)
        #expect(try Ed25519VerifyingKey(subjectPublicKeyInfo: publicKey.subjectPublicKeyInfo) == publicKey)
        #expect(try Ed25519VerifyingKey(pem: publicKey.pem) == publicKey)
        #expect(try Ed25519VerifyingKey(rawRepresentation: publicKey.rawRepresentation) == publicKey)
    }

    @Test("Malformed keys are refused with the reason")
    func malformedKeys() throws {
        #expect(throws: SealError.self) { try Ed25519VerifyingKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: SealError.self) { try Ed25519VerifyingKey(rawRepresentation: [UInt8](repeating: 1, count: 33)) }
        #expect(throws: SealError.self) { try Ed25519SigningKey(rawRepresentation: [UInt8](repeating: 1, count: 16)) }
        let spki = Self.key.publicKey.subjectPublicKeyInfo
        #expect(throws: SealError.self) { try Ed25519VerifyingKey(subjectPublicKeyInfo: spki + [0]) }
        for length in 0..<spki.count {
            #expect(throws: SealError.self) { try Ed25519VerifyingKey(subjectPublicKeyInfo: Array(spki.prefix(length))) }
        }
        let p256 = Fixtures.p256.publicKey.subjectPublicKeyInfo
        #expect(throws: SealError(operation: "读取公钥：不是 Ed25519 密钥 (reading a public key: not an Ed25519 key)", code: .unsupported)) {
            try Ed25519VerifyingKey(subjectPublicKeyInfo: p256)
        }
        // The other way round: a P-256 verifier never takes an Ed25519 key.
        #expect(throws: SealError.self) { try VerifyingKey(subjectPublicKeyInfo: spki) }
    }

    @Test("The encrypted PKCS#8 file: 0600, refused with a wrong passphrase, never overwritten, other key types refused")
    func keyFile() throws {
        let scratch = try Scratch()
        let path = scratch.path("witness.key")
        try Self.key.write(to: path, passphrase: "口令 passphrase pw")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = String(decoding: try scratch.read("witness.key"), as: UTF8.self)
        #expect(text.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(try Ed25519SigningKey(contentsOf: path, passphrase: "口令 passphrase pw").publicKey == Self.key.publicKey)
        expectCode(.wrongPassphrase) { _ = try Ed25519SigningKey(contentsOf: path, passphrase: "wrong") }
        expectCode(.file) { _ = try Self.key.write(to: path, passphrase: "口令 passphrase pw") }
        expectCode(.wrongPassphrase) { _ = try Self.key.encryptedPEM(passphrase: "") }
        expectCode(.unsupported) { _ = try Ed25519SigningKey(encryptedPEM: Fixtures.p256.encryptedPEM(passphrase: "口令 passphrase pw"), passphrase: "口令 passphrase pw") }
        expectCode(.unsupported) { _ = try SigningKey(encryptedPEM: text, passphrase: "口令 passphrase pw") }
    }

    @Test("The seal issues a witness certificate for an Ed25519 key", arguments: SigningAlgorithm.allCases)
    func witnessCertificate(_ algorithm: SigningAlgorithm) throws {
        let chain = Chain.of(algorithm)
        let certificate = try chain.authority.issue(
            commonName: "省人社厅见证", role: .witness, publicKey: Self.key.publicKey, validity: Chain.year)
        #expect(certificate.role == .witness && certificate.subject.commonName == "省人社厅见证")
        #expect(certificate.subject.organization == chain.authority.certificate.subject.organization)
        #expect(certificate.issuer == chain.authority.certificate.subject)
        #expect(certificate.signatureAlgorithm == algorithm)
        #expect(certificate.serialNumber.count == 16)
        #expect(certificate.publicKey == Self.key.publicKey && certificate.matches(Self.key))
        #expect(!certificate.matches(try Ed25519SigningKey.generate()))
        try certificate.verify(issuedBy: chain.authority.certificate)
        #expect(try Ed25519Certificate(pem: certificate.pem) == certificate)
        let other = Chain.of(algorithm == .p256 ? .sm2 : .p256)
        expectCode(.untrustedCertificate) { _ = try certificate.verify(issuedBy: other.authority.certificate) }
        expectCode(.untrustedCertificate) { _ = try certificate.verify(issuedBy: chain.authority.certificate, at: Chain.now.addingTimeInterval(400 * 86_400)) }
        // Not a record certificate: the P-256/SM2 type refuses it, and the Ed25519 type refuses a member's.
        expectCode(.unsupported) { _ = try Certificate(der: certificate.der) }
        expectCode(.unsupported) { _ = try Ed25519Certificate(der: chain.member.certificate.der) }
        #expect(throws: SealError.self) { try Ed25519Certificate(der: certificate.der + [0]) }
    }
}

/// Expects `body` to throw a `SealError` with `code`.
func expectCode(_ code: SealError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    let error = #expect(throws: SealError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, "\(error.map(String.init(describing:)) ?? "")", sourceLocation: sourceLocation)
}
