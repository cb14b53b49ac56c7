import FileSystem
import Foundation
import Journal
import Records
import Seal

/// The files an inspector brings besides the sessions: the committee seals to pin
/// (`--committee-cert`, `--cert`) and the committees' registries of past decisions (`--registry`, V9).
public enum TrustFiles {
    /// Every certificate in a PEM file (a bundle of one or more), or the one DER certificate in it.
    public static func certificates(atPath path: String) throws(TrustFileError) -> [Certificate] {
        let bytes = try read(path, limit: ReadLimits.other) { .unreadableCertificates(path: path, reason: $0) }
        do {
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.contains(beginCertificate) else { return [try Certificate(der: bytes)] }
            return try text.components(separatedBy: beginCertificate).dropFirst().map { try Certificate(pem: beginCertificate + $0) }
        } catch {
            throw .notCertificates(path: path, reason: "\(error)")
        }
    }

    /// The decisions in a registry file, one JSON record a line (blank lines are skipped).
    public static func decisions(atPath path: String) throws(TrustFileError) -> [PastDecision] {
        let text = JournalText(bytes: try read(path, limit: ReadLimits.registry) { .unreadableRegistry(path: path, reason: $0) })
        var out: [PastDecision] = []
        for i in text.lines.indices where !text.line(i).isEmpty {
            do { out.append(try EntryCoding.decodeValue(PastDecision.self, text.line(i))) } catch {
                throw .notDecision(path: path, line: i + 1, reason: "\(error)")
            }
        }
        if text.tornTail != nil { throw .incompleteRegistry(path: path) }
        return out
    }

    static let beginCertificate = "-----BEGIN CERTIFICATE-----"

    /// The bytes at `path` (a regular file, not a link, of at most `limit` bytes); `unreadable`
    /// makes the error from the reason (nil: no such file).
    static func read(_ path: String, limit: Int, unreadable: (String?) -> TrustFileError) throws(TrustFileError) -> [UInt8] {
        let bytes: [UInt8]?
        do { bytes = try RegularFile.read(path, limit: limit) } catch { throw unreadable(error.description) }
        guard let bytes else { throw unreadable(nil) }
        return bytes
    }
}

/// Why a certificate or registry file given to the verifier cannot be used.
public enum TrustFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The certificate file is missing or unreadable (`reason`: the system's, if it gave one).
    case unreadableCertificates(path: String, reason: String?)
    /// The file holds something that is not a certificate.
    case notCertificates(path: String, reason: String)
    /// The registry is missing or unreadable.
    case unreadableRegistry(path: String, reason: String?)
    /// Line `line` (1-based) of the registry is not a decision record.
    case notDecision(path: String, line: Int, reason: String)
    /// The registry's last line has no line end: cut short, or still being written.
    case incompleteRegistry(path: String)

    /// The message, with the path and the reason made safe for a terminal (``SafeText``).
    public var description: String {
        let v = SafeText.visible
        return switch self {
        case .unreadableCertificates(let path, let reason):
            "错误：无法读取证书文件 \(v(path))\(reason.map { "（\(v($0))）" } ?? "")\nerror: cannot read \(v(path))\(reason.map { " (\(v($0)))" } ?? "")"
        case .notCertificates(let path, let reason):
            "错误：\(v(path)) 不是有效的证书：\(v(reason))\nerror: \(v(path)) is not a valid certificate"
        case .unreadableRegistry(let path, let reason):
            "错误：无法读取登记文件 \(v(path))\(reason.map { "（\(v($0))）" } ?? "")\nerror: cannot read the registry \(v(path))\(reason.map { " (\(v($0)))" } ?? "")"
        case .notDecision(let path, let line, let reason):
            "错误：\(v(path)) 第 \(line) 行不是有效的评审决定：\(v(reason))\nerror: \(v(path)) line \(line) is not a valid decision"
        case .incompleteRegistry(let path):
            "错误：\(v(path)) 最后一行不完整\nerror: \(v(path)) ends in an incomplete line"
        }
    }
}
