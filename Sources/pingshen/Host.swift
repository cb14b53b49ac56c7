import ArgumentParser
import Workspace

/// `pingshen host M02`
struct Host: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "更换主持人（如主持人离会）：须为在场的主任委员或副主任委员（R2）。Hand the chair to another present chair or vice-chair.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("新主持人 New host.", valueName: "MEMBER"))
    var member: String

    func run() throws {
        let step = try session.folder.run(.changeHost(member))
        report(step, json: output.json, "主持人改由 \(member)（\(step.state.member(member)?.name ?? "")） 担任")
    }
}
