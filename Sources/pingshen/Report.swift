import ArgumentParser
import Workspace

/// `pingshen report TEXT`
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录评委会组建单位关于评审材料审查情况的报告。Record the organizer's report on the review of materials.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "报告内容 Text.")
    var text: String

    func run() throws {
        let step = try session.folder.run(.reportMaterials(text))
        report(step, json: output.json, "已记录组建单位报告")
    }
}
