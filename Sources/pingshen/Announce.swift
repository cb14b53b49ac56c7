import ArgumentParser
import Records
import Workspace

/// `pingshen announce [--json]`
struct Announce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "主持人当场公布评审结果（R12）；公布后结果即为最终结果。The host announces the results.")

    @OptionGroup var session: SessionOptions

    @OptionGroup var output: JSONOption

    /// What `announce --json` prints: the appended entry, its notices, and each result.
    struct Output: Encodable {
        var entry: Entry
        var notices: [String]
        var results: [Line]
    }

    struct Line: Encodable {
        var id: String
        var name: String
        var result: Outcome
        var yes: Int
        var denominator: Int
    }

    func run() throws {
        let step = try session.folder.run(.announce)
        let state = step.state
        guard case .resultsAnnounced(let a) = step.event else { return }
        let lines = a.candidates.map { id in
            let t = state.progress[id]!.tally!
            return Line(id: id, name: state.candidate(id)!.name, result: t.outcome, yes: t.yes, denominator: t.denominator)
        }
        if output.json {
            printJSON(Output(entry: step.entry, notices: step.notices, results: lines))
            return
        }
        printNotices(step.notices)
        print("主持人 \(a.host)（\(state.member(a.host)?.name ?? "")）公布评审结果：")
        for l in lines {
            print("  \(l.id) \(l.name)：\(l.result.chinese)（同意 \(l.yes) 票 / 基数 \(l.denominator)）")
        }
    }
}
