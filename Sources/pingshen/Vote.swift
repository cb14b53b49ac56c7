import ArgumentParser

/// `pingshen vote …`: ballot rounds.
struct Vote: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "无记名投票：开始、投票、录入纸质选票、结束、取消。Secret-ballot rounds.",
        subcommands: [VoteOpen.self, VoteCast.self, VoteKiosk.self, VotePaper.self, VoteClose.self, VoteCancel.self]
    )
}
