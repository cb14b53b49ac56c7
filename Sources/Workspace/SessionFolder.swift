import FileSystem
import Journal
import Records
import Review
import Seal
import TextFormats
import Witness

/// A session folder on disk (DESIGN.md): the journal is its truth, everything else is derived.
///
/// Readers replay it under a shared lock (`state()`); a command that appends opens a
/// ``Session`` (`openForWriting()`), which holds the exclusive lock and takes every command
/// down the same road.
public struct SessionFolder: Sendable {
    public let path: String
    public let clock: any SessionClock
    /// How sessions opened on this folder reach their witness, when not over HTTP at the address
    /// the opening names (the demo's witness runs in the same process).
    public let witnessOverride: WitnessClient?

    public init(path: String, clock: any SessionClock = SystemClock(), witness: WitnessClient? = nil) {
        self.path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        self.clock = clock
        witnessOverride = witness
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
                throw notASessionFolder
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

    /// Opens the session for appending: takes the folder's exclusive lock (held until the
    /// returned session is released), replays the journal once and, in a signed meeting, checks
    /// the host's opening statement and the latest checkpoint before anything may be appended.
    ///
    /// - Parameters:
    ///   - keys: where the session's short-lived keys are kept; by default the folder's `keys/`.
    ///   - witness: how to reach the witness, when not over HTTP at the address the opening names.
    public func openForWriting(keys: (any SessionKeyStore)? = nil, witness: WitnessClient? = nil) throws(WorkspaceError) -> Session {
        let lock = try lock(exclusive: true)
        let session = Session(folder: self, keys: keys ?? FolderKeyStore(folder: self), witnessClient: witness ?? witnessOverride,
                              lock: lock, loaded: try load(omittingBallots: true))
        try session.checkIntegrity()
        return session
    }

    /// Judges `command` and, if accepted, appends its event: one command on its own session.
    @discardableResult
    public func run(_ command: Command) throws(WorkspaceError) -> Step {
        try openForWriting().perform(command)
    }

    /// The current state, read under a shared lock.
    public func state() throws(WorkspaceError) -> SessionState {
        let lock = try lock(exclusive: false)
        defer { withExtendedLifetime(lock) {} }
        return try load(omittingBallots: true).state
    }

    /// Takes the folder's lock: exclusive for a session that appends, shared for a reader.
    func lock(exclusive: Bool) throws(WorkspaceError) -> SessionLock {
        guard access(journal.path, F_OK) == 0 else {
            throw notASessionFolder
        }
        do { return try SessionLock(path: lockPath, exclusive: exclusive) } catch { throw .file(error) }
    }

    /// The error for a path that holds no journal: the user named the wrong folder (bad input,
    /// exit 2), which is not the same as a session folder that is damaged.
    var notASessionFolder: WorkspaceError {
        .badInput(ImportError(file: path, "不是评审会议文件夹（没有 \(Self.journalName)）；请先运行 pingshen init，或用 -C 指定会议文件夹",
                              "not a session folder (no \(Self.journalName)); run pingshen init first, or name the folder with -C"))
    }

    /// `Review`'s verdict on `command` in `state`, as a workspace error when refused.
    func judge(_ command: Command, _ state: SessionState) throws(WorkspaceError) -> Event {
        do throws(Rejection) { return try Review.decide(command, in: state) } catch { throw .rejected(error) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
