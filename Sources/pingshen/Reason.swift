import ArgumentParser
import Workspace

/// `pingshen reason C05 TEXT`
struct Reason: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录申报人评审未通过的原因（R13）。Record why a candidate was rejected.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("申报人编号 Candidate id.", valueName: "CANDIDATE"))
    var candidate: String

    @Argument(help: "原因 Reason.")
    var text: String

    func run() throws {
        let step = try session.folder.run(.recordReason(candidate, text))
        report(step, json: output.json, "已记录 \(candidate) 未通过原因")
    }
}
