import Foundation
import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats

/// Who signs a paper, and with which role's certificate.
public enum DocumentSigner: String, Sendable, CaseIterable {
    /// The host's signature (签字): a `chair` certificate.
    case host
    /// The recorder's signature on the minutes: a `secretary` certificate.
    case recorder
    /// The committee seal (盖章): the seal's own certificate and key.
    case seal
}

/// A paper to sign: its bytes, the name it is filed under in `out/`, and what it is.
public struct DocumentFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
    /// `minutes` or `result-form`.
    public var document: String
    public var candidate: CandidateID?
    /// The user's templates it was printed with (`--templates`); empty for the shipped ones.
    public var templates: [UserTemplate]

    public init(name: String, bytes: [UInt8], document: String, candidate: CandidateID? = nil, templates: [UserTemplate] = []) {
        self.name = name
        self.bytes = bytes
        self.document = document
        self.candidate = candidate
        self.templates = templates
    }
}

/// A template of the user's that replaced or added to the shipped ones: its name as the
/// printer knows it (`result-form.html`) and its text.
public struct UserTemplate: Sendable, Equatable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Where a signed paper's copy of it is kept: `out/templates/<first 16 hex of its SHA-256>/<name>.mustache`.
    var copy: SignedTemplate {
        let sha = Digest.sha256Hex(Array(text.utf8))
        return SignedTemplate(name: name, file: "out/templates/\(sha.prefix(16))/\(name).mustache", sha256: sha)
    }
}

extension Session {
    /// Signs papers of a closed, signed meeting (R13, R14): each is filed in `out/` with a CMS
    /// detached signature beside it, `NAME.SIGNER.p7s`, and a `document.signed` entry records
    /// both files' SHA-256. The first signer files the paper; later signers must be signing the
    /// very same bytes, so a paper changed in between is refused. Signing again what a signer
    /// has already signed is skipped.
    ///
    /// - Returns: the papers signed now (already signed ones are left out).
    public func signDocuments(_ files: [DocumentFile], as signer: DocumentSigner, identity files_: IdentityFiles) throws(WorkspaceError) -> [String] {
        try prepareForAppending()
        guard state.phase == .closed else {
            throw .rejected(.refused(Refusal(.r13, "会议尚未结束，会议记录与评审表须在会议结束、记录完整后签署",
                                             "the meeting has not closed; minutes and forms are signed once it has and they are complete")))
        }
        guard state.isSigned else {
            throw .invalid("这是未签名的演练会议，其文件不能签署", "this was an unsigned drill; its papers cannot be signed")
        }
        let identity = try signerIdentity(files_, signer, committee: try committeeCertificate())
        guard identity.key.algorithm == .p256 else {
            throw .invalid("OpenSSL 3.0 不能以 SM2 制作 CMS 签名；文件签名须使用 P-256 证书",
                           "OpenSSL 3.0 cannot make CMS signatures with SM2; sign papers with a P-256 certificate")
        }
        let outDirectory = folder.path + "/out"
        // Confidential like the rest of the folder: out/ 0700, its files 0600.
        do { try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
            throw .damaged("无法创建 \(outDirectory)：\(error)", "cannot create \(outDirectory): \(error)")
        }
        var signed: [String] = []
        for file in files {
            let relative = "out/" + file.name
            if state.documents.contains(where: { $0.value.file == relative && $0.value.signer == signer.rawValue }) { continue }
            let path = folder.path + "/" + relative
            let existing: [UInt8]?
            do throws(FileError) { existing = try DurableFile.read(path) } catch { throw .file(error) }
            if let existing, existing != file.bytes {
                throw .damaged("\(relative) 与由日志重新生成的内容不同（文件被改动，或模板已更换）；不签署",
                               "\(relative) differs from what the journal renders now (the file was changed, or the templates were); not signing")
            }
            let signature: DetachedSignature
            do { signature = try DetachedSignature.sign(file.bytes, signers: [identity]) } catch {
                throw .damaged("无法签署 \(relative)：\(error)", "cannot sign \(relative): \(error)")
            }
            let signatureFile = relative + ".\(signer.rawValue).p7s"
            let record = DocumentSigned(
                document: file.document, candidate: file.candidate, file: relative, sha256: Digest.sha256Hex(file.bytes),
                signatureFile: signatureFile, signatureSHA256: Digest.sha256Hex(signature.der), signer: signer.rawValue,
                certificate: Base64.encode(identity.certificate.der),
                templates: file.templates.isEmpty ? nil : file.templates.map(\.copy))
            try perform(.recordDocumentSignature(record), before: { () throws(WorkspaceError) in
                do throws(FileError) {
                    // The user's templates go into the folder with the paper, so the verifier can
                    // print it again with the very same wording (SPEC V11).
                    for template in file.templates {
                        let copy = folder.path + "/" + template.copy.file
                        try makeFolder(for: copy)
                        if try DurableFile.read(copy) == nil { try DurableFile.replace(copy, with: Array(template.text.utf8), mode: 0o600) }
                    }
                    if existing == nil { try DurableFile.replace(path, with: file.bytes, mode: 0o600) }
                    try DurableFile.replace(folder.path + "/" + signatureFile, with: signature.der, mode: 0o600)
                } catch { throw .file(error) }
            })
            signed.append(relative)
        }
        return signed
    }

    /// Makes the folders above `path` inside the session folder (0700).
    func makeFolder(for path: String) throws(FileError) {
        let parent = (path as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
            let posix = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw FileError(path: parent, operation: "mkdir", code: posix.map(Int32.init) ?? EIO)
        }
    }

    /// The signer's identity, checked against the seal and the role the signer signs in.
    func signerIdentity(_ files: IdentityFiles, _ signer: DocumentSigner, committee: Certificate) throws(WorkspaceError) -> Identity {
        switch signer {
        case .host: return try Credentials.identity(files, role: .chair, committee: committee)
        case .recorder: return try Credentials.identity(files, role: .secretary, committee: committee)
        case .seal:
            let certificate = try Credentials.certificate(at: files.certificate)
            guard certificate == committee else {
                throw .badInput(ImportError(file: files.certificate, "盖章须使用本会议的评委会印章证书", "the seal must be this meeting's committee seal"))
            }
            let key: SigningKey
            do { key = try SigningKey(contentsOf: files.key, passphrase: files.passphrase) } catch {
                throw .badInput(ImportError(file: files.key, "无法打开私钥：\(error)", "cannot open the private key: \(error)"))
            }
            do { return try Identity(certificate: certificate, key: key) } catch {
                throw .badInput(ImportError(file: files.key, "私钥与证书 \(files.certificate) 不匹配", "the key does not match the certificate \(files.certificate)"))
            }
        }
    }
}

extension WorkspaceError {
    static func invalid(_ zh: String, _ en: String) -> WorkspaceError {
        .rejected(.invalid(InputError(zh, en)))
    }
}
