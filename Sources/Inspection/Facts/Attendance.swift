import Records

/// When each member was in the room, as stretches between journal positions.
///
/// A member who arrives at position a and leaves at position l was present for every entry p
/// with a < p < l (and for every p > a if they never left). Nothing else is derived: who may
/// vote, who counts for the quorum, follow from these stretches alone.
struct Attendance {
    struct Stay {
        var arrived: Int
        var left: Int?
    }

    private(set) var stays: [MemberID: [Stay]] = [:]
    /// Arrivals of members already present, departures of members not present, unknown ids.
    private(set) var anomalies: [(p: Int, message: String)] = []

    mutating func arrive(_ member: MemberID, at p: Int, known: Bool) {
        guard known else { return anomalies.append((p, "签到的委员 \(member) 不在名单中 (unknown member \(member) arrives)")) }
        if let last = stays[member]?.last, last.left == nil {
            return anomalies.append((p, "委员 \(member) 已在场又签到 (member \(member) arrives while present)"))
        }
        stays[member, default: []].append(Stay(arrived: p, left: nil))
    }

    mutating func leave(_ member: MemberID, at p: Int, known: Bool) {
        guard known, var list = stays[member], let last = list.last, last.left == nil else {
            return anomalies.append((p, "离会的委员 \(member) 不在场 (member \(member) leaves while absent)"))
        }
        list[list.count - 1].left = p
        stays[member] = list
    }

    /// Whether `member` was present when the entry at `p` was written.
    func isPresent(_ member: MemberID, at p: Int) -> Bool {
        stays[member]?.contains { $0.arrived < p && ($0.left.map { $0 > p } ?? true) } ?? false
    }

    /// Whether `member` was present without a break from `start` to `end` (both included).
    func wasPresentThroughout(_ member: MemberID, from start: Int, to end: Int) -> Bool {
        stays[member]?.contains { $0.arrived < start && ($0.left.map { $0 > end } ?? true) } ?? false
    }

    /// The members present at `p`, in `roster` order.
    func present(at p: Int, roster: [MemberID]) -> [MemberID] {
        roster.filter { isPresent($0, at: p) }
    }

    /// When `member` last left before `p`, if they were absent at `p` after having been present.
    func departure(of member: MemberID, before p: Int) -> Int? {
        stays[member]?.compactMap(\.left).filter { $0 < p }.max()
    }
}
