import FileSystem
import Foundation
import Journal
import Seal

/// The witness's Ed25519 key with the certificate the committee seal issued for it.
///
/// The witness's cosignature key name is derived from the certificate, so anyone holding the
/// certificate knows the name without being told: `pingshen.witness.<the first 16 hex digits
/// of the certificate's serial number>` (the same scheme as the recorder's
/// `pingshen.recorder.<serial>`). The serial is random and 128 bits, so two witnesses of one
/// committee do not share a name.
public struct WitnessIdentity: Sendable {
    public let certificate: Ed25519Certificate
    public let key: Ed25519SigningKey
    /// Signs `cosignature/v1` lines under ``keyName(for:)``.
    public let cosigner: Cosigner

    /// The cosignature key name of the witness holding `certificate`.
    public static func keyName(for certificate: Ed25519Certificate) -> String {
        "pingshen.witness.\(certificate.serialHex.prefix(16))"
    }

    /// Pairs `key` with `certificate`, checked against the committee seal at `time`.
    public init(certificate: Ed25519Certificate, key: Ed25519SigningKey, committee: Certificate, at time: Date = Date()) throws(WitnessError) {
        guard certificate.matches(key) else {
            throw .identity("私钥与见证方证书不匹配", "the key does not match the witness certificate")
        }
        try Self.check(certificate, committee: committee, at: time)
        self.certificate = certificate
        self.key = key
        do {
            cosigner = try Cosigner(name: Self.keyName(for: certificate), key: key)
        } catch {
            throw .identity("\(error)", "\(error)")
        }
    }

    /// Reads the key (encrypted PKCS#8, opened with `passphrase`) and the certificate (PEM or
    /// DER) from files, and checks them as ``init(certificate:key:committee:at:)`` does.
    public init(keyFile: String, certificateFile: String, passphrase: String, committee: Certificate) throws(WitnessError) {
        let certificate: Ed25519Certificate
        do {
            certificate = try Self.readCertificate(certificateFile)
        } catch {
            throw .identity("无法读取见证方证书 \(certificateFile)：\(error)", "cannot read the witness certificate \(certificateFile)")
        }
        let key: Ed25519SigningKey
        do {
            key = try Ed25519SigningKey(contentsOf: keyFile, passphrase: passphrase)
        } catch {
            throw .identity("无法打开见证方私钥 \(keyFile)：\(error)", "cannot open the witness key \(keyFile)")
        }
        try self.init(certificate: certificate, key: key, committee: committee)
    }

    /// Checks that `certificate` is a witness certificate the committee seal issued, valid at `time`.
    public static func check(_ certificate: Ed25519Certificate, committee: Certificate, at time: Date) throws(WitnessError) {
        guard certificate.role == .witness else {
            throw .identity("证书「\(certificate.subject)」的角色不是 witness", "the certificate \(certificate.subject) is not for role witness")
        }
        do {
            try certificate.verify(issuedBy: committee, at: time)
        } catch {
            throw .identity("见证方证书不是评委会印章签发的有效证书：\(error)", "the witness certificate is not valid under the committee seal")
        }
    }

    /// Makes a witness: a new Ed25519 key and a certificate `CN=name, OU=witness` issued by the
    /// seal, written as `<directory>/<fileName>.pem` and `.key` (encrypted, 0600). Existing
    /// files are never overwritten. Returns the two paths (certificate, key).
    public static func issue(
        name: String, validity: ClosedRange<Date>, seal: CertificateAuthority, passphrase: String,
        directory: String, fileName: String
    ) throws(WitnessError) -> (certificate: String, key: String) {
        let paths = (certificate: directory + "/\(fileName).pem", key: directory + "/\(fileName).key")
        for path in [paths.certificate, paths.key] where FileManager.default.fileExists(atPath: path) {
            throw .identity("文件 \(path) 已存在，不会覆盖", "the file \(path) exists and is never overwritten")
        }
        do {
            let key = try Ed25519SigningKey.generate()
            let certificate = try seal.issue(commonName: name, role: .witness, publicKey: key.publicKey, validity: validity)
            try key.write(to: paths.key, passphrase: passphrase)
            do { try DurableFile.replace(paths.certificate, with: Array(certificate.pem.utf8)) } catch {
                unlink(paths.key)
                throw error
            }
        } catch let error as WitnessError {
            throw error
        } catch {
            throw .identity("无法签发见证方证书：\(error)", "cannot issue the witness certificate: \(error)")
        }
        return paths
    }

    /// An Ed25519 certificate from a PEM or DER file.
    static func readCertificate(_ path: String) throws -> Ed25519Certificate {
        guard let bytes = try DurableFile.read(path) else { throw FileError(path: path, operation: "打开 open", code: ENOENT) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("-----BEGIN CERTIFICATE-----") ? try Ed25519Certificate(pem: text) : try Ed25519Certificate(der: bytes)
    }
}
