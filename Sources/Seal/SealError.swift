/// A failure inside OpenSSL or of a sealed record, with the whole OpenSSL error queue kept.
///
/// `code` says what kind of failure it is, so callers can tell a wrong passphrase from a
/// forged signature without reading text. `operation` says what was being done
/// ("计算 SHA-256 (computing SHA-256)"); `queue` holds every line OpenSSL left in its
/// thread-local error queue, oldest first, so nothing is lost to a single error number.
/// Secret material (keys, passphrases, ballots) never appears in any of them.
public struct SealError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, each with a Chinese and English title.
    public enum Code: String, Sendable, CaseIterable {
        /// OpenSSL refused an operation for a reason the queue explains.
        case openssl
        /// The input is not a well-formed encoding (DER, PEM, CMS, SPKI, …).
        case malformed
        /// A well-formed key, curve or algorithm that pingshen does not accept.
        case unsupported
        /// An encrypted private key would not open with the passphrase given.
        case wrongPassphrase
        /// A passphrase too short for a new key (``KeyEncryption/minimumPassphraseLength``).
        case weakPassphrase
        /// A signature does not verify over the bytes given.
        case invalidSignature
        /// A certificate is not trusted: wrong issuer, outside its validity, bad signature.
        case untrustedCertificate
        /// An envelope would not open: damaged, tampered with, or not decryptable with this key.
        case decryptionFailed
        /// A private key does not belong to the certificate or key it was paired with.
        case keyMismatch
        /// Reading or writing a file failed.
        case file

        /// The title shown before the operation, in Chinese then English.
        public var title: String {
            switch self {
            case .openssl: "OpenSSL 操作失败 (OpenSSL failed)"
            case .malformed: "数据格式错误 (malformed input)"
            case .unsupported: "不支持的算法或密钥 (unsupported algorithm or key)"
            case .wrongPassphrase: "口令错误 (wrong passphrase)"
            case .weakPassphrase: "口令太短 (passphrase too short)"
            case .invalidSignature: "签名无效 (invalid signature)"
            case .untrustedCertificate: "证书未通过验证 (certificate not trusted)"
            case .decryptionFailed: "无法解密 (decryption failed)"
            case .keyMismatch: "密钥与证书不符 (key does not match)"
            case .file: "文件操作失败 (file operation failed)"
            }
        }
    }

    public var code: Code
    public var operation: String
    public var queue: [String]

    public init(operation: String, queue: [String] = [], code: Code = .openssl) {
        self.code = code
        self.operation = operation
        self.queue = queue
    }

    public var description: String {
        queue.isEmpty
            ? "\(code.title): \(operation)"
            : "\(code.title): \(operation) — \(queue.joined(separator: "; "))"
    }
}
