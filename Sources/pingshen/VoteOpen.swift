import ArgumentParser
import Records
import Review
import Workspace

/// `pingshen vote open C01 [C02 …] [--paper --tellers 计票人 监票人]`
struct VoteOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "开始一轮无记名投票；投票人名单此刻确定（R1、R2、R3、R8、R9、R15）。Open a ballot round; the voters are fixed now.",
        discussion: """
        纸质投票须用 --tellers 指定两名不同的计票人（计票人、监票人），只有他们可以录入选票（R15）。\
        A paper round names its two tellers with --tellers; only they may enter its sheets.
        """)

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("本轮表决的申报人（合并表决须投票人相同）Candidates on this sheet.", valueName: "CANDIDATE"))
    var candidates: [String]

    @Flag(help: "纸质选票，由两名计票人分别录入 Paper sheets entered by two tellers.")
    var paper = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("纸质投票的两名计票人（计票人 监票人）The paper round's two tellers.", valueName: "NAME"))
    var tellers: [String] = []

    func validate() throws {
        if candidates.isEmpty { throw ValidationError("至少需要一名申报人编号 (name at least one candidate)") }
        if !paper && !tellers.isEmpty { throw ValidationError("--tellers 只用于纸质投票（--paper）(--tellers is for paper rounds)") }
    }

    func run() throws {
        let step = try session.folder.openForWriting().openRound(candidates, paper: paper, tellers: tellers)
        guard let round = step.state.rounds.last else { return }
        let r = round.opened
        report(step, json: output.json, "第 \(r.round) 轮投票开始（\(r.paper ? "纸质" : "电子")）：\(r.candidates.joined(separator: "、"))")
        guard !output.json else { return }
        print("投票人 \(r.eligible.count) 名：\(r.eligible.joined(separator: " "))")
        for id in r.candidates {
            let n = r.denominators[id]!
            print("  \(id) 基数 N=\(n)，同意须达 \(Tally.votesNeeded(denominator: n)) 票")
        }
        if r.paper {
            print("发出选票 \(r.eligible.count) 张，编号 1–\(r.eligible.count)；计票人 \((r.tellers ?? []).joined(separator: "、"))")
        }
        if r.yesCap > 0 { print("每张选票“同意”不超过 \(r.yesCap) 个，超过即为废票") }
    }
}
