import Foundation
import Testing
@testable import Seal

/// RFC 9474 blind signatures with a freshly generated 2048-bit round key.
struct BlindSignatureTests {
    /// RSA key generation is the slowest step here, so one round key serves every test.
    static let roundKey = try! BlindSigningKey.generate()
    static let ballot = Array("pingshen-ballot-v1|session|round-3|C01:同意,C02:不同意|nonce".utf8)

    /// The same key pair, following `variant`.
    static func key(_ variant: BlindSignatureVariant) -> BlindVerifyingKey {
        try! BlindVerifyingKey(subjectPublicKeyInfo: roundKey.publicKey.subjectPublicKeyInfo, variant: variant)
    }

    @Test("Prepare, blind, sign, finalize and verify", arguments: BlindSignatureVariant.allCases)
    func roundTrip(_ variant: BlindSignatureVariant) throws {
        let signer = try BlindSigningKey.withVariant(Self.roundKey, variant)
        let client = Self.key(variant)
        #expect(client.modulusLength == 256)
        let prepared = client.prepare(Self.ballot)
        #expect(prepared.count == Self.ballot.count + (variant.isRandomized ? 32 : 0))
        #expect(prepared.suffix(Self.ballot.count).elementsEqual(Self.ballot))
        let blinding = try client.blind(prepared)
        #expect(blinding.blindedMessage.count == 256 && blinding.inverse.count == 256)
        #expect(!blinding.description.contains(Digest.hex(blinding.inverse)))
        let signature = try client.finalize(try signer.blindSign(blinding.blindedMessage), for: prepared, inverse: blinding.inverse)
        #expect(client.isValidSignature(signature, for: prepared))
        #expect(!client.isValidSignature(signature, for: Self.ballot + [0]))
        #expect(!client.isValidSignature(signature.dropLast(), for: prepared))
    }

    @Test("Blinding is fresh each time, so the signer cannot link what it signed")
    func unlinkable() throws {
        let client = Self.roundKey.publicKey
        let prepared = client.prepare(Self.ballot)
        let first = try client.blind(prepared), second = try client.blind(prepared)
        #expect(first.blindedMessage != second.blindedMessage && first.inverse != second.inverse)
        #expect(client.prepare(Self.ballot) != prepared)
    }

    @Test("Finalize refuses an answer that is not the signature: wrong inverse, other key, altered bytes")
    func finalizeRefusals() throws {
        let client = Self.roundKey.publicKey
        let prepared = client.prepare(Self.ballot)
        let blinding = try client.blind(prepared)
        let answer = try Self.roundKey.blindSign(blinding.blindedMessage)
        let other = try client.blind(prepared)
        #expect(#expect(throws: SealError.self) {
            try client.finalize(answer, for: prepared, inverse: other.inverse)
        }?.code == .invalidSignature)
        var altered = answer
        altered[100] ^= 1
        #expect(throws: SealError.self) { try client.finalize(altered, for: prepared, inverse: blinding.inverse) }
        #expect(throws: SealError.self) { try client.finalize(answer, for: prepared + [1], inverse: blinding.inverse) }
        #expect(throws: SealError.self) { try client.finalize(Array(answer.dropFirst()), for: prepared, inverse: blinding.inverse) }
    }

    @Test("BlindSign refuses inputs of the wrong length or not below the modulus")
    func blindSignRefusals() throws {
        let key = Self.roundKey
        #expect(#expect(throws: SealError.self) { try key.blindSign([1, 2, 3]) }?.code == .malformed)
        #expect(#expect(throws: SealError.self) { try key.blindSign([UInt8](repeating: 0xff, count: 256)) }?.code == .malformed)
    }

    @Test("The public key round-trips through SPKI; EC, short and truncated keys are refused")
    func publicKeyEncoding() throws {
        let publicKey = Self.roundKey.publicKey
        #expect(try BlindVerifyingKey(pem: publicKey.pem) == publicKey)
        #expect(publicKey.pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(publicKey.keyID == Digest.hash(publicKey.subjectPublicKeyInfo, using: .sha256))
        #expect(#expect(throws: SealError.self) {
            try BlindVerifyingKey(subjectPublicKeyInfo: Fixtures.p256.publicKey.subjectPublicKeyInfo)
        }?.code == .unsupported)
        let der = publicKey.subjectPublicKeyInfo
        for length in 0..<der.count {
            #expect(throws: SealError.self, "prefix \(length)") { try BlindVerifyingKey(subjectPublicKeyInfo: Array(der.prefix(length))) }
        }
        let scratch = try Scratch()
        try OpenSSLCommand.expectSuccess(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "short.pem"], in: scratch)
        let short = try OpenSSLCommand.expectSuccess(["pkey", "-in", "short.pem", "-pubout", "-outform", "DER"], in: scratch)
        #expect(#expect(throws: SealError.self) { try BlindVerifyingKey(subjectPublicKeyInfo: short) }?.code == .unsupported)
        #expect(throws: SealError.self) { try BlindSigningKey.generate(bits: 1024) }
    }

    @Test("`openssl dgst -sha384` with PSS verifies a finalized signature over the prepared message",
          arguments: BlindSignatureVariant.allCases)
    func cliVerifies(_ variant: BlindSignatureVariant) throws {
        let client = Self.key(variant)
        let prepared = client.prepare(Self.ballot)
        let blinding = try client.blind(prepared)
        let signature = try client.finalize(
            try BlindSigningKey.withVariant(Self.roundKey, variant).blindSign(blinding.blindedMessage),
            for: prepared, inverse: blinding.inverse)
        let scratch = try Scratch()
        try scratch.write("pub.pem", client.pem)
        try scratch.write("sig", signature)
        try scratch.write("msg", prepared)
        let verify = ["dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:\(variant.saltLength)",
                      "-verify", "pub.pem", "-signature", "sig", "msg"]
        try OpenSSLCommand.expectSuccess(verify, in: scratch)
        try scratch.write("msg", Self.ballot + [0x20])
        #expect(try !OpenSSLCommand.run(verify, in: scratch).succeeded)
    }

    @Test("Swift verifies an RSASSA-PSS signature the CLI made with the round key's public key")
    func swiftVerifiesCLI() throws {
        let scratch = try Scratch()
        try OpenSSLCommand.expectSuccess(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem"], in: scratch)
        let spki = try OpenSSLCommand.expectSuccess(["pkey", "-in", "key.pem", "-pubout", "-outform", "DER"], in: scratch)
        try scratch.write("msg", Self.ballot)
        try OpenSSLCommand.expectSuccess(
            ["dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:48", "-sign", "key.pem",
             "-out", "sig", "msg"], in: scratch)
        let key = try BlindVerifyingKey(subjectPublicKeyInfo: spki)
        #expect(key.isValidSignature(try scratch.read("sig"), for: Self.ballot))
        #expect(!key.isValidSignature(try scratch.read("sig"), for: Self.ballot.dropLast()))
    }
}

extension BlindSigningKey {
    /// The same key pair, following another variant (the vectors and variants share a key).
    static func withVariant(_ key: BlindSigningKey, _ variant: BlindSignatureVariant) throws -> BlindSigningKey {
        try BlindSigningKey(key: key.key, variant: variant)
    }
}
