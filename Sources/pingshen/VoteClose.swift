import ArgumentParser
import Records
import Workspace

/// `pingshen vote close [--json]`
struct VoteClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "结束本轮投票并计票：同意票达到基数的三分之二以上为通过（R7）；未交回的选票不计为同意。Close the round and count.")

    @OptionGroup var session: SessionOptions

    @OptionGroup var output: JSONOption

    /// What `vote close --json` prints: the appended entry (with the round's ballots), its
    /// notices, and the tallies on their own.
    struct Output: Encodable {
        var entry: Entry
        var notices: [String]
        var tallies: [Tally]
    }

    func run() throws {
        let step = try session.folder.openForWriting().closeRound()
        guard case .roundClosed(let closed) = step.event else { return }
        if output.json {
            printJSON(Output(entry: step.entry, notices: step.notices, tallies: closed.tallies))
            return
        }
        printNotices(step.notices)
        print("第 \(closed.round) 轮投票结束，收回选票 \(closed.returned) 张")
        for t in closed.tallies { print("  " + describe(t, in: step.state)) }
        print("请主持人当场公布结果（pingshen announce）")
    }
}
