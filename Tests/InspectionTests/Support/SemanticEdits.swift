import Foundation
import Records
import Seal

/// Edits that change what the meeting did, each breaking one rule, applied to decoded entries.
/// The harness applies each twice: re-serialised as is (the seals break too), and re-sealed by
/// an insider (only the rule checks can catch it).
enum SemanticEdits {
    typealias Edit = @Sendable (inout JournalEdit, String) throws -> Void

    static func ballotID(_ b: Ballot, session: String, round: Int) -> String {
        Digest.sha256Hex(BallotMessage.bytes(session: session, round: round, choices: b.choices, nonce: b.nonce))
    }

    static let all: [(String, Edit)] = [
        ("swap two ballots' choices", { j, _ in
            j.editClose(1) { c in
                guard let a = c.ballots.firstIndex(where: { $0.choices["C03"] == .yes }),
                      let b = c.ballots.firstIndex(where: { $0.choices["C03"] == .no }) else { return }
                (c.ballots[a].choices, c.ballots[b].choices) = (c.ballots[b].choices, c.ballots[a].choices)
            }
        }),
        ("swap two ballots' choices, ids recomputed", { j, session in
            j.editClose(1) { c in
                guard let a = c.ballots.firstIndex(where: { $0.choices["C03"] == .yes }),
                      let b = c.ballots.firstIndex(where: { $0.choices["C03"] == .no }) else { return }
                (c.ballots[a].choices, c.ballots[b].choices) = (c.ballots[b].choices, c.ballots[a].choices)
                for i in [a, b] { c.ballots[i].id = ballotID(c.ballots[i], session: session, round: 1) }
                c.ballots.sort { $0.id < $1.id }
            }
        }),
        ("add a ballot (a copied credential) and count it", { j, session in
            j.editClose(3) { c in
                var extra = c.ballots[0]
                extra.nonce = String(repeating: "ab", count: 16)
                extra.choices = ["C05": .yes]
                extra.id = ballotID(extra, session: session, round: 3)
                c.ballots.append(extra)
                c.ballots.sort { $0.id < $1.id }
                c.returned += 1
                c.tallies[0].yes += 1
                c.tallies[0].void -= 1
            }
        }),
        ("change a tally", { j, _ in
            j.editClose(3) { c in c.tallies[0].yes += 1; c.tallies[0].no -= 1 }
        }),
        ("turn a rejection into a pass", { j, _ in
            j.editClose(3) { c in c.tallies[0].outcome = .passed }
        }),
        ("change N", { j, _ in
            j.editClose(3) { c in c.tallies[0].denominator -= 4; c.tallies[0].void -= 4 }
            j.editOpen(3) { o in o.denominators["C05"]! -= 4 }
        }),
        ("move a departure time earlier", { j, _ in
            guard let left = j.index({ if case .memberLeft = $0 { return true }; return false }),
                  let target = j.index({ if case .deliberationBegan(let d) = $0 { return d.candidates == ["C04"] }; return false }) else { return }
            let entry = j.entries.remove(at: left)
            j.entries.insert(Entry(seq: 0, at: j.entries[target - 1].at, event: entry.event), at: target)
        }),
        ("issue a credential to an absent member", { j, _ in
            guard let close = j.roundClosed(1) else { return }
            j.insert(.ballotIssued(BallotIssued(round: 1, member: "M22", blinded: String(repeating: "cd", count: 32))), at: close)
        }),
        ("cast after the close", { j, _ in
            guard let closed = j.meetingClosed else { return }
            j.insert(.ballotIssued(BallotIssued(round: 7, member: "M05", blinded: String(repeating: "ef", count: 32))), at: closed + 1)
        }),
        ("a late ballot after its round closed", { j, _ in
            guard let close = j.roundClosed(1) else { return }
            j.insert(.ballotIssued(BallotIssued(round: 1, member: "M20", blinded: String(repeating: "12", count: 32))), at: close + 2)
        }),
        ("a proxy credential for a member who left", { j, _ in
            guard let close = j.roundClosed(3) else { return }
            j.insert(.ballotIssued(BallotIssued(round: 3, member: "M10", blinded: String(repeating: "34", count: 32))), at: close)
        }),
        ("a second credential for one member", { j, _ in
            guard let close = j.roundClosed(2) else { return }
            j.insert(.ballotIssued(BallotIssued(round: 2, member: "M01", blinded: String(repeating: "56", count: 32))), at: close)
        }),
        ("drop a recusal", { j, _ in
            if let i = j.index({ if case .memberRecused = $0 { return true }; return false }) { j.entries.remove(at: i) }
        }),
        ("add a voter who arrived late", { j, _ in
            j.editOpen(1) { o in o.eligible.append("M20") }
        }),
        ("leave a voter off", { j, _ in
            j.editOpen(2) { o in o.eligible.removeAll { $0 == "M06" } }
        }),
        ("batch candidates with different voters", { j, _ in
            guard let open = j.roundOpened(2), let i = j.index({ if case .deliberationBegan(let d) = $0 { return d.candidates == ["C04"] }; return false }),
                  case .deliberationBegan(var d) = j.entries[i].event else { return }
            d.candidates.append("C14")
            j.entries[i].event = .deliberationBegan(d)
            j.editOpen(2) { o in o.candidates.append("C14"); o.denominators["C14"] = 21 }
            j.editClose(2) { c in
                c.tallies.append(Tally(candidate: "C14", denominator: 21, yes: 0, no: 0, abstain: 0, void: 21, outcome: .rejected))
            }
            _ = open
        }),
        ("drop an announcement", { j, _ in
            guard let i = j.index({ if case .resultsAnnounced = $0 { return true }; return false }),
                  case .resultsAnnounced(var a) = j.entries[i].event else { return }
            a.candidates.removeAll { $0 == "C05" }
            j.entries[i].event = .resultsAnnounced(a)
        }),
        ("drop the reason for a rejection", { j, _ in
            if let i = j.index({ if case .reasonRecorded = $0 { return true }; return false }) { j.entries.remove(at: i) }
        }),
        ("cancel a round after a ballot", { j, _ in
            guard let cancel = j.index({ if case .roundCancelled = $0 { return true }; return false }) else { return }
            j.insert(.ballotIssued(BallotIssued(round: 5, member: "M01", blinded: String(repeating: "78", count: 32))), at: cancel)
        }),
        ("vote again on a rejected candidate", { j, _ in
            guard let i = j.index({ if case .deliberationBegan(let d) = $0 { return d.candidates == ["C13", "C14"] }; return false }),
                  case .deliberationBegan(var d) = j.entries[i].event else { return }
            d.candidates = ["C13", "C05"]
            j.entries[i].event = .deliberationBegan(d)
            j.editOpen(7) { o in o.candidates = ["C13", "C05"]; o.denominators = ["C13": o.denominators["C13"]!, "C05": o.denominators["C14"]!] }
            j.editClose(7) { c in
                c.tallies[1].candidate = "C05"
                for k in c.ballots.indices { c.ballots[k].choices["C05"] = c.ballots[k].choices.removeValue(forKey: "C14") }
            }
        }),
        ("a teller's reading changed", { j, _ in
            guard let i = j.index({ if case .sheetEntered(let s) = $0 { return s.sheet == 3 && s.teller == "周监票" }; return false }),
                  case .sheetEntered(var s) = j.entries[i].event else { return }
            s.marks["C07"] = ["不同意"]
            j.entries[i].event = .sheetEntered(s)
        }),
        ("a sheet beyond those handed out", { j, _ in
            guard let close = j.roundClosed(4) else { return }
            for teller in ["孙计票", "周监票"] {
                j.insert(.sheetEntered(SheetEntered(round: 4, sheet: 23, teller: teller, marks: ["C06": ["同意"]])), at: close)
            }
            j.editClose(4) { c in c.returned += 1; c.tallies[0].yes += 1; c.tallies[0].void -= 1 }
        }),
        ("a sheet entered by one teller only", { j, _ in
            if let i = j.index({ if case .sheetEntered(let s) = $0 { return s.sheet == 4 && s.teller == "周监票" }; return false }) {
                j.entries.remove(at: i)
            }
        }),
        ("an ordinary member hosts", { j, _ in
            guard let i = j.index({ if case .hostChanged = $0 { return true }; return false }) else { return }
            j.entries[i].event = .hostChanged(HostChanged(host: "M04"))
        }),
        ("no quorum at the opening", { j, _ in
            guard let i = j.index({ if case .membersArrived = $0 { return true }; return false }),
                  case .membersArrived(var a) = j.entries[i].event else { return }
            let late = Array(a.arrivals.suffix(5))
            a.arrivals.removeLast(5)
            j.entries[i].event = .membersArrived(a)
            guard let first = j.roundOpened(1) else { return }
            j.insert(.membersArrived(MembersArrived(arrivals: late)), at: first - 3)
        }),
        ("the opening names another host", { j, _ in
            guard let i = j.index({ if case .meetingOpened = $0 { return true }; return false }),
                  case .meetingOpened(var o) = j.entries[i].event else { return }
            o.host = "M02"
            j.entries[i].event = .meetingOpened(o)
        }),
        ("an entry appended after the close", { j, _ in
            guard let closed = j.meetingClosed else { return }
            j.insert(.matterRecorded(Matter(text: "会后补记", handling: nil)), at: closed + 2)
        }),
        ("a result announced before its vote", { j, _ in
            guard let open = j.roundOpened(7) else { return }
            j.insert(.resultsAnnounced(ResultsAnnounced(host: "M02", candidates: ["C13"])), at: open)
        }),
        ("the minutes signed as by the recorder twice", { j, _ in
            guard let i = j.index({ if case .documentSigned(let d) = $0 { return d.document == "minutes" && d.signer == "host" }; return false }),
                  case .documentSigned(var d) = j.entries[i].event else { return }
            d.signer = "recorder"
            j.entries[i].event = .documentSigned(d)
        }),
        ("an observer from a newspaper", { j, _ in
            guard let i = j.index({ if case .observerAdmitted = $0 { return true }; return false }) else { return }
            j.entries[i].event = .observerAdmitted(ObserverAdmitted(name: "某记者", unit: "安徽日报", kind: .organizer))
        }),
        ("deliberation led while the host was away", { j, _ in
            guard let left = j.index({ if case .memberLeft = $0 { return true }; return false }),
                  case .memberLeft(var l) = j.entries[left].event else { return }
            l.member = "M01"
            j.entries[left].event = .memberLeft(l)
        }),
        ("a deliberation begun again (attendance restarted)", { j, _ in
            guard let i = j.index({ if case .deliberationBegan(let d) = $0 { return d.candidates == ["C05"] }; return false }),
                  let open = j.roundOpened(3) else { return }
            j.insert(j.entries[i].event, at: open)
        }),
        ("the host recused from the candidate whose vote they open", { j, _ in
            guard let i = j.index({ if case .deliberationBegan(let d) = $0 { return d.candidates == ["C05"] }; return false }) else { return }
            j.insert(.memberRecused(Recusal(member: "M01", candidate: "C05", reason: "亲属")), at: i)
        }),
        ("a sheet entered by someone not named a teller", { j, _ in
            guard let i = j.index({ if case .sheetEntered(let s) = $0 { return s.sheet == 2 && s.teller == "周监票" }; return false }),
                  case .sheetEntered(var s) = j.entries[i].event else { return }
            s.teller = "王秘书"
            j.entries[i].event = .sheetEntered(s)
        }),
        ("one teller's entry carries the other teller's signature", { j, _ in
            guard let a = j.index({ if case .sheetEntered(let s) = $0 { return s.sheet == 7 && s.teller == "孙计票" }; return false }),
                  let b = j.index({ if case .sheetEntered(let s) = $0 { return s.sheet == 7 && s.teller == "周监票" }; return false }),
                  case .sheetEntered(var first) = j.entries[a].event, case .sheetEntered(let second) = j.entries[b].event else { return }
            first.signed = second.signed
            j.entries[a].event = .sheetEntered(first)
        }),
        ("an observer from a private company with 人力资源 in its name", { j, _ in
            guard let i = j.index({ if case .observerAdmitted = $0 { return true }; return false }) else { return }
            j.entries[i].event = .observerAdmitted(ObserverAdmitted(name: "某人", unit: "安徽某某人力资源服务有限公司", kind: .hrss))
        }),
        ("a member locked after wrong PINs votes", { j, _ in
            guard let open = j.roundOpened(1) else { return }
            j.insert(.memberLocked(MemberLocked(member: "M02", round: 1, failures: 5)), at: open + 2)
        }),
        ("a result form dropped", { j, _ in
            if let i = j.entries.lastIndex(where: { if case .documentSigned(let d) = $0.event { return d.document == "result-form" }; return false }) {
                j.entries.remove(at: i)
            }
        }),
    ]
}
