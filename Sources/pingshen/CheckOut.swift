import ArgumentParser
import Workspace

/// `pingshen checkout M05 [--reason …]`
struct CheckOut: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "委员中途离会；其未全程参加评议的申报人，不得再投票（R3）。Record a member leaving.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("委员编号 Member id.", valueName: "MEMBER"))
    var member: String

    @Option(help: "离会原因 Reason for leaving.")
    var reason: String?

    func run() throws {
        let step = try session.folder.run(.checkOut(member, reason: reason))
        let state = step.state
        report(step, json: output.json, "\(member) 于 \(clock(step.entry)) 离会；出席 \(state.present.count) 人（规定人数 \(state.settings.quorum)）")
        if state.present.count < state.settings.quorum {
            printError("注意：出席人数已低于规定人数，不能开始新的投票（R1）。")
        }
    }
}
