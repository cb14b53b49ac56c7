import ArgumentParser
import Workspace

/// `pingshen unlock M05`
struct Unlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "主持人为因 PIN 连续错误 5 次而被锁定的委员解锁（R16）。The host unlocks a member locked after five wrong PINs.",
        discussion: "解锁记入会议日志。若委员遗失 PIN，另用 checkin --reissue 补发。The unlock is journaled; a lost PIN is re-issued with checkin --reissue.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("委员编号 Member id.", valueName: "MEMBER"))
    var member: String

    func run() throws {
        let step = try session.folder.run(.unlock(member))
        report(step, json: output.json, "委员 \(member)（\(step.state.member(member)?.name ?? "")） 已由主持人解锁，可以重新输入 PIN 投票")
    }
}
