import Review

extension SessionFolder {
    /// The session state for rendering documents: replayed with closed rounds' ballot blocks
    /// skimmed, not decoded (`load(omittingBallots:)`), on every core. Documents count from the
    /// tallies written at each round's close; recounting ballots is the inspector's work.
    public func stateForDocuments() throws(WorkspaceError) -> SessionState {
        try state()
    }
}
