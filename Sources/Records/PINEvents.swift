/// A wrong PIN typed for a member during an open round: the vote was refused, the attempt is
/// journaled so the count toward the lock survives a restart (R16).
public struct PINFailed: Codable, Sendable, Equatable {
    public var member: MemberID
    public var round: Int
    /// Wrong PINs for this member since their PIN was last issued, the lock lifted or a vote accepted, this one included.
    public var failures: Int
    public init(member: MemberID, round: Int, failures: Int) {
        self.member = member
        self.round = round
        self.failures = failures
    }
}

/// The wrong PIN that reached the limit: the member may not vote until the host unlocks them (R16).
public struct MemberLocked: Codable, Sendable, Equatable {
    public var member: MemberID
    public var round: Int
    public var failures: Int
    public init(member: MemberID, round: Int, failures: Int) {
        self.member = member
        self.round = round
        self.failures = failures
    }
}

/// The host lifts a member's PIN lock (R16).
public struct MemberUnlocked: Codable, Sendable, Equatable {
    public var member: MemberID
    /// The host who unlocked.
    public var host: MemberID
    public init(member: MemberID, host: MemberID) {
        self.member = member
        self.host = host
    }
}
