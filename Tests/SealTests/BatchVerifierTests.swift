import Foundation
import Testing
import TestSupport
@testable import Seal

/// The batch verifiers answer exactly what the keys' own `isValidSignature` answers, and the
/// RSA key they parse themselves is accepted and refused exactly as `BlindVerifyingKey` is.
struct BatchVerifierTests {
    static let roundKey = BlindSignatureTests.roundKey

    /// A finalized credential over `message`, and the prepared message.
    static func credential(_ message: [UInt8]) throws -> (signature: [UInt8], prepared: [UInt8]) {
        let key = roundKey.publicKey
        let prepared = key.prepare(message)
        let blinding = try key.blind(prepared)
        return (try key.finalize(try roundKey.blindSign(blinding.blindedMessage), for: prepared, inverse: blinding.inverse), prepared)
    }

    /// Which bytes are altered comes from the seeds (`PINGSHEN_TEST_SEED` adds this run's), named by a failure.
    @Test("RSA-PSS: valid credentials verify, and every altered signature, prefix or message fails, as with BlindVerifyingKey", arguments: Seeds.all)
    func credentials(seed: UInt64) throws {
        let batch = try BlindSignatureBatchVerifier(subjectPublicKeyInfo: Self.roundKey.publicKey.subjectPublicKeyInfo)
        let parsed = try BlindSignatureBatchVerifier(Self.roundKey.publicKey)
        #expect(batch.modulusLength == 256)
        var rng = SeededRandom(seed: seed)
        for n in 0..<12 {
            let (signature, prepared) = try Self.credential(Array("ballot \(n) 同意".utf8))
            var cases: [([UInt8], [UInt8])] = [(signature, prepared)]
            var s = signature
            s[Int.random(in: s.indices, using: &rng)] ^= 0x01
            cases.append((s, prepared))
            var p = prepared
            p[Int.random(in: p.indices, using: &rng)] ^= 0x80
            cases.append((signature, p))
            cases.append((Array(signature.dropLast()), prepared))
            cases.append((signature + [0], prepared))
            for (sig, message) in cases {
                let expected = Self.roundKey.publicKey.isValidSignature(sig, for: message)
                for verifier in [batch, parsed] {
                    let answer = sig.withUnsafeBytes { s in
                        message.withUnsafeBytes { m in
                            verifier.isValidSignature(s, prefix: UnsafeRawBufferPointer(rebasing: m[..<32]), message: UnsafeRawBufferPointer(rebasing: m[32...]))
                        }
                    }
                    #expect(answer == expected)
                }
            }
            #expect(Self.roundKey.publicKey.isValidSignature(signature, for: prepared))
        }
    }

    @Test("RSA-PSS: hand-built encodings (wrong trailer, padding, separator, top bit, salt length) and out-of-range signatures are judged as OpenSSL judges them")
    func handBuiltEncodings() throws {
        let key = Self.roundKey.publicKey
        let batch = try BlindSignatureBatchVerifier(subjectPublicKeyInfo: key.subjectPublicKeyInfo)
        let prepared = key.prepare(Array("第 1 轮 C01=同意".utf8))
        func encoding(salt: Int) throws -> [UInt8] {
            try PSSEncoding.encode(prepared, salt: SecureRandom.bytes(salt), modulusBits: 2048)
        }
        let valid = try encoding(salt: 48)
        // (what to sign raw, whether it must verify): the signer's raw operation turns any
        // encoding below n into a signature whose public operation gives it back.
        var cases: [([UInt8], Bool)] = [(valid, true), (try encoding(salt: 47), false), (try encoding(salt: 49), false), (try encoding(salt: 0), false)]
        var trailer = valid
        trailer[255] = 0xbd
        cases.append((trailer, false))
        var separator = valid  // DB = 0…0 ‖ 01 ‖ salt: the 01 sits at dbLen − 48 − 1 = 158
        separator[158] ^= 0x03
        cases.append((separator, false))
        for i in [1, 100, 157, 159, 206, 207, 230, 254] {  // padding, salt, H, just before the trailer
            var changed = valid
            changed[i] ^= 0x10
            cases.append((changed, false))
        }
        var topBit = valid  // emBits = 2047: the top bit must be clear (and the value stays below n only sometimes)
        topBit[0] |= 0x80
        cases.append((topBit, false))
        for (encoded, expected) in cases {
            guard let signature = try? Self.roundKey.blindSign(encoded) else { continue }  // not below n
            #expect(key.isValidSignature(signature, for: prepared) == expected)
            let answer = signature.withUnsafeBytes { s in
                prepared.withUnsafeBytes { m in
                    batch.isValidSignature(s, prefix: UnsafeRawBufferPointer(rebasing: m[..<32]), message: UnsafeRawBufferPointer(rebasing: m[32...]))
                }
            }
            #expect(answer == expected)
        }
        // A "signature" equal to n, or all ones, is out of RSAVP1's range: refused by both.
        let modulus = try key.arithmetic.modulus.bytes(count: 256)
        for signature in [modulus, [UInt8](repeating: 0xff, count: 256), [UInt8](repeating: 0, count: 256)] {
            #expect(!key.isValidSignature(signature, for: prepared))
            let answer = signature.withUnsafeBytes { s in
                prepared.withUnsafeBytes { m in
                    batch.isValidSignature(s, prefix: UnsafeRawBufferPointer(rebasing: m[..<32]), message: UnsafeRawBufferPointer(rebasing: m[32...]))
                }
            }
            #expect(!answer)
        }
    }

    @Test("The RSA key parser refuses what BlindVerifyingKey refuses (truncations, EC keys, short keys, non-canonical bytes), and an even exponent too")
    func rsaKeyParsing() throws {
        let der = Self.roundKey.publicKey.subjectPublicKeyInfo
        for length in 0..<der.count {
            #expect(throws: SealError.self, "prefix \(length)") { try BlindSignatureBatchVerifier(subjectPublicKeyInfo: Array(der.prefix(length))) }
        }
        #expect(throws: SealError.self) { try BlindSignatureBatchVerifier(subjectPublicKeyInfo: der + [0]) }
        #expect(throws: SealError.self) { try BlindSignatureBatchVerifier(subjectPublicKeyInfo: Fixtures.p256.publicKey.subjectPublicKeyInfo) }
        // Every single-byte change: what the batch parser accepts, BlindVerifyingKey accepts as the
        // same key; they differ only where the exponent or the modulus turns even (65537 → 65536,
        // the modulus's last byte), which no RSA key can have and only the batch parser refuses.
        let modulusLastByte = der.count - 6  // … n ‖ 02 03 01 00 01
        for i in der.indices {
            var changed = der
            changed[i] ^= 0x01
            let general = try? BlindVerifyingKey(subjectPublicKeyInfo: changed)
            let batch = try? BlindSignatureBatchVerifier(subjectPublicKeyInfo: changed)
            if i == der.count - 1 || i == modulusLastByte {
                #expect(general != nil && batch == nil, "byte \(i)")
            } else {
                #expect((general == nil) == (batch == nil), "byte \(i)")
            }
            if let general, let batch { #expect(general.subjectPublicKeyInfo == batch.subjectPublicKeyInfo) }
        }
        let scratch = try Scratch()
        try OpenSSLCommand.expectSuccess(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "short.pem"], in: scratch)
        let short = try OpenSSLCommand.expectSuccess(["pkey", "-in", "short.pem", "-pubout", "-outform", "DER"], in: scratch)
        #expect(#expect(throws: SealError.self) { try BlindSignatureBatchVerifier(subjectPublicKeyInfo: short) }?.code == .unsupported)
    }

    @Test("ECDSA and SM2: the batch verifier answers as VerifyingKey does", arguments: SigningAlgorithm.allCases)
    func signatures(_ algorithm: SigningAlgorithm) throws {
        let key = Fixtures.key(algorithm)
        let batch = try SignatureBatchVerifier(key.publicKey)
        for n in 0..<8 {
            let message = Fixtures.message + Array("\(n)".utf8)
            let signature = try key.signature(for: message)
            var altered = signature
            altered[altered.count / 2] ^= 0x04
            for (sig, msg) in [(signature, message), (altered, message), (signature, message + [0]), (signature + [0], message), ([], message)] {
                #expect(batch.isValidSignature(sig, for: msg) == key.publicKey.isValidSignature(sig, for: msg))
            }
            #expect(batch.isValidSignature(signature, for: message))
        }
    }

    @Test("verifiedSignerCertificates names the signers verify(_:trustAnchor:at:) names, and refuses what it refuses")
    func detachedSigners() throws {
        let chain = Chain.p256
        let content = Fixtures.message
        let signature = try DetachedSignature.sign(content, signers: [chain.member])
        let signers = try DetachedSignature.verifiedSignerCertificates(signature.der, over: content, trustAnchor: chain.authority.certificate)
        #expect(signers == (try signature.verify(content, trustAnchor: chain.authority.certificate)).map(\.der))
        #expect(throws: SealError.self) {
            try DetachedSignature.verifiedSignerCertificates(signature.der, over: content + [0], trustAnchor: chain.authority.certificate)
        }
        let other = try CertificateAuthority.create(commonName: "另一枚印章", organization: "别处", key: SigningKey.generate(.p256), validity: Chain.year)
        #expect(throws: SealError.self) {
            try DetachedSignature.verifiedSignerCertificates(signature.der, over: content, trustAnchor: other.certificate)
        }
        var altered = signature.der
        altered[altered.count - 10] ^= 0x01
        #expect(throws: SealError.self) {
            try DetachedSignature.verifiedSignerCertificates(altered, over: content, trustAnchor: chain.authority.certificate)
        }
    }
}
