import Records

/// What a chair, secretary, teller or member asks the session to do.
///
/// Randomness, keys and hashing happen outside `Review` (STYLE.md 7), before it decides: PINs
/// arrive already salted and hashed, a round arrives with its credential key, a cast ballot
/// with the hash of the PIN typed and of its blinded message, and a closing round with the
/// ballots read from its spool. The event `Review` decides is appended as it is: nothing edits
/// it afterwards.
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
    /// 评审讨论情况 of one candidate, for the minutes (皖人社发〔2018〕5号 第二十四条).
    case recordDiscussion(CandidateID, String)
    /// `credentialKey` is the round's fresh RSA key (base64 SubjectPublicKeyInfo), made before the
    /// decision: required for an electronic round of a signed meeting, absent otherwise.
    case openRound([CandidateID], paper: Bool, credentialKey: String? = nil)
    /// `pinHash` is the salted hash of the PIN typed, computed with the member's current salt;
    /// nil when the member holds no PIN (not signed in). `blinded` is the SHA-256 (hex) of the
    /// blinded ballot message the round key will sign: required when the round has a credential key.
    case castBallot(member: MemberID, pinHash: String?, choices: [CandidateID: Choice], blinded: String? = nil)
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
    /// The bytes of an interrupted append, set aside by `repair`: a fact about the file, recorded
    /// whatever the meeting's phase.
    case recordRepair(JournalRepaired)
}
