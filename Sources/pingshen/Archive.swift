import ArgumentParser
import FileSystem
import Foundation
import Review
import Seal
import TextFormats
import Workspace

/// `pingshen archive --to cert.pem [--to …] [--out FILE|DIR/] [--force] [--json]`
struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把已结束的会议文件夹（不含私钥）打包并加密给组建单位与监督人员的证书（归档备查并严格保密，皖人社发〔2018〕5号 第二十四条）。Pack and encrypt a closed session.",
        discussion: """
        请在会议记录与评审表签署之后归档（签署记录在归档之内，监督人员的 V11 才能通过）。
        打开 Open: openssl cms -decrypt -binary -inform DER -in FILE -recip cert.pem -inkey key.pem -out session.tar && tar -xf session.tar；或 pingshen extract。
        Archive after the minutes and forms are signed, so the signatures travel with it.
        """)

    @OptionGroup var session: SessionOptions

    @Option(help: ArgumentHelp("接收人证书（可重复）Recipient certificate (repeatable).", valueName: "CERT"))
    var to: [String]

    @Option(help: ArgumentHelp("输出文件（.p7m），或以 / 结尾的文件夹（默认 pingshen-会议编号前16位.p7m）Output file or folder.", valueName: "PATH"))
    var out: String?

    @Flag(help: "覆盖已存在的文件 Replace a file that exists.")
    var force = false

    @OptionGroup var output: JSONOption

    func validate() throws {
        if to.isEmpty { throw ValidationError("至少需要一个 --to 证书 (at least one --to certificate)") }
        if let out, !OutputPath(out).isFolder, (out as NSString).pathExtension.lowercased() != "p7m" {
            throw ValidationError("--out \(out)：加密归档的文件名应以 .p7m 结尾（写入文件夹请以 / 结尾）(--out must end in .p7m, or in / for a folder)")
        }
    }

    /// What `archive --json` prints.
    struct Output: Encodable {
        var archive: String
        var bytes: Int
        var recipients: [String]
        var unsignedPapers: [String]
    }

    func run() throws {
        let folder = try session.folder
        let recipients = try to.map { (p) throws(WorkspaceError) in try Credentials.certificate(at: p) }
        let state = try folder.state()
        let name = "pingshen-\(state.session.prefix(16)).p7m"
        let path = try OutputPath(out ?? name).file(defaultName: name, extensions: ["p7m"], what: "加密归档")
        try OutputPath.refuseOverwrite(path, force: force)
        let bytes = try SessionArchive.seal(folder, for: recipients)
        try writeFile(bytes, to: path, force: force)
        let missing = Self.unsignedPapers(state)
        if output.json {
            printJSON(Output(archive: path, bytes: bytes.count, recipients: recipients.map(\.subject.description), unsignedPapers: missing))
            return
        }
        if !missing.isEmpty {
            printError("提示：归档时以下签名尚缺：\(missing.joined(separator: "、"))；之后补签的不在此归档中。\nnotice: these signatures are missing from the archive: \(missing.joined(separator: ", ")).")
        }
        print("已写入加密归档 \(path)（\(bytes.count) 字节），接收人：\(recipients.map { $0.subject.description }.joined(separator: "；"))")
    }

    /// The signatures a signed, closed session is still missing (V11): the minutes by the host
    /// and the recorder, the result forms by the host and the seal.
    static func unsignedPapers(_ state: SessionState) -> [String] {
        guard state.isSigned else { return [] }
        let signed = Set(state.documents.map { "\($0.value.document == "minutes" ? "minutes" : "forms").\($0.value.signer)" })
        return [("minutes.host", "会议记录·主持人"), ("minutes.recorder", "会议记录·记录人"), ("forms.host", "评审表·主持人"), ("forms.seal", "评审表·印章")]
            .filter { !signed.contains($0.0) }.map(\.1)
    }
}

/// `pingshen extract ARCHIVE --key K --cert C --out DIR [--json]`
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用接收人的证书与私钥解密并解开会议归档。Decrypt and unpack a session archive.")

    @Argument(help: ArgumentHelp("加密归档 The archive.", valueName: "ARCHIVE"))
    var archive: String

    @Option(help: ArgumentHelp("接收人私钥 Recipient's key.", valueName: "FILE"))
    var key: String

    @Option(help: ArgumentHelp("接收人证书 Recipient's certificate.", valueName: "FILE"))
    var cert: String

    @Option(help: ArgumentHelp("解开到的新文件夹（不存在或为空）New folder to unpack into (absent or empty).", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    @OptionGroup var output: JSONOption

    /// What `extract --json` prints.
    struct Output: Encodable {
        var folder: String
        var files: [String]
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: archive) else {
            throw CommandFailure.badInput("无法读取 \(archive)", "cannot read \(archive)")
        }
        let target = try OutputPath(out).newFolder()
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
            return try SessionArchive.open(Array(data), as: identity)
        }()
        // An empty folder in place is used as it is (SessionArchive.extract wants a new one).
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: target), entries.isEmpty { rmdir(target) }
        try SessionArchive.extract(files, to: target)
        if output.json {
            printJSON(Output(folder: target, files: files.map(\.path)))
            return
        }
        print("已解开 \(files.count) 个文件到 \(target)")
    }
}
