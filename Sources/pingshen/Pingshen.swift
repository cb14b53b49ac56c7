import ArgumentParser
import Foundation

/// The `pingshen` command: runs a 职称评审委员会 voting session from a laptop.
@main
struct Pingshen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pingshen",
        abstract: "评审 pingshen — 职称评审委员会评审会议：签到、评议、无记名投票、公布结果、会议记录。",
        discussion: """
        Runs the voting session of a professional-title review committee and keeps its journal.
        环境变量 PINGSHEN_TIME=YYYY-MM-DDTHH:MM:SS+08:00 固定记录时间（演练、补录纸质记录时用）。
        退出码 Exit status: 0 成功 success; 3 违反评审规则被拒绝 refused by a rule; 2 输入错误 bad input; 1 其他错误 other error.
        """,
        subcommands: [
            Init.self, Status.self, CheckIn.self, CheckOut.self, Observer.self, Open.self, Host.self,
            Report.self, Deliberate.self, Opinion.self, Recuse.self, Speech.self, Discussion.self, Vote.self,
            Unlock.self, Reason.self, Matter.self, Announce.self, Close.self, Render.self, Minutes.self, Forms.self, Repair.self, Keys.self, Archive.self, Extract.self, Verify.self, WitnessCommand.self, Demo.self, Samples.self,
        ]
    )

    /// `-C DIR`, given before the subcommand; subcommands read it through `SessionOptions`.
    @OptionGroup var global: GlobalDirectory

    /// Parses, runs, and maps whatever went wrong to the exit status (`ExitStatus`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = ExitStatus.report(error)
            flushOutput()
            Foundation.exit(status)
        }
    }
}
