import Foundation
import Records
import Review
import Workspace

/// The meetings the tests verify, each played through the session engine.
enum Scenarios {
    /// The main sample, sealed and signed: a late arrival, a recusal, a departure during a
    /// deliberation, a rejection with its reason, a paper round with a disputed and re-entered
    /// sheet, an invalid mark and two marks, a cancelled round, a change of host, announced,
    /// closed with the recorder's cosignature, minutes and every result form signed.
    static func main(committee: TestCommittee?) throws -> SampleSession {
        var s = try SampleSession(committee: committee)
        try s.checkIn(SampleSession.ids(Array(1...19) + [21, 23]), at: "08:40")
        try s.run(.admitObserver(name: "李明", unit: "安徽省人力资源和社会保障厅", kind: "organizer"), at: "08:45")
        try s.open(host: "M01", at: "08:50")
        try s.run(.reportMaterials("本次共受理申报 14 人，材料经审核均符合申报条件。"), at: "08:55")
        try s.run(.beginDeliberation(["C01", "C02", "C03"], opinion: "评议组意见：建议通过。"), at: "09:00")
        try s.run(.recordSpeech("C01", member: "M04", text: "成果已产业化。"), at: "09:00")
        try s.checkIn(["M20"], at: "09:10")
        try s.electronicRound(["C01", "C02", "C03"], ["C01": (20, 1, 0), "C02": (18, 2, 1), "C03": (16, 3, 2)], open: "09:20", close: "09:30")
        try s.run(.recuse("M07", candidate: "C04", reason: "与申报人同一工作单位"), at: "09:35")
        try s.run(.beginDeliberation(["C04"], opinion: nil), at: "09:35")
        try s.electronicRound(["C04"], ["C04": (19, 1, 1)], open: "09:45", close: "09:55")
        try s.run(.beginDeliberation(["C05"], opinion: "近五年业绩成果不足。"), at: "10:00")
        try s.run(.checkOut("M10", reason: "单位急事"), at: "10:05")
        try s.electronicRound(["C05"], ["C05": (11, 7, 3)], open: "10:10", close: "10:15")
        try s.run(.recordReason("C05", "同意票未达到三分之二。"), at: "10:15")
        try s.checkIn(["M10"], at: "10:20")
        try s.run(.beginDeliberation(["C06", "C07", "C08", "C09"], opinion: nil), at: "10:25")
        _ = try s.at("10:40").openForWriting().openRound(["C06", "C07", "C08", "C09"], paper: true, tellers: ["孙计票", "周监票"])
        try paperSheets(s, at: "10:40")
        _ = try s.at("11:05").openForWriting().closeRound()
        try s.run(.beginDeliberation(["C10", "C11", "C12"], opinion: nil), at: "11:10")
        _ = try s.at("11:15").openForWriting().openRound(["C10", "C11", "C12"], paper: false)
        try s.run(.cancelRound(reason: "选票印制有误"), at: "11:16")
        try s.electronicRound(["C10", "C11", "C12"], ["C10": (17, 3, 2), "C11": (21, 1, 0), "C12": (18, 2, 1)], open: "11:20", close: "11:30", skip: ["M23"])
        try s.run(.beginDeliberation(["C13", "C14"], opinion: nil), at: "11:35")
        try s.run(.changeHost("M02"), at: "11:40")
        try s.electronicRound(["C13", "C14"], ["C13": (19, 2, 1), "C14": (17, 4, 1)], open: "11:45", close: "11:50")
        try s.run(.recordMatter("C09 一篇论文引用不规范。", handling: "记录在案。"), at: "11:55")
        try s.run(.changeHost("M01"), at: "11:58")
        try s.run(.announce, at: "12:00")
        try s.close(at: "12:05")
        try s.signDocuments(forms: .individual, at: "12:30")
        return s
    }

    /// Two tellers enter all but the last sheet; sheet 9 is read differently and re-entered;
    /// sheet 5 has an unreadable mark, sheet 6 two marks.
    static func paperSheets(_ s: SampleSession, at time: String) throws {
        let folder = s.at(time)
        let sheets = try folder.state().openRound!.sheetsDistributed
        let candidates = ["C06", "C07", "C08", "C09"]
        func marks(_ sheet: Int) -> [CandidateID: [String]] {
            var out: [CandidateID: [String]] = [:]
            for (i, c) in candidates.enumerated() {
                if sheet == 5 && c == "C07" { out[c] = ["?"]; continue }
                if sheet == 6 && c == "C08" { out[c] = ["同意", "不同意"]; continue }
                let no = [3, 2, 4, 1][i]
                out[c] = [sheet > sheets - 1 - no - (i == 2 ? 1 : 0) ? "不同意" : "同意"]
            }
            return out
        }
        for sheet in 1..<sheets {
            for teller in ["孙计票", "周监票"] {
                var m = marks(sheet)
                if sheet == 9 && teller == "周监票" { m["C06"] = ["不同意"] }
                try s.enter(teller, sheet: sheet, m, at: time)
            }
        }
        try s.enter("周监票", sheet: 9, marks(9), at: time)
    }

    /// A legitimately different meeting: N counts everyone present, recused members stay in N,
    /// a cap of two 同意 per sheet, other members present, a departure and return, two
    /// rejections, an over-cap paper sheet, and a registry barring C14 (never put to the vote).
    static func different(committee: TestCommittee) throws -> SampleSession {
        var settings = try String(contentsOfFile: SampleSession.samples + "/session.toml", encoding: .utf8)
        settings = settings.replacingOccurrences(of: "专业高级职称评审委员会", with: "专业中级职称评审委员会")
            .replacingOccurrences(of: "recused_leave_denominator = true", with: "recused_leave_denominator = false")
            .replacingOccurrences(of: "yes_cap = 0", with: "yes_cap = 2")
        var s = try SampleSession(committee: committee, settings: settings)
        try s.checkIn(SampleSession.ids([1, 2, 3] + Array(5...12) + Array(14...20)), at: "14:00")
        try s.open(host: "M02", at: "14:05")
        try s.run(.recuse("M09", candidate: "C02", reason: "亲属关系"), at: "14:10")
        try s.run(.beginDeliberation(["C01", "C02"], opinion: nil), at: "14:10")
        try s.checkIn(["M22"], at: "14:12")
        try s.electronicRound(["C01"], ["C01": (9, 6, 2)], open: "14:20", close: "14:25")
        try s.run(.recordReason("C01", "同意票不足三分之二。"), at: "14:26")
        try s.run(.checkOut("M05", reason: "临时离开"), at: "14:27")
        try s.checkIn(["M05"], at: "14:29")
        try s.electronicRound(["C02"], ["C02": (14, 2, 0)], open: "14:30", close: "14:35")
        try s.run(.beginDeliberation(["C03", "C04", "C05"], opinion: nil), at: "14:40")
        _ = try s.at("14:50").openForWriting().openRound(["C03", "C04", "C05"], paper: true, tellers: ["甲", "乙"])
        let folder = s.at("14:50")
        for sheet in 1...18 {
            var marks: [CandidateID: [String]] = ["C03": ["同意"], "C04": [sheet <= 13 ? "同意" : "弃权"], "C05": [sheet <= 4 ? "同意" : "不同意"]]
            if sheet <= 2 { marks["C03"] = ["同意"]; marks["C04"] = ["同意"]; marks["C05"] = ["同意"] }  // three 同意: over the cap, void
            if sheet == 17 { marks["C03"] = [] }
            for teller in ["甲", "乙"] { try s.enter(teller, sheet: sheet, marks, at: "14:50") }
        }
        _ = try s.at("15:05").openForWriting().closeRound()
        let state = try s.at("15:06").state()
        for c in state.countedInOrder where state.progress[c]!.result == .rejected && state.progress[c]!.reasons.isEmpty {
            try s.run(.recordReason(c, "业绩条件不足。"), at: "15:06")
        }
        try s.run(.announce, at: "15:10")
        try s.close(at: "15:15")
        try s.signDocuments(forms: .bundle, at: "15:30")
        return s
    }

    /// An unsigned drill: no seal, no checkpoints, no documents.
    static func drill() throws -> SampleSession {
        var s = try SampleSession(committee: nil)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        try s.open(host: "M01", at: "09:05")
        try s.run(.beginDeliberation(["C01"], opinion: nil), at: "09:10")
        try s.electronicRound(["C01"], ["C01": (18, 2, 0)], open: "09:20", close: "09:25")
        try s.run(.announce, at: "09:30")
        try s.close(at: "09:35")
        return s
    }

    /// A small signed meeting of a committee whose seal and members use SM2 (国密).
    static func sm2(committee: TestCommittee) throws -> SampleSession {
        var s = try SampleSession(committee: committee)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        try s.open(host: "M01", at: "09:05")
        try s.run(.beginDeliberation(["C01", "C02"], opinion: nil), at: "09:10")
        try s.electronicRound(["C01", "C02"], ["C01": (18, 2, 0), "C02": (12, 8, 0)], open: "09:20", close: "09:25")
        try s.run(.recordReason("C02", "同意票不足。"), at: "09:26")
        try s.run(.announce, at: "09:30")
        try s.close(at: "09:35")
        try s.signDocuments(forms: .bundle, at: "09:50")
        return s
    }
}
