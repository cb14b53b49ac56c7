import ArgumentParser
import Workspace

/// `pingshen deliberate C01 [C02 …] [--opinion TEXT]`
struct Deliberate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "开始评议这些申报人；此刻在场并全程参加的委员方可对其投票（R3）。Begin the deliberation of these candidates.")

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Argument(help: ArgumentHelp("申报人编号 Candidate ids.", valueName: "CANDIDATE"))
    var candidates: [String]

    @Option(help: "评议组或初审委员的初审意见 The panel's preliminary opinion.")
    var opinion: String?

    func validate() throws {
        if candidates.isEmpty { throw ValidationError("至少需要一名申报人编号 (name at least one candidate)") }
    }

    func run() throws {
        let step = try session.folder.run(.beginDeliberation(candidates, opinion: opinion))
        let state = step.state
        report(step, json: output.json, "\(clock(step.entry)) 开始评议：\(candidates.map { "\($0)（\(state.candidate($0)?.name ?? "")）" }.joined(separator: "、"))；在场 \(state.present.count) 人")
        guard !output.json else { return }
        if case .deliberationBegan(let e) = step.event {
            for r in e.recusals { print("  自动回避：\(r.member) 对 \(r.candidate)（\(r.reason)）") }
        }
        if opinion == nil { printError("提示：尚未记录初审意见，可用 pingshen opinion 申报人编号 意见 补记（会议记录须载明）。") }
    }
}
