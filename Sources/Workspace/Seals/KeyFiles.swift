import FileSystem
import Foundation
import Journal
import Seal
import TextFormats

/// A person's long-term identity on disk: an encrypted PKCS#8 key, its certificate, and the
/// passphrase (which the command line reads from a prompt, a file or the environment).
public struct IdentityFiles: Sendable {
    public var key: String
    public var certificate: String
    public var passphrase: String

    public init(key: String, certificate: String, passphrase: String) {
        self.key = key
        self.certificate = certificate
        self.passphrase = passphrase
    }
}

/// Reading and checking certificates and identities for a meeting.
public enum Credentials {
    /// The certificate in a PEM (or DER) file.
    public static func certificate(at path: String) throws(WorkspaceError) -> Certificate {
        let bytes: [UInt8]
        do {
            guard let b = try DurableFile.read(path) else {
                throw WorkspaceError.badInput(ImportError(file: path, "证书文件不存在", "no such certificate file"))
            }
            bytes = b
        } catch let e as FileError { throw .file(e) } catch let e as WorkspaceError { throw e } catch { throw .damaged("\(error)", "\(error)") }
        do {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.contains("-----BEGIN CERTIFICATE-----") ? try Certificate(pem: text) : try Certificate(der: bytes)
        } catch {
            throw .badInput(ImportError(file: path, "不是有效的 X.509 证书：\(error)", "not a valid X.509 certificate: \(error)"))
        }
    }

    /// The identity in `files`, checked against the committee seal: the key matches the
    /// certificate, the seal issued it and it is valid now, and it carries `role`.
    public static func identity(_ files: IdentityFiles, role: CommitteeRole, committee: Certificate, now: Date = Date()) throws(WorkspaceError) -> Identity {
        let certificate = try certificate(at: files.certificate)
        let key: SigningKey
        do { key = try SigningKey(contentsOf: files.key, passphrase: files.passphrase) } catch {
            throw .badInput(ImportError(file: files.key, "无法打开私钥：\(error)", "cannot open the private key: \(error)"))
        }
        let identity: Identity
        do { identity = try Identity(certificate: certificate, key: key) } catch {
            throw .badInput(ImportError(file: files.key, "私钥与证书 \(files.certificate) 不匹配", "the key does not match the certificate \(files.certificate)"))
        }
        try check(certificate, role: role, committee: committee, now: now, file: files.certificate)
        return identity
    }

    /// Refuses a certificate the seal did not issue, one outside its validity, or one for another role.
    public static func check(_ certificate: Certificate, role: CommitteeRole, committee: Certificate, now: Date = Date(), file: String) throws(WorkspaceError) {
        do { try certificate.verify(issuedBy: committee, at: now) } catch {
            throw .badInput(ImportError(file: file, "证书「\(certificate.subject)」不是由评委会印章「\(committee.subject)」签发、或不在有效期内：\(error)",
                                        "the certificate '\(certificate.subject)' was not issued by the committee seal '\(committee.subject)' or is not valid now: \(error)"))
        }
        guard certificate.role == role else {
            throw .badInput(ImportError(file: file, "证书「\(certificate.subject)」的角色是 \(certificate.role.map(\.description) ?? "无")，此处需要 \(role)",
                                        "the certificate '\(certificate.subject)' is for role \(certificate.role?.rawValue ?? "none"), not \(role.rawValue)"))
        }
    }
}
