import Foundation
import Testing
@testable import Seal

/// CMS detached signatures made and checked in Swift.
struct DetachedSignatureTests {
    static let chain = Chain.p256
    static let secretary = try! chain.issueMember("刘记录", role: .secretary)
    static let minutes = Fixtures.message + Array(repeating: 0x2a, count: 4096)

    @Test("One signer: verifies and returns the signer's certificate")
    func oneSigner() throws {
        let signature = try DetachedSignature.sign(Self.minutes, signers: [Self.chain.member])
        let signers = try signature.verify(Self.minutes, trustAnchor: Self.chain.authority.certificate)
        #expect(signers == [Self.chain.member.certificate])
        #expect(try DetachedSignature(der: signature.der) == signature)
    }

    @Test("Several signers in one SignedData")
    func severalSigners() throws {
        let signature = try DetachedSignature.sign(Self.minutes, signers: [Self.chain.member, Self.secretary])
        let signers = try signature.verify(Self.minutes, trustAnchor: Self.chain.authority.certificate)
        #expect(Set(signers) == [Self.chain.member.certificate, Self.secretary.certificate] && signers.count == 2)
    }

    @Test("A cosigner is added to an existing SignedData, only over the right content")
    func cosign() throws {
        let first = try DetachedSignature.sign(Self.minutes, signers: [Self.chain.member])
        let both = try first.addingSigner(Self.secretary, over: Self.minutes)
        #expect(Set(try both.verify(Self.minutes, trustAnchor: Self.chain.authority.certificate).compactMap(\.role)) == [.chair, .secretary])
        let error = #expect(throws: SealError.self) { try first.addingSigner(Self.secretary, over: Self.minutes + [0]) }
        #expect(error?.code == .invalidSignature)
        #expect(throws: SealError.self) { try both.verify(Self.minutes.dropFirst(), trustAnchor: Self.chain.authority.certificate) }
    }

    @Test("Any changed, added or removed byte of the content is caught")
    func changedContent() throws {
        let signature = try DetachedSignature.sign(Self.minutes, signers: [Self.chain.member])
        let seal = Self.chain.authority.certificate
        for index in stride(from: 0, to: Self.minutes.count, by: 97) {
            var changed = Self.minutes
            changed[index] ^= 0x01
            let error = #expect(throws: SealError.self) { try signature.verify(changed, trustAnchor: seal) }
            #expect(error?.code == .invalidSignature)
        }
        #expect(throws: SealError.self) { try signature.verify(Self.minutes + [0x0a], trustAnchor: seal) }
        #expect(throws: SealError.self) { try signature.verify(Self.minutes.dropLast(), trustAnchor: seal) }
        #expect(throws: SealError.self) { try signature.verify([UInt8](), trustAnchor: seal) }
    }

    @Test("A signer outside the seal, or expired, is not trusted")
    func untrustedSigner() throws {
        let stranger = try Chain(.p256)
        let signature = try DetachedSignature.sign(Self.minutes, signers: [Self.chain.member, stranger.member])
        let error = #expect(throws: SealError.self) { try signature.verify(Self.minutes, trustAnchor: Self.chain.authority.certificate) }
        #expect(error?.code == .untrustedCertificate)

        let past = Chain.now.addingTimeInterval(-30 * 86_400)...Chain.now.addingTimeInterval(-86_400)
        let expired = try Self.chain.issueMember("过期委员", role: .teller, validity: past)
        let late = try DetachedSignature.sign(Self.minutes, signers: [expired])
        #expect(#expect(throws: SealError.self) {
            try late.verify(Self.minutes, trustAnchor: Self.chain.authority.certificate)
        }?.code == .untrustedCertificate)
    }

    @Test("Verification at a given time: inside and after the certificates' validity")
    func verificationTime() throws {
        let signature = try DetachedSignature.sign(Self.minutes, signers: [Self.chain.member])
        let seal = Self.chain.authority.certificate
        _ = try signature.verify(Self.minutes, trustAnchor: seal, at: Chain.now.addingTimeInterval(100 * 86_400))
        #expect(throws: SealError.self) { try signature.verify(Self.minutes, trustAnchor: seal, at: Chain.now.addingTimeInterval(400 * 86_400)) }
    }

    @Test("SM2 signers are refused up front (OpenSSL 3.0 cannot sign CMS with SM2)")
    func sm2Refused() throws {
        let error = #expect(throws: SealError.self) { try DetachedSignature.sign(Self.minutes, signers: [Chain.sm2.member]) }
        #expect(error?.code == .unsupported)
        #expect(#expect(throws: SealError.self) { try DetachedSignature.sign(Self.minutes, signers: []) }?.code == .malformed)
    }
}
