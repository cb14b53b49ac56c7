import FileSystem
import Journal
import Records
import Review
import Seal

/// A session folder on disk (DESIGN.md): the journal is its truth, everything else is derived.
///
/// Every command takes the folder's lock, replays the journal, lets `Review` decide, and
/// appends the one resulting entry with `fsync` before reporting success.
public struct SessionFolder: Sendable {
    public let path: String
    public let clock: any SessionClock

    public init(path: String, clock: any SessionClock = SystemClock()) {
        self.path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        self.clock = clock
    }

    public static let journalName = "journal.jsonl"
    public var journal: JournalFile { JournalFile(path: path + "/" + Self.journalName) }
    var lockPath: String { path + "/.lock" }
    var spoolDirectory: String { path + "/spool" }

    /// The journal as read and replayed.
    public struct Loaded: Sendable {
        public let text: JournalText
        public let entries: [Entry]
        public let state: SessionState
        /// Bytes of an interrupted last append, if any: reported, never used.
        public var tornTail: Int? { text.tornTail?.count }
    }

    /// Reads and replays the journal. A torn last line is kept in `Loaded.tornTail`; a damaged
    /// complete line is an error naming the line.
    ///
    /// With `omittingBallots`, closed rounds' ballot blocks are checked for syntax but not decoded
    /// (`RoundClosed.ballotsOmitted`): commands need only the tallies, and it makes a large
    /// session's replay several times cheaper.
    public func load(omittingBallots: Bool = false) throws(WorkspaceError) -> Loaded {
        let text: JournalText
        do { text = try journal.read() } catch { throw .file(error) }
        guard !text.lines.isEmpty else {
            if text.bytes.isEmpty {
                throw .damaged("\(path) 不是评审会议文件夹（没有 \(Self.journalName)）；请先运行 pingshen init",
                               "\(path) is not a session folder (no \(Self.journalName)); run pingshen init first")
            }
            throw .damaged("\(Self.journalName) 第 1 行不完整（写入中断）", "\(Self.journalName) line 1 is incomplete (interrupted write)")
        }
        let entries: [Entry]
        do { entries = try EntryCoding.decodeLines(text.bytes, text.lines, omittingBallots: omittingBallots) } catch {
            throw .damaged("\(Self.journalName) 第 \(error.index + 1) 行已损坏，无法解析：\(error.error)",
                           "\(Self.journalName) line \(error.index + 1) is damaged and cannot be parsed: \(error.error)")
        }
        do {
            return Loaded(text: text, entries: entries, state: try SessionState.replay(entries))
        } catch {
            throw .damaged(error.description, error.description)
        }
    }

    /// Loads for a command that will append: a torn last line must be repaired first, and a
    /// checkpoint an interruption left unwritten is written now.
    func loadForWriting() throws(WorkspaceError) -> Loaded {
        let read = try load(omittingBallots: true)
        try Integrity.check(read)
        let loaded = try sealPending(read)
        if let torn = loaded.tornTail {
            let line = loaded.text.lines.count + 1
            throw .damaged(
                "\(Self.journalName) 第 \(line) 行不完整（\(torn) 字节，上次写入被中断，未曾确认）。为免与新记录混在一起，请先运行 pingshen repair：它把这些字节移到旁边的文件保存，并在日志中记下此事",
                "\(Self.journalName) line \(line) is incomplete (\(torn) bytes from an interrupted, never acknowledged append). Run pingshen repair first: it moves those bytes aside into a file and records the repair in the journal")
        }
        return loaded
    }

    /// Runs `body` holding the folder's lock.
    func locked<T>(exclusive: Bool, _ body: () throws(WorkspaceError) -> T) throws(WorkspaceError) -> T {
        guard access(journal.path, F_OK) == 0 else {
            throw .damaged("\(path) 不是评审会议文件夹（没有 \(Self.journalName)）；请先运行 pingshen init",
                           "\(path) is not a session folder (no \(Self.journalName)); run pingshen init first")
        }
        let lock: SessionLock
        do { lock = try SessionLock(path: lockPath, exclusive: exclusive) } catch { throw .file(error) }
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }

    /// `Review`'s verdict on `command`, as a workspace error when refused.
    func judge(_ command: Command, _ state: SessionState) throws(WorkspaceError) -> Event {
        do throws(Rejection) { return try Review.decide(command, in: state) } catch { throw .rejected(error) }
    }

    /// Appends `event` as the next entry and returns it; in a signed meeting, an event that
    /// calls for a checkpoint (SPEC.md §2) is followed at once by one, signed by the session key
    /// and by `cosigners`.
    ///
    /// The session key is loaded before anything is written, so a missing key refuses the
    /// command instead of leaving an unsealed entry behind.
    @discardableResult
    func append(_ event: Event, after loaded: Loaded, cosigners: [(name: String, identity: Identity)] = []) throws(WorkspaceError) -> Entry {
        var state = loaded.state
        var seal = state.seal
        if case .meetingOpened(let opened) = event { seal = opened.seal }
        let sessionKey = state.needsCheckpoint(after: event) ? try SessionKey(folder: self).load(seal!) : nil
        let entry = try write(event, after: state)
        guard let sessionKey else { return entry }
        do { try state.apply(entry) } catch { throw .damaged(error.description, error.description) }
        try writeCheckpoint(for: state, key: sessionKey, cosigners: cosigners)
        return entry
    }

    /// Signs and appends a checkpoint covering the whole journal as `state` has it.
    ///
    /// The checkpoint entry carries the time of the last entry it seals, not the clock's: the
    /// final checkpoint's own line is covered by no later signature, so an inspector can hold
    /// its time to the close's (V2) instead of trusting an unsigned timestamp.
    func writeCheckpoint(for state: SessionState, key: SigningKey, cosigners: [(name: String, identity: Identity)] = []) throws(WorkspaceError) {
        let checkpoint = try Checkpointer(folder: self).checkpoint(size: state.lastSeq, seal: state.seal!, sessionKey: key, cosigners: cosigners)
        try write(try judge(.recordCheckpoint(checkpoint), state), after: state, at: state.lastAt)
    }

    /// Writes one entry after `state`'s last, `fsync`ed, at the clock's time (or `fixed`).
    @discardableResult
    func write(_ event: Event, after state: SessionState, at fixed: String? = nil) throws(WorkspaceError) -> Entry {
        let now = fixed ?? clock.now()
        // Entry times never go backwards, even if the computer's clock does.
        let at = now < state.lastAt ? state.lastAt : now
        let entry = Entry(seq: state.lastSeq + 1, at: at, event: event)
        let line: [UInt8]
        do { line = try EntryCoding.encode(entry) } catch {
            throw .damaged("无法编码日志记录：\(error)", "cannot encode the journal entry: \(error)")
        }
        do { try journal.append(line: line) } catch { throw .file(error) }
        return entry
    }

    /// The current state, read under a shared lock.
    public func state() throws(WorkspaceError) -> SessionState {
        try locked(exclusive: false) { () throws(WorkspaceError) in try load(omittingBallots: true).state }
    }

    /// Judges `command` and, if accepted, appends its event. The general path for every
    /// command that needs no PIN, spool or registry work.
    @discardableResult
    public func run(_ command: Command) throws(WorkspaceError) -> Entry {
        if case .openRound(let candidates, let paper) = command { return try openRound(candidates, paper: paper) }
        return try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            let event = try judge(command, loaded.state)
            return try append(event, after: loaded)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
