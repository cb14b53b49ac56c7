import ArgumentParser
import Workspace

/// `pingshen recuse M07 --candidate C01 --reason TEXT`
struct Recuse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "委员对申报人回避（R6）；须在该申报人表决开始前。Recuse a member from a candidate.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("委员编号 Member id.", valueName: "MEMBER"))
    var member: String

    @Option(help: ArgumentHelp("申报人编号 Candidate id.", valueName: "CANDIDATE"))
    var candidate: String

    @Option(help: "回避理由 Reason.")
    var reason: String

    func run() throws {
        let step = try session.folder.run(.recuse(member, candidate: candidate, reason: reason))
        report(step, json: output.json, "\(member) 对 \(candidate) 回避：\(reason)")
    }
}
