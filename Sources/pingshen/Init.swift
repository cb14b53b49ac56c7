import ArgumentParser
import Records
import Workspace

/// `pingshen init DIR --settings … --members … --candidates … [--registry …]`
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "建立会议文件夹：导入评委会设置、委员名单和申报人名单。Create a session folder from the settings, roster and candidates.")

    @Argument(help: ArgumentHelp("新会议文件夹（不存在或为空）New session folder (absent or empty).", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("评委会设置 session.toml", valueName: "FILE"))
    var settings: String

    @Option(help: ArgumentHelp("委员名单 CSV：id,姓名,职务,工作单位,评议组", valueName: "FILE"))
    var members: String

    @Option(help: ArgumentHelp("申报人名单 CSV：id,姓名,性别,出生年月,工作单位,学历,现职称,申报职称,系列,专业,级别,破格,评议组", valueName: "FILE"))
    var candidates: String

    @Option(help: ArgumentHelp("评委会历次评审决定登记文件（不得复评，R8）；会议结束时追加本次结果。Committee registry of past decisions.", valueName: "FILE"))
    var registry: String?

    @Option(help: ArgumentHelp("评委会印章证书，保存为 committee.pem，供 open 核验主持人证书 The committee seal's certificate.", valueName: "FILE"))
    var committeeCert: String?

    @OptionGroup var output: JSONOption

    /// What `init --json` prints: the first entry (`session.created`), the notices, and the
    /// new session's status (as `status --json`).
    struct Output: Encodable {
        var entry: Entry
        var notices: [String]
        var status: StatusReport
    }

    func run() throws {
        let sources = SessionSources(settings: settings, members: members, candidates: candidates, registry: registry,
                                     committeeCertificate: committeeCert)
        let (folder, notices) = try SessionFolder.create(at: directory, from: sources, clock: try sessionClock())
        let loaded = try folder.load()
        let state = loaded.state
        if output.json {
            printJSON(Output(entry: loaded.entries[0], notices: notices, status: StatusReport(state)))
            return
        }
        printNotices(notices)
        print("已建立会议文件夹 \(directory)：\(state.settings.name)，\(state.settings.date)")
        print("委员 \(state.members.count) 人（规定人数 \(state.settings.quorum) 人），申报人 \(state.candidates.count) 人；会议编号 \(state.session)")
    }
}
