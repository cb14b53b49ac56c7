import Printer
import Records
import Review

/// The parts of the minutes that explain rather than count: 皖人社发〔2018〕5号 第二十四条 “对一些专项问题的
/// 处理办法以及其他需要说明的问题”, as far as the journal itself records them.
extension MinutesView {
    /// What the minutes say of a closed round beyond its counts: paper sheets not returned or
    /// entered differently by the tellers, electronic ballots not cast.
    static func roundNote(_ round: RoundState, _ closed: RoundClosed) -> String? {
        let distributed = round.opened.eligible.count
        let missing = distributed - closed.returned
        guard round.opened.paper else {
            guard missing > 0 else { return nil }
            return "第 \(round.number) 轮发出电子选票 \(distributed) 张，收回 \(closed.returned) 张；\(missing) 名有表决权的委员未投票，计为无效票。"
        }
        var tellers: [String] = []
        var reentered: [Int] = []
        for sheet in round.sheets.keys.sorted() {
            let entries = round.sheets[sheet]!
            for e in entries where !tellers.contains(e.teller) { tellers.append(e.teller) }
            if entries.count > Set(entries.map(\.teller)).count { reentered.append(sheet) }
        }
        var text = "第 \(round.number) 轮为纸质投票，发出选票 \(distributed) 张，收回 \(closed.returned) 张"
        text += missing > 0 ? "（未交回的 \(missing) 张计为无效票）" : ""
        text += "；每张选票由\(tellers.joined(separator: "、"))分别录入"
        if !reentered.isEmpty {
            text += "，第 \(reentered.map(String.init).joined(separator: "、")) 张两人录入不一致，经核对原票后重新录入一致"
        }
        return text + "。"
    }

    /// Other things the minutes must explain (皖人社发〔2018〕5号 第二十四条 “其他需要说明的问题”), derived from
    /// the journal: cancelled rounds, changes of host, candidates not voted on, repairs.
    static func notes(_ state: SessionState, _ records: [CandidateRecord]) -> [String] {
        var out: [String] = []
        for change in state.hostChanges {
            out.append("\(Numbers.clock(change.at)) 改由\(state.memberLabel(change.value))主持会议。")
        }
        for round in state.rounds {
            switch round.status {
            case .cancelled(let reason):
                let names = round.opened.candidates.map(state.candidateName).joined(separator: "、")
                out.append("第 \(round.number) 轮投票（\(names)）于 \(Numbers.clock(round.closedAt)) 在收到选票前取消，原因：\(reason)。")
            case .closed(let closed):
                if let note = roundNote(round, closed) { out.append(note) }
            case .open:
                break
            }
        }
        for r in records {
            switch r.progress.stage {
            case .deliberating:
                out.append("申报人\(r.candidate.name)已评议但未表决，未作评审结论。")
            case .barred(let past):
                out.append("申报人\(r.candidate.name)已于 \(Numbers.chineseDate(past.date)) 经本评委会评审（\(past.outcome.chinese)），依规定不得复评，本次未予表决。")
            default:
                break
            }
        }
        for repair in state.repairs {
            out.append("\(Numbers.clock(repair.at)) 会议日志末尾一条未完成写入的记录（\(repair.value.discardedBytes) 字节）已移至 \(repair.value.keptIn) 保存，未作为会议记录。")
        }
        return out
    }
}
