import ArgumentParser
import Foundation
import Seal
import TextFormats
import Workspace

/// `pingshen archive --to cert.pem [--to …] [--out FILE]`
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把已结束的会议文件夹（不含私钥）打包并加密给组建单位与监督人员的证书（严格保密，第二十四条）。Pack and encrypt a closed session.",
        discussion: "打开 Open: openssl cms -decrypt -inform DER -in FILE -recip cert.pem -inkey key.pem -out session.tar && tar -xf session.tar；或 pingshen extract。")

    @OptionGroup var session: SessionOptions

    @Option(help: ArgumentHelp("接收人证书（可重复）Recipient certificate (repeatable).", valueName: "CERT"))
    var to: [String]

    @Option(help: ArgumentHelp("输出文件（默认 会议编号.p7m）Output file.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        if to.isEmpty { throw ValidationError("至少需要一个 --to 证书 (at least one --to certificate)") }
    }

    func run() throws {
        let folder = try session.folder
        let recipients = try to.map { (p) throws(WorkspaceError) in try Credentials.certificate(at: p) }
        let bytes = try SessionArchive.seal(folder, for: recipients)
        let state = try folder.state()
        let path = out ?? "pingshen-\(state.session.prefix(16)).p7m"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CommandFailure.failed("无法写入 \(path)", "cannot write \(path)")
        }
        print("已写入加密归档 \(path)（\(bytes.count) 字节），接收人：\(recipients.map { $0.subject.description }.joined(separator: "；"))")
    }
}

/// `pingshen extract ARCHIVE --key K --cert C --out DIR`
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用接收人的证书与私钥解密并解开会议归档。Decrypt and unpack a session archive.")

    @Argument(help: ArgumentHelp("加密归档 The archive.", valueName: "ARCHIVE"))
    var archive: String

    @Option(help: ArgumentHelp("接收人私钥 Recipient's key.", valueName: "FILE"))
    var key: String

    @Option(help: ArgumentHelp("接收人证书 Recipient's certificate.", valueName: "FILE"))
    var cert: String

    @Option(help: ArgumentHelp("解开到的新文件夹 New folder to unpack into.", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: archive) else {
            throw CommandFailure.badInput("无法读取 \(archive)", "cannot read \(archive)")
        }
        let passphrase = try Passphrase.read("私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE")
        let files = try { () throws(WorkspaceError) in
            let certificate = try Credentials.certificate(at: cert)
            let signingKey: SigningKey
            do { signingKey = try SigningKey(contentsOf: key, passphrase: passphrase) } catch {
                throw .badInput(ImportError(file: key, "无法打开私钥：\(error)", "cannot open the key: \(error)"))
            }
            let identity: Identity
            do { identity = try Identity(certificate: certificate, key: signingKey) } catch {
                throw .badInput(ImportError(file: key, "私钥与证书不匹配", "the key does not match the certificate"))
            }
            let files = try SessionArchive.open(Array(data), as: identity)
            try SessionArchive.extract(files, to: out)
            return files
        }()
        print("已解开 \(files.count) 个文件到 \(out)")
    }
}
