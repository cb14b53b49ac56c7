import ArgumentParser
import Documents
import Workspace

/// Options for signing papers: the signer's identity and how the paper is rendered.
struct SignOptions: ParsableArguments {
    @Option(help: ArgumentHelp("签名人私钥 The signer's private key.", valueName: "FILE"))
    var key: String

    @Option(help: ArgumentHelp("签名人证书 The signer's certificate.", valueName: "FILE"))
    var cert: String

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE；印章为 PINGSHEN_CA_PASSPHRASE；或终端输入）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    @Option(help: ArgumentHelp("签署的格式 Format signed.", valueName: "FORMAT"))
    var format: SignedFormat = .html

    @Option(help: ArgumentHelp("以此文件夹中的模板替换内置模板 Override shipped templates.", valueName: "DIR"))
    var templates: String?

    @Flag(help: "以 JSON 输出签署的文件 Print what was signed as JSON.")
    var json = false

    var documentFormat: DocumentFormat { format.document }

    /// The signer's key and certificate; the seal's passphrase comes from `PINGSHEN_CA_PASSPHRASE`,
    /// everyone else's from `PINGSHEN_PASSPHRASE` (or `--passphrase-file`, or the terminal).
    func identity(_ what: String, signer: DocumentSigner) throws -> IdentityFiles {
        let environment = signer == .seal ? "PINGSHEN_CA_PASSPHRASE" : "PINGSHEN_PASSPHRASE"
        return IdentityFiles(key: key, certificate: cert, passphrase: try Passphrase.read(what, file: passphraseFile, environment: environment))
    }

    func renderer() throws -> DocumentRenderer {
        DocumentRenderer(templates: try TemplateLibrary(overridingWith: templates))
    }

    /// The templates of `--templates` that the papers are printed with, to be kept beside them.
    func userTemplates(_ renderer: DocumentRenderer) -> [UserTemplate] {
        renderer.templates.userSources.map { UserTemplate(name: $0.name, text: $0.text) }
    }

    /// What `minutes sign`/`forms sign --json` prints: each paper signed now, with its signature file.
    struct Output: Encodable {
        struct Signed: Encodable {
            var file: String
            var signature: String
        }
        var signer: String
        var signed: [Signed]
    }

    /// Signs `files` as `signer` and reports what was signed.
    func sign(_ files: [DocumentFile], as signer: DocumentSigner, in folder: SessionFolder, what: String) throws {
        let identity = try identity(what, signer: signer)
        let signed = try folder.openForWriting().signDocuments(files, as: signer, identity: identity)
        let base = folder.path == "." ? "" : folder.path + "/"
        if json {
            printJSON(Output(signer: signer.rawValue, signed: signed.map {
                Output.Signed(file: base + $0, signature: base + "\($0).\(signer.rawValue).p7s")
            }))
            return
        }
        if signed.isEmpty {
            print("这些文件此前已由\(what)签署，无需重复。Already signed.")
        }
        for file in signed {
            print("已签署 \(base + file) → \(base + file).\(signer.rawValue).p7s")
        }
        if let first = signed.first {
            print("核验 Check: openssl cms -verify -binary -inform DER -in \(base + first).\(signer.rawValue).p7s -content \(base + first) -CAfile \(base)committee.pem -out /dev/null")
        }
    }
}

/// `pingshen minutes sign --as host|recorder …`
struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "会议记录：由主持人和记录人签名（皖人社发〔2018〕5号 第二十四条）。The minutes, signed by the host and the recorder.",
        subcommands: [SignMinutes.self])
}

struct SignMinutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "生成并签署评审会议记录（out/评审会议记录.html 及 .host.p7s / .recorder.p7s）。Render and sign the minutes.")

    @OptionGroup var session: SessionOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("签名人 Who signs.", valueName: "SIGNER"))
    var signer: MinutesSigner

    @OptionGroup var options: SignOptions

    func run() throws {
        let folder = try session.folder
        let state = try folder.stateForDocuments()
        let renderer = try options.renderer()
        let minutes = try renderer.minutes(state, format: options.documentFormat)
        try options.sign([DocumentFile(name: minutes.fileName, bytes: minutes.bytes, document: "minutes", templates: options.userTemplates(renderer))],
                         as: signer.signer, in: folder, what: signer.chinese)
    }
}

/// `pingshen forms sign --as host|seal …`
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "评审表·评审结论：主持人签字、评委会盖章（皖人社发〔2018〕5号 第二十三条第六项）。The result forms, signed and sealed.",
        subcommands: [SignForms.self])
}

struct SignForms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "生成并签署每名申报人的评审表（out/评审表-C01.html 及 .host.p7s / .seal.p7s）。Render and sign the result forms.",
        discussion: "--as seal 以评委会印章盖章：--key/--cert 为印章的私钥与证书，口令取自 --passphrase-file 或 PINGSHEN_CA_PASSPHRASE。")

    @OptionGroup var session: SessionOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("签名人 Who signs.", valueName: "SIGNER"))
    var signer: FormsSigner

    @OptionGroup var options: SignOptions

    func run() throws {
        let folder = try session.folder
        let state = try folder.stateForDocuments()
        let renderer = try options.renderer()
        let forms = try renderer.resultForms(state, format: options.documentFormat)
        let templates = options.userTemplates(renderer)
        try options.sign(forms.map { DocumentFile(name: $0.fileName, bytes: $0.bytes, document: "result-form", candidate: $0.candidate, templates: templates) },
                         as: signer.signer, in: folder, what: signer.chinese)
    }
}
