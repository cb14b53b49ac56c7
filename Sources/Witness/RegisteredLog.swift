import TextFormats
import Foundation
import Journal
import Seal

/// A log the witness follows: a registration whose statement verified under the pinned seal,
/// with what the statement says about the meeting.
public struct RegisteredLog: Sendable {
    /// The registration, as parsed.
    public let registration: LogRegistration
    /// The registration body exactly as received: kept, so the statement can be checked again.
    public let body: [UInt8]
    /// The meeting as the host's statement names it.
    public let meeting: MeetingNames

    /// The checkpoint origin.
    public var origin: String { registration.origin }

    /// The note verifier for the session key: the only key the witness trusts for this origin.
    public var verifier: KeyNoteVerifier {
        KeyNoteVerifier(name: registration.keyName, key: registration.sessionKey)
    }

    /// Verifies a registration body against the pinned committee seal at `time`.
    ///
    /// Accepted only if: the body parses (``LogRegistration/init(parsing:)``); the host's
    /// certificate was issued by `committee`, is valid at `time` and carries role `chair`; the
    /// statement's signature verifies (CMS: a detached SignedData over the text whose signer is
    /// that certificate, chaining to `committee`; SM2: the certificate's key signed the text);
    /// and the text holds the opening statement's version line and, exactly once each, the
    /// line naming this session key (algorithm and base64 SubjectPublicKeyInfo) and the line
    /// naming this origin and key name.
    public init(verifying body: [UInt8], committee: Certificate, at time: Date) throws(RegistrationError) {
        let registration = try LogRegistration(parsing: body)
        let statement = registration.statement
        let host = statement.certificate
        do { try host.verify(issuedBy: committee, at: time) } catch {
            throw .untrustedHost(error.description)
        }
        guard host.role == .chair else { throw .notChair(host.role) }
        let text = Array(statement.text.utf8)
        switch statement.format {
        case .cms:
            let signers: [Certificate]
            do {
                signers = try DetachedSignature(der: statement.signature).verify(text, trustAnchor: committee, at: time)
            } catch {
                throw .badSignature(error.description)
            }
            guard signers.contains(host) else {
                throw .badSignature("CMS 签名人不是所附主持人证书 (the CMS signer is not the host certificate given)")
            }
        case .sm2:
            guard host.publicKey.algorithm == .sm2, host.publicKey.isValidSignature(statement.signature, for: text) else {
                throw .badSignature("SM2 签名不成立 (the SM2 signature does not verify)")
            }
        }
        let lines = statement.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let key = registration.sessionKey
        let expected = [
            ("pingshen 开会声明 opening statement v1", "pingshen 开会声明 opening statement v1", "版本行 (version line)"),
            ("会议密钥 session key (",
             "会议密钥 session key (\(key.algorithm.rawValue), SubjectPublicKeyInfo, base64): \(Base64.encode(key.subjectPublicKeyInfo))",
             "会议密钥 (session key)"),
            ("检查点 checkpoints: ",
             "检查点 checkpoints: origin \(registration.origin), key name \(registration.keyName)",
             "检查点来源与密钥名 (origin and key name)"),
        ]
        for (prefix, line, what) in expected {
            let candidates = lines.filter { $0.hasPrefix(prefix) }
            guard candidates == [line] else { throw .statementMismatch(what) }
        }
        self.registration = registration
        self.body = body
        meeting = MeetingNames(statementLines: lines)
    }

    /// A registration read back from the witness's own state folder, verified when it arrived.
    init(stored body: [UInt8]) throws(RegistrationError) {
        registration = try LogRegistration(parsing: body)
        self.body = body
        meeting = MeetingNames(statementLines: registration.statement.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
}

/// The meeting a log belongs to, in the words of the host's opening statement (empty where
/// the statement has no such line): shown on the witness's status page.
public struct MeetingNames: Sendable, Hashable, Encodable {
    /// `评委会 committee: …`
    public let committee: String
    /// `会议编号 session: …`
    public let session: String
    /// `开会日期 date: …`
    public let date: String
    /// `主持人 host: …`
    public let host: String

    init(statementLines lines: [String]) {
        func value(_ prefix: String) -> String {
            lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } ?? ""
        }
        committee = value("评委会 committee: ")
        session = value("会议编号 session: ")
        date = value("开会日期 date: ")
        host = value("主持人 host: ")
    }
}

/// Why a registration was refused; ``RegistrationOutcome`` turns each into its HTTP status.
public enum RegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is not a well-formed registration (400).
    case malformed(String)
    /// The host's certificate is not from the pinned seal, or not valid now (403).
    case untrustedHost(String)
    /// The statement is signed with a certificate whose role is not chair (403).
    case notChair(CommitteeRole?)
    /// The statement's signature does not verify (403).
    case badSignature(String)
    /// The statement does not name this session key, origin or key name (403).
    case statementMismatch(String)
    /// The origin is registered already, with another key (409).
    case originTaken(String)

    public var description: String {
        let what = switch self {
        case .malformed(let reason):
            "请求格式错误 (malformed registration): \(reason)"
        case .untrustedHost(let reason):
            "主持人证书不是由所固定的评委会印章签发，或已不在有效期内 (the host's certificate is not issued by the pinned committee seal, or not valid now): \(reason)"
        case .notChair(let role):
            "声明签署人证书的角色是 \(role.map(\.description) ?? "无")，应为主持人 chair (the statement's signer is not a chair)"
        case .badSignature(let reason):
            "开会声明的签名不成立 (the opening statement's signature does not verify): \(reason)"
        case .statementMismatch(let what):
            "开会声明中没有与本次登记一致的「\(what)」一行 (the statement does not name this registration's \(what))"
        case .originTaken(let origin):
            "日志 \(origin) 已用另一把会议密钥登记 (the log \(origin) is registered with another session key)"
        }
        return "见证登记 (witness registration): \(what)"
    }
}
