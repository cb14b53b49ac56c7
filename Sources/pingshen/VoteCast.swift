import ArgumentParser
import Workspace

/// `pingshen vote cast --member M03 --pin PIN C01=同意 [C02=不同意 …]`
struct VoteCast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cast",
        abstract: "委员本人以 PIN 投电子票（R4）；选票不记名（R5）。Cast a member's own electronic ballot.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Option(help: ArgumentHelp("委员编号 Member id.", valueName: "MEMBER"))
    var member: String

    @Option(help: "签到时领取的 PIN The PIN handed out at sign-in.")
    var pin: String

    @Argument(help: ArgumentHelp("申报人=意见（同意/不同意/弃权 或 yes/no/abstain）；未列出的为空白 CANDIDATE=MARK.", valueName: "CANDIDATE=MARK"))
    var choices: [String]

    func validate() throws {
        if choices.isEmpty { throw ValidationError("选票上至少需要一项，如 C01=同意 (at least one CANDIDATE=MARK)") }
    }

    func run() throws {
        let choices = try readChoices(try parsePairs(choices))
        let step = try session.folder.openForWriting().castBallot(member: member, pin: pin, choices: choices)
        report(step, json: output.json, "\(member) 投票成功（选票已匿名封存，本轮结束时统一计票）")
    }
}
