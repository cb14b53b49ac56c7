import ArgumentParser
import Records
import Review
import Workspace

/// `pingshen status [--json]`
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "查看会议状态：出席、投票、结果。Show the session: attendance, rounds, results.")

    @OptionGroup var session: SessionOptions

    @OptionGroup var output: JSONOption

    func run() throws {
        let report = try session.folder.status()
        if output.json {
            printJSON(report)
            return
        }
        let phase = ["convening": "签到中（未开会）", "open": "会议进行中", "closed": "会议已结束"][report.phase] ?? report.phase
        print("\(report.committee) · \(report.date) · \(phase)")
        print("出席 \(report.present.count)/\(report.size) 人（规定人数 \(report.quorum)）：\(report.present.joined(separator: " "))")
        if let host = report.host { print("主持人 \(host)  记录人 \(report.recorder ?? "")") }
        if let r = report.round {
            let kind = r.paper ? "纸质" : "电子"
            print("正在进行：第 \(r.number) 轮（\(kind)）\(r.candidates.joined(separator: "、"))，已收 \(r.received)/\(r.eligible.count)")
        }
        let stateNames = ["pending": "待评", "deliberating": "评议中", "voting": "投票中", "counted": "已表决", "barred": "已评审过（不得复评）"]
        for c in report.candidates {
            var line = "  \(c.id) \(c.name)  \(stateNames[c.state] ?? c.state)"
            if let result = c.result, let yes = c.yes, let n = c.denominator {
                line += "  \(result.chinese)  同意 \(yes) 不同意 \(c.no ?? 0) 弃权 \(c.abstain ?? 0) 无效 \(c.void ?? 0) / N=\(n)"
                if !c.announced { line += "（待公布）" }
            }
            print(line)
        }
        if !report.rejectedWithoutReason.isEmpty {
            print("待记录未通过原因：\(report.rejectedWithoutReason.joined(separator: "、"))")
        }
        if let torn = report.tornTail {
            printError("警告：日志末行不完整（\(torn) 字节，写入中断）；追加记录前须运行 pingshen repair。\nwarning: the journal ends in a torn line of \(torn) bytes; run pingshen repair before appending.")
        }
    }
}
