import Foundation
@testable import Seal

/// Keys shared across tests: EC keys are cheap, but there is no reason to make hundreds.
enum Fixtures {
    static let p256 = try! SigningKey.generate(.p256)
    static let sm2 = try! SigningKey.generate(.sm2)

    static func key(_ algorithm: SigningAlgorithm) -> SigningKey {
        switch algorithm {
        case .p256: p256
        case .sm2: sm2
        }
    }

    /// A fixed message with a zero byte, CR/LF and non-ASCII text, so no layer may treat it as text.
    static let message: [UInt8] = Array("评审会议记录\r\n第 1 轮\n".utf8) + [0, 0xff, 0x0d, 0x0a]
}

/// A committee seal and one member per algorithm, made once for all tests.
struct Chain: Sendable {
    let authority: CertificateAuthority
    let member: Identity

    static let now = Date()
    static let year = now.addingTimeInterval(-86_400)...now.addingTimeInterval(365 * 86_400)

    static let p256 = try! Chain(.p256)
    static let sm2 = try! Chain(.sm2)

    static func of(_ algorithm: SigningAlgorithm) -> Chain {
        algorithm == .p256 ? p256 : sm2
    }

    init(_ algorithm: SigningAlgorithm) throws {
        authority = try CertificateAuthority.create(
            commonName: "评审委员会印章", organization: "安徽省工程系列高级职称评审委员会",
            key: SigningKey.generate(algorithm), validity: Self.year)
        let key = try SigningKey.generate(algorithm)
        let certificate = try authority.issue(commonName: "张主任", role: .chair, publicKey: key.publicKey, validity: Self.year)
        member = try Identity(certificate: certificate, key: key)
    }

    /// Another member of the same committee, with a fresh key.
    func issueMember(_ name: String, role: CommitteeRole, validity: ClosedRange<Date> = Chain.year) throws -> Identity {
        let key = try SigningKey.generate(authority.certificate.publicKey.algorithm)
        return try Identity(
            certificate: authority.issue(commonName: name, role: role, publicKey: key.publicKey, validity: validity), key: key)
    }
}
