import ArgumentParser
import Workspace

/// `pingshen close`
struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "结束会议（R14）：结果须已公布（R12），未通过者须有原因（R13）；结果追加到评委会登记文件。Close the meeting.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Option(help: ArgumentHelp("记录人私钥（签名会议须提供，副署最终检查点）The recorder's private key.", valueName: "FILE"))
    var recorderKey: String?

    @Option(help: ArgumentHelp("记录人证书（由评委会印章签发，角色 secretary）The recorder's certificate.", valueName: "FILE"))
    var recorderCert: String?

    @Option(help: ArgumentHelp("记录人私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE，或终端输入）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    func validate() throws {
        if (recorderKey == nil) != (recorderCert == nil) {
            throw ValidationError("--recorder-key 与 --recorder-cert 须同时给出 (give both --recorder-key and --recorder-cert)")
        }
    }

    func run() throws {
        var recorder: IdentityFiles?
        if let recorderKey, let recorderCert {
            recorder = IdentityFiles(key: recorderKey, certificate: recorderCert,
                                     passphrase: try Passphrase.read("记录人私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE"))
        }
        let (step, registered) = try session.folder.openForWriting().closeMeeting(recorder: recorder)
        let state = step.state
        let counted = state.countedInOrder
        let passed = counted.filter { state.progress[$0]!.result == .passed }
        report(step, json: output.json, "会议于 \(clock(step.entry)) 结束：表决 \(counted.count) 人，通过 \(passed.count) 人，未通过 \(counted.count - passed.count) 人")
        guard !output.json else { return }
        if state.isSigned { print("最终检查点已由会议密钥签署、记录人副署；会议密钥已销毁。") }
        if let path = state.founding.registryPath {
            print("已将 \(registered) 项评审决定登记到 \(path)")
        }
        let untouched = state.candidates.filter { state.progress[$0.id]!.stage == .pending || state.progress[$0.id]!.stage == .deliberating }
        if !untouched.isEmpty {
            print("未表决：\(untouched.map(\.id).joined(separator: "、"))")
        }
    }
}
