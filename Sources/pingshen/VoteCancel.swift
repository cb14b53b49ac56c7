import ArgumentParser
import Workspace

/// `pingshen vote cancel --reason TEXT`
struct VoteCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "取消尚未收到任何选票的本轮投票（R8）。Cancel the open round before its first ballot.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Option(help: "取消原因 Reason.")
    var reason: String

    func run() throws {
        let step = try session.folder.run(.cancelRound(reason: reason))
        report(step, json: output.json, "本轮投票已取消：\(reason)")
    }
}
