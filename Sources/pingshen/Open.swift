import ArgumentParser
import Workspace

/// `pingshen open --host M01 --recorder NAME [--agenda …]`
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "开会：须出席人数达到规定人数（R1），由在场的主任委员或副主任委员主持（R2）。Open the meeting.")

    @OptionGroup var session: SessionOptions

    @Option(help: ArgumentHelp("主持人（主任委员或副主任委员）Host member id.", valueName: "MEMBER"))
    var host: String

    @Option(help: "记录人 Recorder (secretary).")
    var recorder: String

    @Option(help: "会议议程（可重复）Agenda item (repeatable); default: the order of seed 第二十三条第五项.")
    var agenda: [String] = []

    func run() throws {
        let folder = session.folder
        try perform { () throws(WorkspaceError) in try folder.run(.openMeeting(host: host, recorder: recorder, agenda: agenda)) }
        let state = try perform { () throws(WorkspaceError) in try folder.state() }
        print("会议开始：主持人 \(host)（\(state.member(host)?.name ?? "")），记录人 \(recorder)，出席 \(state.present.count)/\(state.settings.size) 人")
        for (i, item) in state.agenda.enumerated() { print("  \(i + 1). \(item)") }
    }
}
