import Foundation
import Journal
import Seal
import Witness

/// A committee seal with a chair, a secretary and a witness, made once per algorithm.
struct Committee: Sendable {
    let authority: CertificateAuthority
    let chair: Identity
    let secretary: Identity
    let witness: WitnessIdentity

    static let now = Date()
    static let year = now.addingTimeInterval(-86_400)...now.addingTimeInterval(365 * 86_400)

    static let p256 = try! Committee(.p256, name: "安徽省工程系列高级职称评审委员会")
    static let sm2 = try! Committee(.sm2, name: "安徽省卫生系列高级职称评审委员会")
    /// Another committee's seal: its certificates must not be trusted by the first.
    static let other = try! Committee(.p256, name: "另一个评审委员会")

    var seal: Certificate { authority.certificate }

    init(_ algorithm: SigningAlgorithm, name: String) throws {
        authority = try CertificateAuthority.create(
            commonName: name + "印章", organization: name, key: SigningKey.generate(algorithm), validity: Self.year)
        chair = try Self.member(authority, "张主任", .chair, algorithm)
        secretary = try Self.member(authority, "李记录", .secretary, algorithm)
        let witnessKey = try Ed25519SigningKey.generate()
        let certificate = try authority.issue(commonName: "省人社厅见证", role: .witness, publicKey: witnessKey.publicKey, validity: Self.year)
        witness = try WitnessIdentity(certificate: certificate, key: witnessKey, committee: authority.certificate)
    }

    static func member(_ authority: CertificateAuthority, _ name: String, _ role: CommitteeRole, _ algorithm: SigningAlgorithm,
                       validity: ClosedRange<Date> = year) throws -> Identity {
        let key = try SigningKey.generate(algorithm)
        return try Identity(certificate: authority.issue(commonName: name, role: role, publicKey: key.publicKey, validity: validity), key: key)
    }

    /// The opening statement's text, in the form the session writes it (SPEC.md §2, V3).
    static func statementText(sessionKey: VerifyingKey, origin: String, keyName: String, committee: String = "安徽省工程系列高级职称评审委员会") -> String {
        """
        pingshen 开会声明 opening statement v1
        评委会 committee: \(committee)
        会议编号 session: 2026-07
        开会日期 date: 2026-11-26
        主持人 host: M01 张主任
        记录人 recorder: 李记录
        会议密钥 session key (\(sessionKey.algorithm.rawValue), SubjectPublicKeyInfo, base64): \(Data(sessionKey.subjectPublicKeyInfo).base64EncodedString())
        检查点 checkpoints: origin \(origin), key name \(keyName)
        本人以主持人身份确认：本次会议的日志检查点由上述会议密钥签署。
        As host I confirm that this meeting's journal checkpoints are signed by the session key above.

        """
    }

    /// `text` signed by `signer` as the session signs its statement: CMS for P-256, plain SM2 otherwise.
    static func sign(_ text: String, by signer: Identity) throws -> HostStatement {
        let bytes = Array(text.utf8)
        switch signer.key.algorithm {
        case .p256:
            return HostStatement(text: text, format: .cms, signature: try DetachedSignature.sign(bytes, signers: [signer]).der, certificate: signer.certificate)
        case .sm2:
            return HostStatement(text: text, format: .sm2, signature: try signer.key.signature(for: bytes), certificate: signer.certificate)
        }
    }
}
