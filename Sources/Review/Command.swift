import Records

/// What a chair, secretary, teller or member asks the session to do.
///
/// Randomness and hashing happen outside `Review` (STYLE.md 7): PINs arrive already salted
/// and hashed, a cast ballot arrives with the hash of the PIN typed, and a closing round
/// arrives with the ballots read from its spool.
public enum Command: Sendable, Equatable {
    case checkIn([Arrival])
    case checkOut(MemberID, reason: String?)
    /// `kind` as typed: `organizer`/`组建单位` or `hrss`/`人社`; anything else is refused (R11).
    case admitObserver(name: String, unit: String, kind: String)
    /// `seal` binds the session key (signed meetings); nil opens an unsigned drill.
    case openMeeting(host: MemberID, recorder: String, agenda: [String], seal: MeetingSeal?)
    case changeHost(MemberID)
    case reportMaterials(String)
    case beginDeliberation([CandidateID], opinion: String?)
    case recordOpinion(CandidateID, String)
    case recuse(MemberID, candidate: CandidateID, reason: String)
    case recordSpeech(CandidateID, member: MemberID, text: String)
    case openRound([CandidateID], paper: Bool)
    /// `pinHash` is the salted hash of the PIN typed, computed with the member's current salt;
    /// nil when the member holds no PIN (not signed in).
    case castBallot(member: MemberID, pinHash: String?, choices: [CandidateID: Choice])
    case enterSheet(teller: String, sheet: Int, marks: [CandidateID: [String]])
    /// `ballots` are the round's spooled ballots, each with its id already computed.
    case closeRound(ballots: [Ballot])
    case cancelRound(reason: String)
    case recordReason(CandidateID, String)
    case recordMatter(String, handling: String?)
    case announce
    case closeMeeting(registered: Int)
    /// A signed checkpoint of the journal so far (the session key's, cosigned at close).
    case recordCheckpoint(CheckpointSigned)
    /// The signature of a minutes or result-form file: the one thing allowed after the close (R14).
    case recordDocumentSignature(DocumentSigned)
}
