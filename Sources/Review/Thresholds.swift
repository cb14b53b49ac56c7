import Records

// The rules' arithmetic on plain records: the two-thirds rule, the quorum, who may host.
// (The verifier, which never imports Review, writes its own.)

extension Tally {
    /// The two-thirds rule in integer arithmetic: `3 × yes ≥ 2 × N` (R7; "以上" includes the bound).
    public static func passes(yes: Int, denominator: Int) -> Bool {
        3 * yes >= 2 * denominator
    }

    /// The least number of 同意 that passes with denominator N: ⌈2N/3⌉.
    public static func votesNeeded(denominator: Int) -> Int {
        (2 * denominator + 2) / 3
    }
}

extension Settings {
    /// ⌈2/3 × size⌉ in integer arithmetic: the least quorum the regulation allows (R1).
    public static func minimumQuorum(size: Int) -> Int {
        (2 * size + 2) / 3
    }
}

extension Office {
    /// Whether this office may host the meeting (皖人社发〔2018〕5号 第二十三条第五项: 主任委员或副主任委员主持; R2).
    public var mayHost: Bool { self != .member }
}
