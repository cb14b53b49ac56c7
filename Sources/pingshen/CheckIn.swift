import ArgumentParser
import Workspace

/// `pingshen checkin M01 M02 … [--json]`
struct CheckIn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "委员签到（或中途离会后返回），为每人发放本次会议的一次性投票 PIN。Sign members in; prints each one's voting PIN.")

    @OptionGroup var session: SessionOptions

    @Argument(help: ArgumentHelp("委员编号 Member ids.", valueName: "MEMBER"))
    var members: [String]

    @Flag(help: "以 JSON 输出 {\"pins\": {...}} Print JSON.")
    var json = false

    func validate() throws {
        if members.isEmpty { throw ValidationError("至少需要一名委员编号 (name at least one member)") }
    }

    struct Output: Encodable {
        var pins: [String: String]
        var present: Int
        var quorum: Int
    }

    func run() throws {
        let (step, pins) = try session.folder.openForWriting().checkIn(members)
        let state = step.state
        if json {
            printJSON(Output(pins: Dictionary(uniqueKeysWithValues: pins.map { ($0.member, $0.pin) }),
                             present: state.present.count, quorum: state.settings.quorum))
            return
        }
        printNotices(step.notices)
        for (member, pin) in pins {
            print("签到 \(member)（\(state.member(member)?.name ?? "")）  投票 PIN：\(pin)")
        }
        print("出席 \(state.present.count) 人，规定人数 \(state.settings.quorum) 人。PIN 只显示这一次，请分别交给本人。")
    }
}
