import ArgumentParser
import Review
import Workspace

/// `pingshen checkin M01 M02 … [--json]`, `pingshen checkin --reissue M05`
struct CheckIn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "委员签到（或中途离会后返回），为每人发放本次会议的一次性投票 PIN。Sign members in; prints each one's voting PIN.",
        discussion: """
        --reissue：为在场的委员补发新 PIN（原 PIN 随即作废），委员不离会，出席不中断（R16）。\
        --reissue gives present members a new PIN without their leaving the meeting; the old one stops working.
        """)

    @OptionGroup var session: SessionOptions

    @Argument(help: ArgumentHelp("委员编号 Member ids.", valueName: "MEMBER"))
    var members: [String]

    @Flag(help: "为在场的委员补发 PIN（原 PIN 作废）Re-issue present members' PINs.")
    var reissue = false

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
        let opened = try session.folder.openForWriting()
        var pins: [(member: String, pin: String)] = []
        var notices: [String] = []
        if reissue {
            do {
                for member in members {
                    let (step, pin) = try opened.reissuePIN(to: member)
                    pins.append((member, pin))
                    notices += step.notices
                }
            } catch {
                // The PINs already re-issued are in the journal: show them before the error.
                show(pins, opened.state, reissued: true)
                throw error
            }
        } else {
            let (step, issued) = try opened.checkIn(members)
            pins = issued
            notices = step.notices
        }
        let state = opened.state
        if json {
            printJSON(Output(pins: Dictionary(uniqueKeysWithValues: pins.map { ($0.member, $0.pin) }),
                             present: state.present.count, quorum: state.settings.quorum))
            return
        }
        printNotices(notices)
        show(pins, state, reissued: reissue)
        print("出席 \(state.present.count) 人，规定人数 \(state.settings.quorum) 人。PIN 只显示这一次，请分别交给本人。")
    }

    func show(_ pins: [(member: String, pin: String)], _ state: SessionState, reissued: Bool) {
        for (member, pin) in pins {
            print("\(reissued ? "补发" : "签到") \(member)（\(state.member(member)?.name ?? "")）  投票 PIN：\(pin)\(reissued ? "（原 PIN 已作废）" : "")")
        }
    }
}
