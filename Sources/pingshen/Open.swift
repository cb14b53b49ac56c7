import ArgumentParser
import Workspace

/// `pingshen open --host M01 --recorder NAME [--agenda …] (--host-key K --host-cert C | --unsigned)`
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "开会：须出席人数达到规定人数（R1），由在场的主任委员或副主任委员主持（R2）；主持人签署开会声明，绑定本次会议密钥。Open the meeting.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Option(help: ArgumentHelp("主持人（主任委员或副主任委员）Host member id.", valueName: "MEMBER"))
    var host: String

    @Option(help: "记录人 Recorder (secretary).")
    var recorder: String

    @Option(help: "会议议程（可重复；默认按 皖人社发〔2018〕5号 第二十三条第五项 的顺序）Agenda item (repeatable).")
    var agenda: [String] = []

    @Option(help: ArgumentHelp("主持人私钥（口令加密的 PKCS#8）The host's private key.", valueName: "FILE"))
    var hostKey: String?

    @Option(help: ArgumentHelp("主持人证书（由评委会印章签发，角色 chair）The host's certificate.", valueName: "FILE"))
    var hostCert: String?

    @Option(help: ArgumentHelp("评委会印章证书（默认为 init --committee-cert 保存的 committee.pem）The committee seal's certificate.", valueName: "FILE"))
    var committeeCert: String?

    @Option(help: ArgumentHelp("主持人私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE，或终端输入）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    @Flag(help: "不签名的演练会议（没有会议密钥与检查点）An unsigned drill.")
    var unsigned = false

    @Option(help: ArgumentHelp("见证方地址（人社监督人员电脑上运行的 pingshen witness）The witness on another device.", valueName: "URL"))
    var witness: String?

    @Option(help: ArgumentHelp("见证方证书（由评委会印章签发，角色 witness）The witness's certificate.", valueName: "FILE"))
    var witnessCert: String?

    @Flag(help: "不设见证方（核验时 V15 判为未满足）No witness: V15 will not be met.")
    var noWitness = false

    func validate() throws {
        if unsigned && (hostKey != nil || hostCert != nil) {
            throw ValidationError("--unsigned 不能与 --host-key/--host-cert 同用 (--unsigned excludes --host-key/--host-cert)")
        }
        if !unsigned && (hostKey == nil || hostCert == nil) {
            throw ValidationError("正式会议须由主持人签署：请给出 --host-key 与 --host-cert；演练可用 --unsigned (a signed meeting needs --host-key and --host-cert; drills may use --unsigned)")
        }
        if (witness == nil) != (witnessCert == nil) {
            throw ValidationError("--witness 与 --witness-cert 须同时给出 (give both --witness and --witness-cert)")
        }
        if unsigned && (witness != nil || noWitness) {
            throw ValidationError("演练会议（--unsigned）没有检查点，不设见证方 (an unsigned drill has no checkpoints to witness)")
        }
        if !unsigned && witness == nil && !noWitness {
            throw ValidationError("正式会议须指定见证方：--witness URL --witness-cert 证书（人社监督人员电脑上的 pingshen witness）；确无见证方时写 --no-witness（核验时 V15 不满足）(a signed meeting names its witness with --witness URL --witness-cert CERT, or says --no-witness)")
        }
        if witness != nil && noWitness {
            throw ValidationError("--witness 与 --no-witness 不能同用 (--witness excludes --no-witness)")
        }
    }

    func run() throws {
        var identity: IdentityFiles?
        if let hostKey, let hostCert {
            identity = IdentityFiles(key: hostKey, certificate: hostCert,
                                     passphrase: try Passphrase.read("主持人私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE"))
        }
        let step = try session.folder.openForWriting()
            .openMeeting(host: host, recorder: recorder, agenda: agenda, identity: identity, committeeCertificate: committeeCert,
                         witness: witness.map { .at(url: $0, certificate: witnessCert!) } ?? .none)
        let state = step.state
        report(step, json: output.json, "会议开始：主持人 \(host)（\(state.member(host)?.name ?? "")），记录人 \(recorder)，出席 \(state.present.count)/\(state.settings.size) 人")
        guard !output.json else { return }
        if let seal = state.seal {
            print("已由主持人签署开会声明，会议密钥已绑定；此后每条记录都与其检查点一同写入。")
            if let witness = seal.witness { print("见证方 \(witness.name)（\(witness.url)）已见证开会检查点。") }
        }
        for (i, item) in state.agenda.enumerated() { print("  \(i + 1). \(item)") }
    }
}
