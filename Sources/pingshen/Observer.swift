import ArgumentParser
import Workspace

/// `pingshen observer NAME --unit U --kind organizer|hrss`
struct Observer: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "登记列席人员：仅限评委会组建单位及人社部门工作人员（R11）。Record an observer.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "姓名 Name.")
    var name: String

    @Option(help: "工作单位 Unit.")
    var unit: String = ""

    @Option(help: ArgumentHelp("类别 Kind.", valueName: "KIND"))
    var kind: ObserverKindChoice

    func run() throws {
        let step = try session.folder.run(.admitObserver(name: name, unit: unit, kind: kind.rawValue))
        report(step, json: output.json, "列席：\(name)（\(unit.isEmpty ? kind.rawValue : unit)）")
    }
}
