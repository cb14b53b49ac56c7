import ArgumentParser

/// The `pingshen` command: runs a 职称评审委员会 voting session from a laptop.
@main
struct Pingshen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pingshen",
        abstract: "评审 pingshen — 职称评审委员会评审会议：签到、评议、无记名投票、公布结果、会议记录。",
        discussion: """
        Runs the voting session of a professional-title review committee and keeps its journal.
        全局选项 Global option: -C DIR  操作 DIR 中的会议（默认当前目录）。The session folder to act on (default: the current directory).
        环境变量 PINGSHEN_TIME=YYYY-MM-DDTHH:MM:SS+08:00 固定记录时间（演练、补录纸质记录时用）。
        退出码 Exit status: 0 成功 success; 3 违反评审规则被拒绝 refused by a rule; 2 输入错误 bad input; 1 其他错误 other error.
        """,
        subcommands: [
            Init.self, Status.self, CheckIn.self, CheckOut.self, Observer.self, Open.self, Host.self,
            Report.self, Deliberate.self, Opinion.self, Recuse.self, Speech.self, Vote.self,
            Reason.self, Matter.self, Announce.self, Close.self, Render.self, Minutes.self, Forms.self, Repair.self, Keys.self, Archive.self, Extract.self, Verify.self, WitnessCommand.self, Demo.self,
        ]
    )

    /// Handles the global `-C DIR` before the subcommand is parsed: it names the session folder
    /// the command acts on. Other relative paths on the command line (keys, certificates,
    /// output files) stay relative to the current directory, as the user typed them.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        while let first = arguments.first {
            if first == "-C" || first == "--directory" {
                guard arguments.count >= 2 else { exit(withError: ValidationError("-C 需要一个文件夹 (-C needs a folder)")) }
                SessionOptions.global = arguments[1]
                arguments.removeFirst(2)
            } else if first.hasPrefix("--directory=") {
                SessionOptions.global = String(first.dropFirst("--directory=".count))
                arguments.removeFirst()
            } else if first.hasPrefix("-C"), first.count > 2 {
                SessionOptions.global = String(first.dropFirst(2))
                arguments.removeFirst()
            } else {
                break
            }
        }
        main(arguments)
    }
}
