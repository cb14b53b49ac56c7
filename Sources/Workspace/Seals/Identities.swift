import FileSystem
import Foundation
import Journal
import Seal
import TextFormats

/// The files of a newly made identity.
public struct IdentityPaths: Encodable, Sendable {
    public var certificate: String
    public var key: String
}

/// Making the committee seal (印章) and the certificates it issues to chairs, secretaries,
/// tellers and inspectors.
public enum Identities {
    /// A new committee seal: a self-signed CA certificate and its encrypted key in `directory`
    /// as `committee.pem` and `committee.key` (0600). Existing files are never overwritten.
    public static func makeCommitteeSeal(name: String, organization: String, algorithm: SigningAlgorithm, days: Int, notBefore: Date? = nil,
                                         passphrase: String, directory: String) throws(WorkspaceError) -> IdentityPaths {
        let paths = IdentityPaths(certificate: directory + "/committee.pem", key: directory + "/committee.key")
        try refuseExisting(paths)
        try refuseWeak(passphrase)
        let made: (key: SigningKey, certificate: Certificate)
        do {
            let key = try SigningKey.generate(algorithm)
            let seal = try CertificateAuthority.create(commonName: name, organization: organization, key: key, validity: validity(days, from: notBefore))
            made = (key, seal.certificate)
        } catch {
            throw .damaged("无法生成评委会印章：\(error)", "cannot make the committee seal: \(error)")
        }
        try write(paths, certificate: made.certificate, key: made.key, passphrase: passphrase)
        return paths
    }

    /// A new key pair and a certificate for `name` in `role`, issued by the seal.
    public static func issue(role: CommitteeRole, name: String, algorithm: SigningAlgorithm?, days: Int, notBefore: Date? = nil, seal: IdentityFiles,
                             passphrase: String, directory: String, fileName: String) throws(WorkspaceError) -> IdentityPaths {
        let paths = IdentityPaths(certificate: directory + "/\(fileName).pem", key: directory + "/\(fileName).key")
        try refuseExisting(paths)
        try refuseWeak(passphrase)
        let sealCertificate = try Credentials.certificate(at: seal.certificate)
        let sealKey: SigningKey
        do { sealKey = try SigningKey(contentsOf: seal.key, passphrase: seal.passphrase) } catch {
            throw .badInput(ImportError(file: seal.key, "无法打开评委会印章私钥：\(error)", "cannot open the committee seal's key: \(error)"))
        }
        let issued: (key: SigningKey, certificate: Certificate)
        do {
            let authority = try CertificateAuthority(identity: try Identity(certificate: sealCertificate, key: sealKey))
            let key = try SigningKey.generate(algorithm ?? sealKey.algorithm)
            issued = (key, try authority.issue(commonName: name, role: role, publicKey: key.publicKey, validity: validity(days, from: notBefore)))
        } catch {
            throw .badInput(ImportError(file: seal.certificate, "无法用此印章签发证书：\(error)", "cannot issue the certificate with this seal: \(error)"))
        }
        try write(paths, certificate: issued.certificate, key: issued.key, passphrase: passphrase)
        return paths
    }

    /// From `start` (default: five minutes ago, for clock skew) to `days` days from now.
    static func validity(_ days: Int, from start: Date?) -> ClosedRange<Date> {
        let now = Date()
        let begin = start ?? now.addingTimeInterval(-300)
        return begin...max(begin, now).addingTimeInterval(TimeInterval(days) * 86400)
    }

    static func refuseExisting(_ paths: IdentityPaths) throws(WorkspaceError) {
        for path in [paths.certificate, paths.key] where FileManager.default.fileExists(atPath: path) {
            throw .badInput(ImportError(file: path, "文件已存在，不会覆盖", "the file exists and is never overwritten"))
        }
    }

    /// Refuses, before anything is made, a passphrase too short for a new key (``KeyEncryption``).
    static func refuseWeak(_ passphrase: String) throws(WorkspaceError) {
        do { try KeyEncryption.checkNew(passphrase) } catch {
            throw .badInput(ImportError(file: "口令 passphrase", "新私钥的口令至少 \(KeyEncryption.minimumPassphraseLength) 个字符（现为 \(passphrase.count) 个）",
                                        "a new key's passphrase needs at least \(KeyEncryption.minimumPassphraseLength) characters (this one has \(passphrase.count))"))
        }
    }

    /// Writes the key (0600, never over an existing file) and then the certificate; a failure
    /// names the file that could not be written, not the seal.
    static func write(_ paths: IdentityPaths, certificate: Certificate, key: SigningKey, passphrase: String) throws(WorkspaceError) {
        do { try key.write(to: paths.key, passphrase: passphrase) } catch {
            throw .damaged("无法写入私钥文件 \(paths.key)：\(error)", "cannot write the key file \(paths.key): \(error)")
        }
        do { try DurableFile.replace(paths.certificate, with: Array(certificate.pem.utf8)) } catch {
            unlink(paths.key)
            throw .file(error)
        }
    }
}
