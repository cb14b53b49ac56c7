import Foundation
import Testing
@testable import Seal

/// P-256 and SM2 keys: signing, SubjectPublicKeyInfo, encrypted PKCS#8, key files.
struct SigningKeyTests {
    @Test("A signature verifies, and not over other bytes or under another key", arguments: SigningAlgorithm.allCases)
    func signAndVerify(_ algorithm: SigningAlgorithm) throws {
        let key = Fixtures.key(algorithm)
        let signature = try key.signature(for: Fixtures.message)
        #expect(key.algorithm == algorithm)
        #expect(key.publicKey.isValidSignature(signature, for: Fixtures.message))
        #expect(!key.publicKey.isValidSignature(signature, for: Fixtures.message + [0]))
        #expect(!key.publicKey.isValidSignature(signature, for: Fixtures.message.dropLast()))
        let other = try SigningKey.generate(algorithm)
        #expect(!other.publicKey.isValidSignature(signature, for: Fixtures.message))
        #expect(!key.publicKey.isValidSignature([], for: Fixtures.message))
        let empty = try key.signature(for: [UInt8]())
        #expect(key.publicKey.isValidSignature(empty, for: [UInt8]()))
    }

    @Test("Every one-bit change of a signature is rejected", arguments: SigningAlgorithm.allCases)
    func bitFlippedSignature(_ algorithm: SigningAlgorithm) throws {
        let key = Fixtures.key(algorithm)
        let signature = try key.signature(for: Fixtures.message)
        for bit in 0..<(signature.count * 8) {
            var flipped = signature
            flipped[bit / 8] ^= 1 << (bit % 8)
            #expect(!key.publicKey.isValidSignature(flipped, for: Fixtures.message), "bit \(bit)")
        }
    }

    @Test("SubjectPublicKeyInfo round-trips through DER and PEM", arguments: SigningAlgorithm.allCases)
    func publicKeyRoundTrip(_ algorithm: SigningAlgorithm) throws {
        let publicKey = Fixtures.key(algorithm).publicKey
        let fromDER = try VerifyingKey(subjectPublicKeyInfo: publicKey.subjectPublicKeyInfo)
        let fromPEM = try VerifyingKey(pem: publicKey.pem)
        #expect(fromDER == publicKey && fromPEM == publicKey)
        #expect(fromDER.algorithm == algorithm)
        #expect(publicKey.pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(publicKey.keyID == Digest.hash(publicKey.subjectPublicKeyInfo, using: .sha256))
        let signature = try Fixtures.key(algorithm).signature(for: Fixtures.message)
        #expect(fromPEM.isValidSignature(signature, for: Fixtures.message))
    }

    @Test("Public keys of other kinds and trailing bytes are refused")
    func publicKeyRefusals() throws {
        let der = Fixtures.p256.publicKey.subjectPublicKeyInfo
        #expect(throws: SealError.self) { try VerifyingKey(subjectPublicKeyInfo: der + [0]) }
        #expect(throws: SealError.self) { try VerifyingKey(subjectPublicKeyInfo: []) }
        #expect(throws: SealError.self) { try VerifyingKey(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }
        let scratch = try Scratch()
        try OpenSSLCommand.expectSuccess(
            ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.pem"], in: scratch)
        let p384 = try OpenSSLCommand.expectSuccess(["pkey", "-in", "p384.pem", "-pubout", "-outform", "DER"], in: scratch)
        let error = #expect(throws: SealError.self) { try VerifyingKey(subjectPublicKeyInfo: p384) }
        #expect(error?.code == .unsupported)
    }

    @Test("Only the uncompressed point encoding is accepted, so one key has one key ID", arguments: SigningAlgorithm.allCases)
    func pointEncodings(_ algorithm: SigningAlgorithm) throws {
        var hybrid = Fixtures.key(algorithm).publicKey.subjectPublicKeyInfo
        #expect(hybrid.count == 91 && hybrid[26] == 0x04)
        hybrid[26] = 0x06 | (hybrid[90] & 1)  // the same point, with y's parity repeated in the prefix
        #expect(#expect(throws: SealError.self) { try VerifyingKey(subjectPublicKeyInfo: hybrid) }?.code == .malformed)
        let scratch = try Scratch()
        try scratch.write("pub.pem", Fixtures.key(algorithm).publicKey.pem)
        let compressed = try OpenSSLCommand.expectSuccess(
            ["ec", "-pubin", "-in", "pub.pem", "-conv_form", "compressed", "-pubout", "-outform", "DER"], in: scratch)
        #expect(compressed.count == 59)
        #expect(throws: SealError.self) { try VerifyingKey(subjectPublicKeyInfo: compressed) }
    }

    @Test("Encrypted PKCS#8 round-trips; a wrong passphrase fails clearly", arguments: SigningAlgorithm.allCases)
    func encryptedPKCS8(_ algorithm: SigningAlgorithm) throws {
        let key = Fixtures.key(algorithm)
        let pem = try key.encryptedPEM(passphrase: "评审 passphrase")
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        let reopened = try SigningKey(encryptedPEM: pem, passphrase: "评审 passphrase")
        #expect(reopened.publicKey == key.publicKey && reopened.algorithm == algorithm)
        #expect(key.publicKey.isValidSignature(try reopened.signature(for: Fixtures.message), for: Fixtures.message))

        let error = #expect(throws: SealError.self) { try SigningKey(encryptedPEM: pem, passphrase: "wrong") }
        #expect(error?.code == .wrongPassphrase)
        #expect(error?.description.contains("口令错误") == true)
        #expect(error?.description.contains("wrong passphrase") == true)
        #expect(error?.description.contains("评审 passphrase") == false)
        #expect(#expect(throws: SealError.self) { try key.encryptedPEM(passphrase: "") }?.code == .wrongPassphrase)
        #expect(!key.description.contains("PRIVATE"))
    }

    @Test("Unencrypted private keys are refused")
    func unencryptedRefused() throws {
        let scratch = try Scratch()
        try OpenSSLCommand.expectSuccess(["genpkey", "-algorithm", "SM2", "-out", "plain.pem"], in: scratch)
        let plain = String(decoding: try scratch.read("plain.pem"), as: UTF8.self)
        let error = #expect(throws: SealError.self) { try SigningKey(encryptedPEM: plain, passphrase: "x") }
        #expect(error?.code == .malformed)
    }

    @Test("write(to:) creates a 0600 file, refuses to overwrite, and reads back")
    func keyFile() throws {
        let scratch = try Scratch()
        let path = scratch.path("chair.key.pem")
        let previous = umask(0)  // the mode must not depend on the caller's umask
        defer { umask(previous) }
        try Fixtures.p256.write(to: path, passphrase: "s3cret-passphrase")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let error = #expect(throws: SealError.self) { try Fixtures.sm2.write(to: path, passphrase: "s3cret-passphrase") }
        #expect(error?.code == .file)
        let reread = try SigningKey(contentsOf: path, passphrase: "s3cret-passphrase")
        #expect(reread.publicKey == Fixtures.p256.publicKey)
        #expect(throws: SealError.self) { try SigningKey(contentsOf: scratch.path("missing"), passphrase: "s3cret-passphrase") }
    }
}
