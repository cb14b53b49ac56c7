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
        let bytes = try read(path) { .unreadableCertificates(path: path, reason: $0) }
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
        let text = JournalText(bytes: try read(path) { .unreadableRegistry(path: path, reason: $0) })
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

    /// The bytes at `path`; `unreadable` makes the error from the system's reason (nil: no such file).
    static func read(_ path: String, unreadable: (String?) -> TrustFileError) throws(TrustFileError) -> [UInt8] {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw unreadable(error.description) }
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

    public var description: String {
        switch self {
        case .unreadableCertificates(let path, let reason):
            "错误：无法读取证书文件 \(path)\(reason.map { "（\($0)）" } ?? "")\nerror: cannot read \(path)\(reason.map { " (\($0))" } ?? "")"
        case .notCertificates(let path, let reason):
            "错误：\(path) 不是有效的证书：\(reason)\nerror: \(path) is not a valid certificate"
        case .unreadableRegistry(let path, let reason):
            "错误：无法读取登记文件 \(path)\(reason.map { "（\($0)）" } ?? "")\nerror: cannot read the registry \(path)\(reason.map { " (\($0))" } ?? "")"
        case .notDecision(let path, let line, let reason):
            "错误：\(path) 第 \(line) 行不是有效的评审决定：\(reason)\nerror: \(path) line \(line) is not a valid decision"
        case .incompleteRegistry(let path):
            "错误：\(path) 最后一行不完整\nerror: \(path) ends in an incomplete line"
        }
    }
}
