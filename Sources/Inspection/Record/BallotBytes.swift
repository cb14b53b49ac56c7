import Records

/// The bytes a ballot stands for, built here rather than borrowed from the engine:
/// `pingshen-ballot-v1 ‖ 0 ‖ session ‖ 0 ‖ round ‖ 0 ‖ marks ‖ 0 ‖ nonce`, the marks being
/// `id=mark` pairs sorted by candidate id and joined by `;` (SPEC.md §2, `Ballot.id`).
///
/// One buffer is reused for every ballot of a session, so building a message allocates nothing
/// once the buffer has grown.
struct BallotBytes {
    private(set) var bytes: [UInt8] = []
    private let head: [UInt8]

    init(session: String) {
        head = Array("pingshen-ballot-v1".utf8) + [0] + Array(session.utf8) + [0]
        bytes.reserveCapacity(256)
    }

    /// Builds the message of a ballot of `round` with `choices` and `nonce`.
    mutating func build(round: Int, choices: [CandidateID: Choice], nonce: String) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: head)
        bytes.append(contentsOf: String(round).utf8)
        bytes.append(0)
        if choices.count == 1, let (id, choice) = choices.first {
            mark(id, choice)
        } else {
            for (i, id) in choices.keys.sorted().enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ";")) }
                mark(id, choices[id]!)
            }
        }
        bytes.append(0)
        bytes.append(contentsOf: nonce.utf8)
    }

    /// Appends `id=mark`.
    private mutating func mark(_ id: CandidateID, _ choice: Choice) {
        bytes.append(contentsOf: id.utf8)
        bytes.append(UInt8(ascii: "="))
        switch choice {
        case .yes: bytes.append(contentsOf: Self.yes)
        case .no: bytes.append(contentsOf: Self.no)
        case .abstain: bytes.append(contentsOf: Self.abstain)
        }
    }

    private static let yes = Array(Choice.yes.rawValue.utf8), no = Array(Choice.no.rawValue.utf8), abstain = Array(Choice.abstain.rawValue.utf8)
}
