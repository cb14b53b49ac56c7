import ArgumentParser
import Foundation
import Records
import Review
import Workspace

/// `pingshen vote kiosk`: the screen members vote at, one after another.
struct VoteKiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "投票终端：委员输入编号和 PIN（不显示），逐项表决，确认后清屏，下一位。Interactive voting screen.",
        discussion: "输入 q 或 Ctrl-D 退出。PIN 连续错误 5 次后该委员被锁定（记入日志），须主持人解锁（pingshen unlock）。Type q or Ctrl-D to leave.")

    @OptionGroup var session: SessionOptions

    func run() throws {
        let folder = try session.folder
        let terminal = Terminal()
        while true {
            guard let round = try? folder.state().openRound, !round.opened.paper else {
                print("当前没有进行中的电子投票。No electronic round is open.")
                return
            }
            print("=== 无记名投票 第 \(round.number) 轮 Secret ballot, round \(round.number) ===")
            guard let member = terminal.ask("请输入委员编号（q 退出）Member id (q to quit): ") else { return }
            if member.isEmpty { continue }
            if member == "q" { return }
            guard let pin = terminal.ask("请输入 PIN（不显示）PIN (hidden): ", hidden: true) else { return }
            let admitted: RoundState
            do {
                // A wrong PIN is journaled there; five lock the member until the host unlocks (R16).
                admitted = try folder.admitVoter(member: member, pin: pin)
            } catch {
                printError(error.description)
                continue
            }
            let state = try folder.state()
            print("\(member)（\(state.member(member)?.name ?? "")）：请逐项表决  1 同意  2 不同意  3 弃权  回车 = 空白（不计同意）")
            var choices: [CandidateID: Choice] = [:]
            for id in admitted.opened.candidates {
                let c = state.candidate(id)!
                while true {
                    guard let answer = terminal.ask("  \(id) \(c.name)（\(c.unit)，申报\(c.appliedTitle)）: ") else { return }
                    if answer.isEmpty { break }
                    if let choice = ["1": Choice.yes, "2": .no, "3": .abstain][answer] ?? Choice(reading: answer) {
                        choices[id] = choice
                        break
                    }
                    print("    请输入 1、2、3 或直接回车 (1, 2, 3 or Enter)")
                }
            }
            let summary = admitted.opened.candidates.map { "\($0) \(choices[$0]?.rawValue ?? "空白")" }.joined(separator: "；")
            guard let confirm = terminal.ask("确认提交？\(summary)  [y/N]: ") else { return }
            if confirm.lowercased() == "y" || confirm == "是" {
                do {
                    printNotices(try folder.openForWriting().castBallot(member: member, pin: pin, choices: choices).notices)
                    print("投票成功，谢谢。Thank you, your ballot is in.")
                } catch {
                    printError(error.description)
                }
            } else {
                print("未提交。Not submitted.")
            }
            _ = terminal.ask("按回车键清屏 Press Enter to clear the screen ")
            terminal.clear()
        }
    }
}

/// Line input from standard input, with echo turned off for secrets when it is a terminal.
struct Terminal {
    let interactive = isatty(STDIN_FILENO) == 1

    func ask(_ prompt: String, hidden: Bool = false) -> String? {
        print(prompt, terminator: "")
        flushOutput()
        var saved = termios()
        let hide = hidden && interactive && tcgetattr(STDIN_FILENO, &saved) == 0
        if hide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if hide {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                print("")
            }
        }
        return readLine(strippingNewline: true)?.trimmingWhitespace()
    }

    /// Clears the screen and its scroll-back, so the next member sees nothing of the last ballot.
    func clear() {
        print("\u{1B}[2J\u{1B}[3J\u{1B}[H", terminator: "")
        flushOutput()
    }
}
