import ArgumentParser
import Workspace

/// `pingshen discussion C01 TEXT`
struct Discussion: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录对申报人的评审讨论情况（会议记录第二十四条）。Record how the committee discussed a candidate.",
        discussion: "评议开始后、会议结束前均可记录；可多次记录，会议记录按时间顺序列出。May be recorded from the start of the deliberation until the meeting closes.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("申报人编号 Candidate id.", valueName: "CANDIDATE"))
    var candidate: String

    @Argument(help: "讨论情况 Text.")
    var text: String

    func run() throws {
        let step = try session.folder.run(.recordDiscussion(candidate, text))
        report(step, json: output.json, "已记录对 \(candidate) 的评审讨论情况")
    }
}
