import ArgumentParser
import Documents
import Workspace

/// Options for signing papers: the signer's identity and how the paper is rendered.
struct SignOptions: ParsableArguments {
    @Option(help: ArgumentHelp("签名人私钥 The signer's private key.", valueName: "FILE"))
    var key: String

    @Option(help: ArgumentHelp("签名人证书 The signer's certificate.", valueName: "FILE"))
    var cert: String

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE，或终端输入）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    @Option(help: "签署的格式 html（默认，可打印）或 md Format signed.")
    var format: String = "html"

    @Option(help: ArgumentHelp("以此文件夹中的模板替换内置模板 Override shipped templates.", valueName: "DIR"))
    var templates: String?

    func validate() throws {
        guard let f = DocumentFormat(rawValue: format), f == .html || f == .md else {
            throw ValidationError("--format 只能是 html 或 md")
        }
    }

    var documentFormat: DocumentFormat { DocumentFormat(rawValue: format)! }

    func identity(_ what: String) throws -> IdentityFiles {
        IdentityFiles(key: key, certificate: cert, passphrase: try Passphrase.read(what, file: passphraseFile, environment: "PINGSHEN_PASSPHRASE"))
    }

    func renderer() throws -> DocumentRenderer {
        DocumentRenderer(templates: try TemplateLibrary(overridingWith: templates))
    }

    /// Signs `files` as `signer` and reports what was signed.
    func sign(_ files: [DocumentFile], as signer: DocumentSigner, in folder: SessionFolder, what: String) throws {
        let identity = try identity(what)
        let signed = try folder.openForWriting().signDocuments(files, as: signer, identity: identity)
        if signed.isEmpty {
            print("这些文件此前已由\(what)签署，无需重复。Already signed.")
        }
        for file in signed {
            print("已签署 \(file) → \(file).\(signer.rawValue).p7s")
        }
        if !signed.isEmpty {
            print("核验 Check: openssl cms -verify -binary -inform DER -in \(signed[0]).\(signer.rawValue).p7s -content \(signed[0]) -CAfile committee.pem")
        }
    }
}

/// `pingshen minutes sign --as host|recorder …`
struct Minutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "会议记录：由主持人和记录人签名（第二十四条）。The minutes, signed by the host and the recorder.",
        subcommands: [SignMinutes.self])
}

struct SignMinutes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "生成并签署评审会议记录（out/评审会议记录.html 及 .host.p7s / .recorder.p7s）。Render and sign the minutes.")

    @OptionGroup var session: SessionOptions

    @Option(name: .customLong("as"), help: "host（主持人）或 recorder（记录人）")
    var signer: String

    @OptionGroup var options: SignOptions

    func validate() throws {
        guard ["host", "recorder"].contains(signer) else { throw ValidationError("--as 只能是 host 或 recorder") }
    }

    func run() throws {
        let folder = try session.folder
        let state = try folder.stateForDocuments()
        let renderer = try options.renderer()
        let minutes = try renderer.minutes(state, format: options.documentFormat)
        try options.sign([DocumentFile(name: minutes.fileName, bytes: minutes.bytes, document: "minutes")],
                         as: DocumentSigner(rawValue: signer)!, in: folder, what: signer == "host" ? "主持人" : "记录人")
    }
}

/// `pingshen forms sign --as host|seal …`
struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "评审表·评审结论：主持人签字、评委会盖章（第二十三条第六项）。The result forms, signed and sealed.",
        subcommands: [SignForms.self])
}

struct SignForms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "生成并签署每名申报人的评审表（out/评审表-C01.html 及 .host.p7s / .seal.p7s）。Render and sign the result forms.")

    @OptionGroup var session: SessionOptions

    @Option(name: .customLong("as"), help: "host（主持人签字）或 seal（评委会印章盖章）")
    var signer: String

    @OptionGroup var options: SignOptions

    func validate() throws {
        guard ["host", "seal"].contains(signer) else { throw ValidationError("--as 只能是 host 或 seal") }
    }

    func run() throws {
        let folder = try session.folder
        let state = try folder.stateForDocuments()
        let renderer = try options.renderer()
        let forms = try renderer.resultForms(state, format: options.documentFormat)
        try options.sign(forms.map { DocumentFile(name: $0.fileName, bytes: $0.bytes, document: "result-form", candidate: $0.candidate) },
                         as: DocumentSigner(rawValue: signer)!, in: folder, what: signer == "host" ? "主持人" : "评委会印章")
    }
}
