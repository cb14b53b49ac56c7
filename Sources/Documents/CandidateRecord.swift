import Printer
import Records
import Review

/// One candidate as every document sees them: the roster row, what happened in the session,
/// and the round that counted them with the attendance at its opening.
public struct CandidateRecord: Sendable {
    public let candidate: Candidate
    public let progress: CandidateProgress
    /// The closed round that counted the candidate; nil when not (yet) voted on.
    public let round: RoundState?
    /// Members in the room when that round opened (实到).
    public let presentAtVote: Int?

    public var tally: Tally? { progress.tally }
    public var outcome: Outcome? { progress.tally?.outcome }
    /// Decided by an earlier session of the committee (R8): on the roster, never voted here.
    public var isBarred: Bool {
        if case .barred = progress.stage { return true }
        return false
    }
}

extension SessionState {
    /// Every candidate in roster order, with the round that counted them.
    ///
    /// - Complexity: O(candidates + rounds × members); each round's attendance is computed once.
    public func candidateRecords() -> [CandidateRecord] {
        var presentByRound: [Int: Int] = [:]
        return candidates.map { c in
            let p = progress[c.id]!
            var round: RoundState?
            if case .counted(let r) = p.stage {
                round = self.round(numbered: r)
                if let opened = round?.openedSeq, presentByRound[r] == nil {
                    presentByRound[r] = presentCount(atSeq: opened)
                }
            }
            return CandidateRecord(candidate: c, progress: p, round: round, presentAtVote: round.flatMap { presentByRound[$0.number] })
        }
    }

    /// The round with this number (rounds are numbered 1, 2, … in order).
    public func round(numbered n: Int) -> RoundState? {
        if n >= 1, n <= rounds.count, rounds[n - 1].number == n { return rounds[n - 1] }
        return rounds.first { $0.number == n }
    }

    /// Members in the room at the moment entry `seq` was written.
    public func presentCount(atSeq seq: Int) -> Int {
        members.reduce(0) { count, m in
            let inRoom = (stays[m.id] ?? []).contains { $0.arrivedSeq < seq && ($0.leftSeq.map { $0 > seq } ?? true) }
            return count + (inRoom ? 1 : 0)
        }
    }

    /// Members who were in the room at some time during the session, in roster order.
    public var attendedMembers: [Member] { members.filter { !(stays[$0.id] ?? []).isEmpty } }
}
