import ArgumentParser
import Workspace

/// `pingshen matter TEXT [--handling TEXT]`
struct Matter: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "记录专项问题或其他需要说明的事项及处理办法。Record a special issue or other matter and its handling.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "事项 Matter.")
    var text: String

    @Option(help: "处理办法 Handling.")
    var handling: String?

    func run() throws {
        let step = try session.folder.run(.recordMatter(text, handling: handling))
        report(step, json: output.json, "已记录事项")
    }
}
