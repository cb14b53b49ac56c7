import Records
import Review

extension Session {
    /// `command` with the committee registry as it reads now, for the commands R8 judges
    /// against it: a deliberation and a vote opening. Decisions the caller passed are kept.
    ///
    /// Reading the file again at each of these commands, not only at `init`, means that two
    /// sessions prepared in advance cannot both count the same application: whichever closes
    /// first records its decision, and the other is refused when it takes the application up.
    func withCurrentRegistry(_ command: Command) throws(WorkspaceError) -> Command {
        switch command {
        case .beginDeliberation(let ids, let opinion, let given):
            return .beginDeliberation(ids, opinion: opinion, registry: given + (try currentRegistry()))
        case .openRound(let ids, let paper, let key, let tellers, let given):
            return .openRound(ids, paper: paper, credentialKey: key, tellers: tellers, registry: given + (try currentRegistry()))
        default:
            return command
        }
    }

    /// The registry file's decisions on this session's applications by other sessions; none
    /// when the session has no registry or the file does not exist yet.
    func currentRegistry() throws(WorkspaceError) -> [PastDecision] {
        guard let path = state.founding.registryPath else { return [] }
        return Registry.relevant(try Registry(path: path).decisions(), to: state.candidates, settings: state.settings, session: state.session)
    }
}

extension Session {
    /// A notice when the meeting opens on a day other than its planned `date`: the journal's
    /// date is the meeting's, and the minutes note the planned one.
    func meetingDateNotice(_ step: Step) -> Notice? {
        guard case .meetingOpened = step.event, let planned = step.state.plannedDateIfDifferent else { return nil }
        return "提示：会议于 \(step.state.meetingDate) 召开，与设置中的开会日期 \(planned) 不同；记录以实际日期为准，会议记录将注明原定日期。"
            + "\nNotice: the meeting is held on \(step.state.meetingDate), not the planned \(planned); the records use the actual date and the minutes note the planned one."
    }
}
