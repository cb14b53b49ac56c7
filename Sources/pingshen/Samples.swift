import ArgumentParser
import Bundled
import Foundation

/// `pingshen samples DIR`: the shipped sample committee's input files, to try `init` on.
struct Samples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "写出内置的示例评委会文件（session.toml、members.csv、candidates.csv），可直接用于 init。Write the sample input files.",
        discussion: """
        示例为安徽省工程系列电子信息专业高级职称评审委员会：25 名委员、14 名申报人，开会日期 2026-11-26。\
        复制后可按本评委会的实际情况修改。The sample committee has 25 members and 14 candidates; edit the copies to fit yours.
        """)

    /// The sample files, in the order `init` takes them.
    static let names = ["session.toml", "members.csv", "candidates.csv"]

    @Argument(help: ArgumentHelp("写入的文件夹（不存在则创建）Folder to write into (made if missing).", valueName: "DIR"))
    var directory: String

    @Flag(help: "覆盖已存在的文件 Replace files that exist.")
    var force = false

    @OptionGroup var output: JSONOption

    /// What `samples --json` prints.
    struct Output: Encodable {
        var written: [String]
    }

    func run() throws {
        let folder = try OutputPath(directory.hasSuffix("/") ? directory : directory + "/").makeFolder()
        let paths = Self.names.map { folder + "/" + $0 }
        for path in paths { try OutputPath.refuseOverwrite(path, force: force) }
        for (name, path) in zip(Self.names, paths) {
            guard let bytes = Bundled.file("Samples/" + name) else {
                throw CommandFailure.failed("程序中没有示例文件 \(name)", "the sample \(name) is not built into this program")
            }
            try writeFile(bytes, to: path, force: force)
        }
        if output.json {
            printJSON(Output(written: paths))
            return
        }
        for path in paths { print("已写入 wrote \(path)") }
    }
}
