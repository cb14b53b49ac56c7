import Foundation
import Testing
@testable import Seal

/// The committee seal and members' certificates: issuing, reading, verifying.
struct CertificateTests {
    @Test("The seal's certificate is a self-signed CA with the names given", arguments: SigningAlgorithm.allCases)
    func authorityCertificate(_ algorithm: SigningAlgorithm) throws {
        let seal = Chain.of(algorithm).authority.certificate
        #expect(seal.subject == DistinguishedName(commonName: "评审委员会印章", organization: "安徽省工程系列高级职称评审委员会"))
        #expect(seal.issuer == seal.subject)
        #expect(seal.isAuthority)
        #expect(seal.signatureAlgorithm == algorithm && seal.publicKey.algorithm == algorithm)
        #expect(seal.serialNumber.count == 16)
        try seal.verify(issuedBy: seal)
    }

    @Test("A member's certificate names the role and verifies under the seal", arguments: SigningAlgorithm.allCases)
    func memberCertificate(_ algorithm: SigningAlgorithm) throws {
        let chain = Chain.of(algorithm)
        let certificate = chain.member.certificate
        #expect(certificate.subject.commonName == "张主任")
        #expect(certificate.subject.organizationalUnit == "chair" && certificate.role == .chair)
        #expect(certificate.subject.organization == chain.authority.certificate.subject.organization)
        #expect(certificate.issuer == chain.authority.certificate.subject)
        #expect(!certificate.isAuthority)
        #expect(certificate.notBefore == Date(timeIntervalSince1970: Chain.year.lowerBound.timeIntervalSince1970.rounded(.down)))
        #expect(certificate.notAfter == Date(timeIntervalSince1970: Chain.year.upperBound.timeIntervalSince1970.rounded(.down)))
        #expect(certificate.publicKey == chain.member.key.publicKey)
        #expect(certificate.serialNumber != chain.authority.certificate.serialNumber)
        try certificate.verify(issuedBy: chain.authority.certificate)
        try certificate.verify(issuedBy: chain.authority.certificate, at: Chain.now.addingTimeInterval(300 * 86_400))
    }

    @Test("DER and PEM round-trip to the same bytes", arguments: SigningAlgorithm.allCases)
    func roundTrip(_ algorithm: SigningAlgorithm) throws {
        let certificate = Chain.of(algorithm).member.certificate
        #expect(try Certificate(der: certificate.der) == certificate)
        #expect(try Certificate(pem: certificate.pem).der == certificate.der)
        #expect(certificate.pem.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(throws: SealError.self) { try Certificate(der: certificate.der + [0]) }
    }

    @Test("Outside its validity, under another seal, or with a forged signature, a certificate is refused",
          arguments: SigningAlgorithm.allCases)
    func refusals(_ algorithm: SigningAlgorithm) throws {
        let chain = Chain.of(algorithm)
        let seal = chain.authority.certificate
        let member = chain.member.certificate
        let expired = #expect(throws: SealError.self) {
            try member.verify(issuedBy: seal, at: Chain.now.addingTimeInterval(400 * 86_400))
        }
        #expect(expired?.code == .untrustedCertificate && expired?.description.contains("已过期") == true)
        let early = #expect(throws: SealError.self) { try member.verify(issuedBy: seal, at: Chain.now.addingTimeInterval(-2 * 86_400)) }
        #expect(early?.description.contains("尚未生效") == true)

        let stranger = try Chain(algorithm)
        let foreign = #expect(throws: SealError.self) { try member.verify(issuedBy: stranger.authority.certificate) }
        #expect(foreign?.code == .untrustedCertificate && foreign?.description.contains("不是由所信任的机构签发") == true)
        #expect(throws: SealError.self) { try stranger.member.certificate.verify(issuedBy: seal) }
    }

    @Test("A certificate issued with a past validity is expired now", arguments: SigningAlgorithm.allCases)
    func pastValidity(_ algorithm: SigningAlgorithm) throws {
        let past = Chain.now.addingTimeInterval(-30 * 86_400)...Chain.now.addingTimeInterval(-86_400)
        let old = try Chain.of(algorithm).issueMember("李委员", role: .teller, validity: past)
        let error = #expect(throws: SealError.self) { try old.certificate.verify(issuedBy: Chain.of(algorithm).authority.certificate) }
        #expect(error?.code == .untrustedCertificate && error?.description.contains("已过期") == true)
    }

    @Test("A key that is not the certificate's is detected", arguments: SigningAlgorithm.allCases)
    func keyMismatch(_ algorithm: SigningAlgorithm) throws {
        let chain = Chain.of(algorithm)
        #expect(chain.member.certificate.matches(chain.member.key))
        #expect(!chain.member.certificate.matches(chain.authority.identity.key))
        let error = #expect(throws: SealError.self) {
            try Identity(certificate: chain.member.certificate, key: Fixtures.key(algorithm))
        }
        #expect(error?.code == .keyMismatch)
        #expect(throws: SealError.self) { try CertificateAuthority(identity: chain.member) }
    }

    @Test("Every role is written to the subject OU and read back")
    func roles() throws {
        for role in CommitteeRole.allCases {
            let member = try Chain.p256.issueMember("王委员", role: role)
            #expect(member.certificate.role == role)
        }
    }
}
