import ArgumentParser
import Workspace

/// `pingshen repair`
struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "处理写入中断留下的不完整末行：移至 journal.torn-N 保存并在日志中记录。Set aside a torn last journal line.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    /// What `repair --json` prints: whether a torn line was set aside, and where.
    struct Output: Encodable {
        var repaired: Bool
        var kept: String?
    }

    func run() throws {
        let kept = try session.folder.openForWriting().repair()
        if output.json {
            printJSON(Output(repaired: kept != nil, kept: kept))
            return
        }
        if let kept {
            print("日志末行不完整，已移至 \(kept) 保存，并在日志中记录。The torn line was moved to \(kept).")
        } else {
            print("日志完好，无需修复。The journal is intact.")
        }
    }
}
