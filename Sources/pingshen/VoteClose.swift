import ArgumentParser
import Workspace

/// `pingshen vote close [--json]`
struct VoteClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "结束本轮投票并计票：同意票达到基数的三分之二以上为通过（R7）；未交回的选票不计为同意。Close the round and count.")

    @OptionGroup var session: SessionOptions

    @Flag(help: "以 JSON 输出 Print JSON.")
    var json = false

    func run() throws {
        let step = try session.folder.openForWriting().closeRound()
        guard case .roundClosed(let closed) = step.event else { return }
        printNotices(step.notices)
        if json {
            printJSON(closed.tallies)
            return
        }
        print("第 \(closed.round) 轮投票结束，收回选票 \(closed.returned) 张")
        for t in closed.tallies { print("  " + describe(t, in: step.state)) }
        print("请主持人当场公布结果（pingshen announce）")
    }
}
