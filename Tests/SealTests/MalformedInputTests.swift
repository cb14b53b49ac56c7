import Foundation
import Testing
@testable import Seal

/// Every parser against every truncated prefix of a good input, and every verifier against
/// every one-bit change: each must fail cleanly (an error or `false`, never a crash or a pass).
struct MalformedInputTests {
    static let seal = Chain.p256.authority.certificate
    static let content = Fixtures.message
    static let inspector = EnvelopeTests.inspector

    /// `bytes` with bit `bit` (counted from the first byte's least significant bit) inverted.
    static func flipping(_ bytes: [UInt8], bit: Int) -> [UInt8] {
        var flipped = bytes
        flipped[bit / 8] ^= 1 << (bit % 8)
        return flipped
    }

    @Test("Every truncated prefix of a certificate is refused", arguments: SigningAlgorithm.allCases)
    func truncatedCertificate(_ algorithm: SigningAlgorithm) {
        let der = Chain.of(algorithm).member.certificate.der
        for length in 0..<der.count {
            #expect(throws: SealError.self, "prefix \(length)") { try Certificate(der: Array(der.prefix(length))) }
        }
    }

    @Test("Every truncated prefix of a SubjectPublicKeyInfo is refused", arguments: SigningAlgorithm.allCases)
    func truncatedPublicKey(_ algorithm: SigningAlgorithm) {
        let der = Fixtures.key(algorithm).publicKey.subjectPublicKeyInfo
        for length in 0..<der.count {
            #expect(throws: SealError.self, "prefix \(length)") { try VerifyingKey(subjectPublicKeyInfo: Array(der.prefix(length))) }
        }
    }

    @Test("Every truncated prefix of a CMS signature or envelope is refused")
    func truncatedCMS() throws {
        let signature = try DetachedSignature.sign(Self.content, signers: [Chain.p256.member]).der
        for length in 0..<signature.count {
            #expect(throws: SealError.self, "prefix \(length)") { try DetachedSignature(der: Array(signature.prefix(length))) }
        }
        let envelope = try Envelope.seal(Self.content, for: [Self.inspector.certificate])
        for length in 0..<envelope.count {
            #expect(throws: SealError.self, "prefix \(length)") { try Envelope.open(Array(envelope.prefix(length)), as: Self.inspector) }
        }
    }

    @Test("Every one-bit change of a certificate makes it unparsable or untrusted", arguments: SigningAlgorithm.allCases)
    func bitFlippedCertificate(_ algorithm: SigningAlgorithm) {
        let chain = Chain.of(algorithm)
        let der = chain.member.certificate.der
        let trusted = (0..<der.count * 8).filter { bit in
            (try? Certificate(der: Self.flipping(der, bit: bit)).verify(issuedBy: chain.authority.certificate)) != nil
        }
        #expect(trusted.isEmpty, "still trusted after flipping bits \(trusted)")
    }

    @Test("Every one-bit change of a SubjectPublicKeyInfo is refused or yields a key that rejects the signature",
          arguments: SigningAlgorithm.allCases)
    func bitFlippedPublicKey(_ algorithm: SigningAlgorithm) throws {
        let key = Fixtures.key(algorithm)
        let der = key.publicKey.subjectPublicKeyInfo
        let signature = try key.signature(for: Self.content)
        let accepting = (0..<der.count * 8).filter { bit in
            (try? VerifyingKey(subjectPublicKeyInfo: Self.flipping(der, bit: bit)))?.isValidSignature(signature, for: Self.content) == true
        }
        #expect(accepting.isEmpty, "still verifying after flipping bits \(accepting)")
    }

    @Test("Every one-bit change of a CMS signature fails parsing or verification")
    func bitFlippedCMS() throws {
        let der = try DetachedSignature.sign(Self.content, signers: [Chain.p256.member]).der
        let accepted = (0..<der.count * 8).filter { bit in
            (try? DetachedSignature(der: Self.flipping(der, bit: bit)).verify(Self.content, trustAnchor: Self.seal)) != nil
        }
        #expect(accepted.isEmpty, "accepted after flipping bits \(accepted)")
    }

    @Test("Every one-bit change of an envelope fails to open")
    func bitFlippedEnvelope() throws {
        let envelope = try Envelope.seal(Self.content, for: [Self.inspector.certificate])
        let opened = (0..<envelope.count * 8).filter { bit in
            (try? Envelope.open(Self.flipping(envelope, bit: bit), as: Self.inspector)) != nil
        }
        #expect(opened.isEmpty, "opened after flipping bits \(opened)")
    }
}
