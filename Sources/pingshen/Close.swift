import ArgumentParser
import Workspace

/// `pingshen close`
struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "结束会议（R14）：结果须已公布（R12），未通过者须有原因（R13）；结果追加到评委会登记文件。Close the meeting.")

    @OptionGroup var session: SessionOptions

    func run() throws {
        let folder = session.folder
        let (entry, registered) = try perform { () throws(WorkspaceError) in try folder.closeMeeting() }
        let state = try perform { () throws(WorkspaceError) in try folder.state() }
        let counted = state.countedInOrder
        let passed = counted.filter { state.progress[$0]!.result == .passed }
        print("会议于 \(entry.at.dropFirst(11).prefix(5)) 结束：表决 \(counted.count) 人，通过 \(passed.count) 人，未通过 \(counted.count - passed.count) 人")
        if let path = state.founding.registryPath {
            print("已将 \(registered) 项评审决定登记到 \(path)")
        }
        let untouched = state.candidates.filter { state.progress[$0.id]!.stage == .pending || state.progress[$0.id]!.stage == .deliberating }
        if !untouched.isEmpty {
            print("未表决：\(untouched.map(\.id).joined(separator: "、"))")
        }
    }
}
