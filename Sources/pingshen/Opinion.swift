import ArgumentParser
import Workspace

/// `pingshen opinion C01 TEXT`
struct Opinion: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录评议组或初审委员对申报人的初审意见。Record the panel's preliminary opinion on a candidate.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("申报人编号 Candidate id.", valueName: "CANDIDATE"))
    var candidate: String

    @Argument(help: "意见 Text.")
    var text: String

    func run() throws {
        let step = try session.folder.run(.recordOpinion(candidate, text))
        report(step, json: output.json, "已记录对 \(candidate) 的初审意见")
    }
}
