import Records

/// What a chair, secretary, teller or member asks the session to do.
///
/// Randomness, keys, files and hashing happen outside `Review` (STYLE.md 7), before it decides:
/// PINs arrive already keyed and MACed, a round arrives with its credential key, a cast ballot
/// with the MAC of the PIN typed and the hash of its blinded message, a teller's entry with the
/// teller's signature, a closing round with the ballots read from its spool, and a deliberation
/// or a round with the committee registry as read just now. The event `Review` decides is
/// appended as it is: nothing edits it afterwards.
public enum Command: Sendable, Equatable {
    case checkIn([Arrival])
    case checkOut(MemberID, reason: String?)
    /// `kind` as typed: `organizer`/`组建单位` or `hrss`/`人社`; anything else is refused (R11).
    case admitObserver(name: String, unit: String, kind: String)
    /// `seal` binds the session key (signed meetings); nil opens an unsigned drill.
    case openMeeting(host: MemberID, recorder: String, agenda: [String], seal: MeetingSeal?)
    case changeHost(MemberID)
    case reportMaterials(String)
    /// `registry`: the committee's past decisions, read from its registry file for this command,
    /// so a decision another session recorded after this one began still bars the application (R8).
    case beginDeliberation([CandidateID], opinion: String?, registry: [PastDecision] = [])
    case recordOpinion(CandidateID, String)
    case recuse(MemberID, candidate: CandidateID, reason: String)
    case recordSpeech(CandidateID, member: MemberID, text: String)
    /// 评审讨论情况 of one candidate, for the minutes (皖人社发〔2018〕5号 第二十四条).
    case recordDiscussion(CandidateID, String)
    /// `credentialKey` is the round's fresh RSA key (base64 SubjectPublicKeyInfo), made before the
    /// decision: required for an electronic round of a signed meeting, absent otherwise.
    /// `tellers`: a paper round's two tellers (R15), none for an electronic round. `registry`:
    /// as for `beginDeliberation`, read again now (R8).
    case openRound([CandidateID], paper: Bool, credentialKey: String? = nil, tellers: [String] = [], registry: [PastDecision] = [])
    /// `pinMAC` is the keyed MAC of the PIN typed, computed with the member's current salt;
    /// nil when the member holds no PIN (not signed in). `blinded` is the SHA-256 (hex) of the
    /// blinded ballot message the round key will sign: required when the round has a credential key.
    case castBallot(member: MemberID, pinMAC: String?, choices: [CandidateID: Choice], blinded: String? = nil)
    /// `marks` as the teller read them; `signed` is the teller's signature over the canonical
    /// text of the reading (`SheetReading.text`), required in a signed meeting (R15).
    case enterSheet(teller: String, sheet: Int, marks: [CandidateID: [String]], signed: SignedStatement? = nil)
    /// A new PIN for a present member (its keyed MAC in `Arrival`), who stays in the meeting (R16).
    case reissuePIN(Arrival)
    /// Records a wrong PIN typed for `member` (run after the cast it refused; R16).
    case recordWrongPIN(MemberID)
    /// The host lifts a member's PIN lock (R16).
    case unlock(MemberID)
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
