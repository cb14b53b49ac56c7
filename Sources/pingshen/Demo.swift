import ArgumentParser
import Bundled
import Foundation
import Journal
import Workspace

/// `pingshen demo [DIR] [--replace]`: a complete sample session on the shipped sample committee.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用内置示例评委会（25 名委员、14 名申报人）完整演示一次评审会议，并打印结果。Run a complete sample session.",
        discussion: """
        演示包括：迟到、中途离会、回避、合并表决、纸质投票（两名计票人录入）、一名未通过，以及若干被规则拒绝的操作。\
        每一步都打印等效的命令行。The transcript shows the command line for every step.
        """)

    @Argument(help: ArgumentHelp("示例会议文件夹 Folder for the sample session.", valueName: "DIR"))
    var directory: String = "sample-session"

    @Flag(help: "若文件夹已有示例会议，先删除 Replace an earlier sample session in DIR.")
    var replace = false

    @Flag(help: "不打印过程，最后以 JSON 输出会议文件夹、密钥文件夹与会议状态 Print only a JSON summary.")
    var json = false

    /// What `demo --json` prints: where the session and its keys are, and its status (as `status --json`).
    struct Output: Encodable {
        var session: String
        var keys: String
        var status: StatusReport
    }

    /// The passphrase of the sample's keys (a demonstration only).
    static let passphrase = "pingshen-demo"

    func run() throws {
        let journal = directory + "/" + SessionFolder.journalName
        if FileManager.default.fileExists(atPath: directory) {
            guard replace else {
                throw CommandFailure.badInput("\(directory) 已存在；加 --replace 以重新演示", "\(directory) exists; add --replace to run the sample again")
            }
            guard FileManager.default.fileExists(atPath: journal) else {
                throw CommandFailure.badInput("\(directory) 不是会议文件夹，不会删除", "\(directory) is not a session folder; not removing it")
            }
            try FileManager.default.removeItem(atPath: directory)
        }
        let keys = directory + ".keys"
        if FileManager.default.fileExists(atPath: keys) {
            guard replace, FileManager.default.fileExists(atPath: keys + "/committee.pem") else {
                throw CommandFailure.badInput("\(keys) 已存在；加 --replace 以重新演示", "\(keys) exists; add --replace")
            }
            try FileManager.default.removeItem(atPath: keys)
        }
        let witness = directory + ".witness"
        if FileManager.default.fileExists(atPath: witness) {
            guard replace else {
                throw CommandFailure.badInput("\(witness) 已存在；加 --replace 以重新演示", "\(witness) exists; add --replace")
            }
            try FileManager.default.removeItem(atPath: witness)
        }
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        setenv("PINGSHEN_PASSPHRASE", Self.passphrase, 1)
        setenv("PINGSHEN_CA_PASSPHRASE", Self.passphrase, 1)
        let inputs = directory + ".inputs"
        try? FileManager.default.removeItem(atPath: inputs)
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        for name in ["session.toml", "members.csv", "candidates.csv"] {
            guard let bytes = Bundled.file("Samples/" + name) else { fatalError("sample \(name) not embedded") }
            try Data(bytes).write(to: URL(fileURLWithPath: inputs + "/" + name))
        }
        var script = SampleScript(directory: directory, inputs: inputs)
        guard json else { return try script.play() }
        try StandardOutput.silenced { try script.play() }
        printJSON(Output(session: directory, keys: keys, status: try SessionFolder(path: directory).status()))
    }
}
