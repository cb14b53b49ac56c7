import ArgumentParser
import Workspace

/// `pingshen speech C01 --member M03 TEXT`
struct Speech: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录委员对申报人的发言摘要。Record a summary of a member's speech on a candidate.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("申报人编号 Candidate id.", valueName: "CANDIDATE"))
    var candidate: String

    @Option(help: ArgumentHelp("发言委员 Member id.", valueName: "MEMBER"))
    var member: String

    @Argument(help: "发言摘要 Summary.")
    var text: String

    func run() throws {
        let step = try session.folder.run(.recordSpeech(candidate, member: member, text: text))
        report(step, json: output.json, "已记录 \(member) 关于 \(candidate) 的发言")
    }
}
