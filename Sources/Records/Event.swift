/// Everything that can happen in a session. Each accepted command appends exactly one event.
public enum Event: Sendable, Equatable {
    case sessionCreated(SessionCreated)
    case membersArrived(MembersArrived)
    case memberLeft(MemberLeft)
    case observerAdmitted(ObserverAdmitted)
    case meetingOpened(MeetingOpened)
    case hostChanged(HostChanged)
    case materialsReported(Note)
    case deliberationBegan(DeliberationBegan)
    case opinionRecorded(CandidateNote)
    case memberRecused(Recusal)
    case speechRecorded(Speech)
    /// 评审讨论情况: how the committee discussed one candidate (皖人社发〔2018〕5号 第二十四条).
    case discussionRecorded(CandidateNote)
    case roundOpened(RoundOpened)
    case ballotIssued(BallotIssued)
    case sheetEntered(SheetEntered)
    case roundCancelled(RoundCancelled)
    case roundClosed(RoundClosed)
    case reasonRecorded(CandidateNote)
    case matterRecorded(Matter)
    case resultsAnnounced(ResultsAnnounced)
    case meetingClosed(MeetingClosed)
    case journalRepaired(JournalRepaired)
    case checkpointSigned(CheckpointSigned)
    case documentSigned(DocumentSigned)
    /// A new PIN for a present member, who stays in the meeting; the old PIN stops working (R16).
    case pinReissued(Arrival)
    case pinFailed(PINFailed)
    case memberLocked(MemberLocked)
    case memberUnlocked(MemberUnlocked)

    /// The name under which the event is stored in the journal's `event` field.
    public var kind: String {
        switch self {
        case .sessionCreated: "session.created"
        case .membersArrived: "members.arrived"
        case .memberLeft: "member.left"
        case .observerAdmitted: "observer.admitted"
        case .meetingOpened: "meeting.opened"
        case .hostChanged: "host.changed"
        case .materialsReported: "materials.reported"
        case .deliberationBegan: "deliberation.began"
        case .opinionRecorded: "opinion.recorded"
        case .memberRecused: "member.recused"
        case .speechRecorded: "speech.recorded"
        case .discussionRecorded: "discussion.recorded"
        case .roundOpened: "round.opened"
        case .ballotIssued: "ballot.issued"
        case .sheetEntered: "sheet.entered"
        case .roundCancelled: "round.cancelled"
        case .roundClosed: "round.closed"
        case .reasonRecorded: "reason.recorded"
        case .matterRecorded: "matter.recorded"
        case .resultsAnnounced: "results.announced"
        case .meetingClosed: "meeting.closed"
        case .journalRepaired: "journal.repaired"
        case .checkpointSigned: "checkpoint.signed"
        case .documentSigned: "document.signed"
        case .pinReissued: "pin.reissued"
        case .pinFailed: "pin.failed"
        case .memberLocked: "member.locked"
        case .memberUnlocked: "member.unlocked"
        }
    }
}

/// One journal line: `{"at":…,"event":…,"payload":{…},"seq":…}`, where `event` names the type
/// of `payload`.
public struct Entry: Sendable, Equatable {
    /// 1-based, contiguous.
    public var seq: Int
    /// ISO 8601 with the Asia/Shanghai offset, e.g. `2026-11-26T09:05:00+08:00`.
    public var at: String
    public var event: Event

    public init(seq: Int, at: String, event: Event) {
        self.seq = seq
        self.at = at
        self.event = event
    }
}

extension Entry: Codable {
    enum CodingKeys: String, CodingKey {
        case seq, at, event, payload
    }

    /// Reads the envelope; `event` names the type of `payload`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        at = try c.decode(String.self, forKey: .at)
        func payload<T: Decodable>(_ type: T.Type) throws -> T { try c.decode(T.self, forKey: .payload) }
        // The most frequent kinds first: each case is one string comparison.
        switch try c.decode(String.self, forKey: .event) {
        case "ballot.issued": event = .ballotIssued(try payload(BallotIssued.self))
        case "round.closed": event = .roundClosed(try payload(RoundClosed.self))
        case "checkpoint.signed": event = .checkpointSigned(try payload(CheckpointSigned.self))
        case "round.opened": event = .roundOpened(try payload(RoundOpened.self))
        case "sheet.entered": event = .sheetEntered(try payload(SheetEntered.self))
        case "deliberation.began": event = .deliberationBegan(try payload(DeliberationBegan.self))
        case "speech.recorded": event = .speechRecorded(try payload(Speech.self))
        case "reason.recorded": event = .reasonRecorded(try payload(CandidateNote.self))
        case "session.created": event = .sessionCreated(try payload(SessionCreated.self))
        case "members.arrived": event = .membersArrived(try payload(MembersArrived.self))
        case "member.left": event = .memberLeft(try payload(MemberLeft.self))
        case "observer.admitted": event = .observerAdmitted(try payload(ObserverAdmitted.self))
        case "meeting.opened": event = .meetingOpened(try payload(MeetingOpened.self))
        case "host.changed": event = .hostChanged(try payload(HostChanged.self))
        case "materials.reported": event = .materialsReported(try payload(Note.self))
        case "opinion.recorded": event = .opinionRecorded(try payload(CandidateNote.self))
        case "discussion.recorded": event = .discussionRecorded(try payload(CandidateNote.self))
        case "member.recused": event = .memberRecused(try payload(Recusal.self))
        case "round.cancelled": event = .roundCancelled(try payload(RoundCancelled.self))
        case "matter.recorded": event = .matterRecorded(try payload(Matter.self))
        case "results.announced": event = .resultsAnnounced(try payload(ResultsAnnounced.self))
        case "meeting.closed": event = .meetingClosed(try payload(MeetingClosed.self))
        case "journal.repaired": event = .journalRepaired(try payload(JournalRepaired.self))
        case "document.signed": event = .documentSigned(try payload(DocumentSigned.self))
        case "pin.reissued": event = .pinReissued(try payload(Arrival.self))
        case "pin.failed": event = .pinFailed(try payload(PINFailed.self))
        case "member.locked": event = .memberLocked(try payload(MemberLocked.self))
        case "member.unlocked": event = .memberUnlocked(try payload(MemberUnlocked.self))
        default:
            throw DecodingError.dataCorruptedError(forKey: .event, in: c, debugDescription: "未知的事件类型 (unknown event kind)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(at, forKey: .at)
        try c.encode(event.kind, forKey: .event)
        switch event {
        case .sessionCreated(let d): try c.encode(d, forKey: .payload)
        case .membersArrived(let d): try c.encode(d, forKey: .payload)
        case .memberLeft(let d): try c.encode(d, forKey: .payload)
        case .observerAdmitted(let d): try c.encode(d, forKey: .payload)
        case .meetingOpened(let d): try c.encode(d, forKey: .payload)
        case .hostChanged(let d): try c.encode(d, forKey: .payload)
        case .materialsReported(let d): try c.encode(d, forKey: .payload)
        case .deliberationBegan(let d): try c.encode(d, forKey: .payload)
        case .opinionRecorded(let d): try c.encode(d, forKey: .payload)
        case .memberRecused(let d): try c.encode(d, forKey: .payload)
        case .speechRecorded(let d): try c.encode(d, forKey: .payload)
        case .discussionRecorded(let d): try c.encode(d, forKey: .payload)
        case .roundOpened(let d): try c.encode(d, forKey: .payload)
        case .ballotIssued(let d): try c.encode(d, forKey: .payload)
        case .sheetEntered(let d): try c.encode(d, forKey: .payload)
        case .roundCancelled(let d): try c.encode(d, forKey: .payload)
        case .roundClosed(let d): try c.encode(d, forKey: .payload)
        case .reasonRecorded(let d): try c.encode(d, forKey: .payload)
        case .matterRecorded(let d): try c.encode(d, forKey: .payload)
        case .resultsAnnounced(let d): try c.encode(d, forKey: .payload)
        case .meetingClosed(let d): try c.encode(d, forKey: .payload)
        case .journalRepaired(let d): try c.encode(d, forKey: .payload)
        case .checkpointSigned(let d): try c.encode(d, forKey: .payload)
        case .documentSigned(let d): try c.encode(d, forKey: .payload)
        case .pinReissued(let d): try c.encode(d, forKey: .payload)
        case .pinFailed(let d): try c.encode(d, forKey: .payload)
        case .memberLocked(let d): try c.encode(d, forKey: .payload)
        case .memberUnlocked(let d): try c.encode(d, forKey: .payload)
        }
    }
}
