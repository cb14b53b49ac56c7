import Records

/// When a signed meeting's journal must be sealed with a checkpoint (SPEC.md §2).
extension SessionState {
    /// Whether the meeting was opened with a session key (not an unsigned drill).
    public var isSigned: Bool { seal != nil }

    /// Whether `event`, appended to this state, must be sealed by a checkpoint at once (SPEC.md
    /// §2): in a signed meeting every entry from the opening to the close, so that a journal at
    /// rest never ends in lines no seal covers. Entries before the opening are sealed by the
    /// opening's checkpoint; after the final checkpoint only the papers' signatures follow, each
    /// covered by its own CMS signature. Ask before applying `event`.
    public func needsCheckpoint(after event: Event) -> Bool {
        switch event {
        case .meetingOpened(let opened): opened.seal != nil
        case .checkpointSigned, .documentSigned: false
        default: isSigned && phase == .open
        }
    }

    /// The tree size the last checkpoint covers (0 if none).
    public var lastCheckpointSize: Int { checkpoints.last.map { $0.seq - 1 } ?? 0 }

    /// Whether the final checkpoint (after the close, cosigned by the recorder) is in the journal.
    public var isSealedAfterClose: Bool {
        guard phase == .closed, let closed = closedSeq else { return false }
        return checkpoints.contains { $0.seq == closed + 1 }
    }

    func recordCheckpoint(_ c: CheckpointSigned) throws(Rejection) -> Event {
        guard isSigned else {
            throw .invalid(InputError("本次会议未签名（演练），没有会议密钥，不能签署检查点", "this is an unsigned drill; it has no session key to sign checkpoints"))
        }
        return .checkpointSigned(c)
    }
}
