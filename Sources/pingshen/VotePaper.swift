import ArgumentParser
import Workspace

/// `pingshen vote paper --teller NAME --sheet 7 C01=同意 C02=弃权 …`
struct VotePaper: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "计票人录入一张纸质选票；每张须由两名不同计票人分别录入且一致。Enter one paper sheet as a teller reads it.",
        discussion: """
        照实录入选票上的标记 Enter the marks as they are on paper: C01=同意; 空白 C01= or omit it; \
        两个标记 C01=同意+不同意 (void for C01); 无法辨认 C01=? (void for C01).
        """)

    @OptionGroup var session: SessionOptions
    @OptionGroup var output: JSONOption

    @Option(help: "计票人姓名 Teller.")
    var teller: String

    @Option(help: "选票编号（1 至发出张数）Sheet number.")
    var sheet: Int

    @Argument(help: ArgumentHelp("申报人=标记 CANDIDATE=MARK.", valueName: "CANDIDATE=MARK"))
    var marks: [String] = []

    func run() throws {
        var read: [String: [String]] = [:]
        for (id, mark) in try parsePairs(marks) {
            read[id, default: []] += mark.split(separator: "+", omittingEmptySubsequences: true).map(String.init)
        }
        let step = try session.folder.run(.enterSheet(teller: teller, sheet: sheet, marks: read))
        let line: String
        switch step.state.openRound.flatMap({ $0.status(ofSheet: sheet) }) {
        case .settled?: line = "第 \(sheet) 张：两名计票人录入一致"
        case .disputed(let tellers)?: line = "第 \(sheet) 张：\(tellers.joined(separator: "、")) 录入不一致，请核对原票后重新录入"
        default: line = "第 \(sheet) 张已由 \(teller) 录入，待另一名计票人复录"
        }
        report(step, json: output.json, line)
    }
}
