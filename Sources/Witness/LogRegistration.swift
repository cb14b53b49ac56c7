import TextFormats
import Foundation
import Journal
import Seal

/// The body of `POST /pingshen/register`, pingshen's extension to tlog-witness: which log the
/// witness should follow, and the host's signed opening statement that vouches for its key.
///
/// C2SP add-checkpoint alone cannot tell a witness about a log it was not configured with; a
/// meeting's session key is fresh, so the session registers it first. The body is one JSON
/// object, UTF-8, with exactly these members (all strings, binary ones in canonical padded
/// base64):
///
///     {
///       "origin": "pingshen.session/2026-07",
///       "keyName": "pingshen.session.2026-07",
///       "sessionKey": "<base64 DER SubjectPublicKeyInfo of the P-256 or SM2 session key>",
///       "statement": {
///         "text": "<the opening statement, exactly as signed>",
///         "format": "cms" | "sm2",
///         "signature": "<base64: detached CMS SignedData DER, or the DER SM2 signature>",
///         "certificate": "<base64 DER of the host's certificate>"
///       }
///     }
///
/// `statement` is the journal's `SignedStatement` as the session records it (SPEC.md §2).
public struct LogRegistration: Sendable, Equatable {
    /// The checkpoint origin line of the session's journal.
    public let origin: String
    /// The note key name of the session key.
    public let keyName: String
    /// The session key that signs every checkpoint.
    public let sessionKey: VerifyingKey
    /// The host's statement binding the key to the meeting.
    public let statement: HostStatement

    /// The largest body accepted.
    public static let maximumBodySize = 256 * 1024

    public init(origin: String, keyName: String, sessionKey: VerifyingKey, statement: HostStatement) {
        self.origin = origin
        self.keyName = keyName
        self.sessionKey = sessionKey
        self.statement = statement
    }

    /// Parses a registration body strictly: exactly the members above, each a string; the
    /// origin a valid checkpoint origin; the key name a valid note key name; the key a P-256
    /// or SM2 SubjectPublicKeyInfo; the certificate a P-256 or SM2 X.509 certificate.
    public init(parsing body: [UInt8]) throws(RegistrationError) {
        guard body.count <= Self.maximumBodySize else { throw .malformed("请求体过大 (body too large)") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw .malformed("不是 JSON 对象 (not a JSON object)")
        }
        let fields = try Self.strings(object, ["origin", "keyName", "sessionKey", "statement"], nested: "statement")
        guard let statement = object["statement"] as? [String: Any] else {
            throw .malformed("statement 应为对象 (statement must be an object)")
        }
        let parts = try Self.strings(statement, ["text", "format", "signature", "certificate"], nested: nil)
        guard (try? Checkpoint(origin: fields["origin"]!, size: 0, root: .emptyTree)) != nil else {
            throw .malformed("origin 为空或含控制字符 (origin is empty or holds a control character)")
        }
        guard SignedNote.isValidKeyName(fields["keyName"]!) else {
            throw .malformed("keyName 为空或含空格、加号 (keyName is empty or holds a space or `+`)")
        }
        guard let spki = Base64.decode(fields["sessionKey"]!) else { throw .malformed("sessionKey 不是规范 base64 (sessionKey is not canonical base64)") }
        let key: VerifyingKey
        do { key = try VerifyingKey(subjectPublicKeyInfo: spki) } catch {
            throw .malformed("sessionKey 不是 P-256 或 SM2 公钥 (sessionKey is not a P-256 or SM2 key): \(error)")
        }
        guard let format = HostStatement.Format(rawValue: parts["format"]!) else {
            throw .malformed("未知的声明格式 “\(parts["format"]!)” (unknown statement format; cms or sm2)")
        }
        guard let signature = Base64.decode(parts["signature"]!), !signature.isEmpty else {
            throw .malformed("statement.signature 不是规范 base64 (statement.signature is not canonical base64)")
        }
        guard let der = Base64.decode(parts["certificate"]!) else {
            throw .malformed("statement.certificate 不是规范 base64 (statement.certificate is not canonical base64)")
        }
        let certificate: Certificate
        do { certificate = try Certificate(der: der) } catch {
            throw .malformed("主持人证书无法解析 (the host's certificate does not parse): \(error)")
        }
        self.init(origin: fields["origin"]!, keyName: fields["keyName"]!, sessionKey: key,
                  statement: HostStatement(text: parts["text"]!, format: format, signature: signature, certificate: certificate))
    }

    /// The body as JSON, members sorted, slashes unescaped.
    public var body: [UInt8] {
        struct Statement: Encodable { let text, format, signature, certificate: String }
        struct Body: Encodable { let origin, keyName, sessionKey: String; let statement: Statement }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = Body(
            origin: origin, keyName: keyName, sessionKey: Base64.encode(sessionKey.subjectPublicKeyInfo),
            statement: Statement(text: statement.text, format: statement.format.rawValue,
                                 signature: Base64.encode(statement.signature),
                                 certificate: Base64.encode(statement.certificate.der)))
        return Array(try! encoder.encode(value))  // strings only: encoding cannot fail
    }

    /// The members `names` of `object` as strings; any other member, or a missing or
    /// non-string one (but `nested`, checked by the caller), is refused.
    private static func strings(_ object: [String: Any], _ names: [String], nested: String?) throws(RegistrationError) -> [String: String] {
        if let extra = object.keys.first(where: { !names.contains($0) }) {
            throw .malformed("多余的字段 “\(extra)” (unexpected member “\(extra)”)")
        }
        var out: [String: String] = [:]
        for name in names where name != nested {
            guard let value = object[name] as? String else {
                throw .malformed("缺少字符串字段 “\(name)” (missing string member “\(name)”)")
            }
            out[name] = value
        }
        return out
    }
}

/// The host's signed opening statement, as the session recorded it.
public struct HostStatement: Sendable, Equatable {
    /// How the statement is signed.
    public enum Format: String, Sendable {
        /// A detached CMS SignedData (P-256), as `openssl cms -verify -binary` checks it.
        case cms
        /// A plain DER SM2 signature (SM3, ID `1234567812345678`) by the certificate's key.
        case sm2
    }

    /// The statement's text; its UTF-8 bytes are what was signed.
    public let text: String
    public let format: Format
    /// The CMS DER or the SM2 signature.
    public let signature: [UInt8]
    /// The host's certificate.
    public let certificate: Certificate

    public init(text: String, format: Format, signature: [UInt8], certificate: Certificate) {
        self.text = text
        self.format = format
        self.signature = signature
        self.certificate = certificate
    }
}
