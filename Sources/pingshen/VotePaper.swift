import ArgumentParser
import Workspace

/// `pingshen vote paper --teller NAME --sheet 7 [--key K --cert C] C01=同意 C02=弃权 …`
struct VotePaper: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "计票人录入一张纸质选票；每张须由本轮两名计票人分别录入且一致（R15）。Enter one paper sheet as a teller reads it.",
        discussion: """
        照实录入选票上的标记 Enter the marks as they are on paper: C01=同意; 空白 C01= or omit it; \
        两个标记 C01=同意+不同意 (void for C01); 无法辨认 C01=? (void for C01). \
        签名会议中，计票人用本人的证书（角色 teller）签署每次录入：--key、--cert，口令由 --passphrase-file 或 \
        环境变量 PINGSHEN_PASSPHRASE 提供。In a signed meeting the teller signs each entry with their own certificate.
        """)

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Option(help: "计票人姓名（须为本轮开始时指定的计票人）Teller, one of the round's two.")
    var teller: String

    @Option(help: "选票编号（1 至发出张数）Sheet number.")
    var sheet: Int

    @Option(help: ArgumentHelp("计票人本人的私钥（签名会议）The teller's own private key (signed meetings).", valueName: "FILE"))
    var key: String?

    @Option(help: ArgumentHelp("计票人本人的证书（角色 teller）The teller's certificate.", valueName: "FILE"))
    var cert: String?

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE，或终端输入）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    @Argument(help: ArgumentHelp("申报人=标记 CANDIDATE=MARK.", valueName: "CANDIDATE=MARK"))
    var marks: [String] = []

    func validate() throws {
        if (key == nil) != (cert == nil) { throw ValidationError("--key 与 --cert 须同时给出 (--key and --cert go together)") }
    }

    func run() throws {
        var read: [String: [String]] = [:]
        for (id, mark) in try parsePairs(marks) {
            read[id, default: []] += mark.split(separator: "+", omittingEmptySubsequences: true).map(String.init)
        }
        var identity: IdentityFiles?
        if let key, let cert {
            identity = IdentityFiles(key: key, certificate: cert,
                                     passphrase: try Passphrase.read("计票人私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE"))
        }
        let step = try session.folder.openForWriting().enterSheet(teller: teller, sheet: sheet, marks: read, identity: identity)
        let line: String
        switch step.state.openRound.flatMap({ $0.status(ofSheet: sheet) }) {
        case .settled?: line = "第 \(sheet) 张：两名计票人录入一致"
        case .disputed(let tellers)?: line = "第 \(sheet) 张：\(tellers.joined(separator: "、")) 录入不一致，请核对原票后重新录入"
        default: line = "第 \(sheet) 张已由 \(teller) 录入，待另一名计票人复录"
        }
        report(step, json: output.json, line)
    }
}
