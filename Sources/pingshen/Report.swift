import ArgumentParser
import Workspace

/// `pingshen report TEXT`
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录评委会组建单位关于评审材料审查情况的报告。Record the organizer's report on the review of materials.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "报告内容 Text.")
    var text: String

    func run() throws {
        let folder = session.folder
        try perform { () throws(WorkspaceError) in try folder.run(.reportMaterials(text)) }
        print("已记录组建单位报告")
    }
}
