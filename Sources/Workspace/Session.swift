import FileSystem
import Journal
import Records
import Review
import Seal

/// A session folder opened for appending, under its exclusive lock: the journal replayed once,
/// the state kept current as entries are appended (DESIGN.md, "one road, two front ends").
///
/// Every command takes the same step, ``perform(_:cosigners:before:after:)``: whatever it needs
/// from outside `Review` is prepared first and handed in with the command (a round's key, a
/// ballot's blinded hash, the ballots read from a spool); `Review.decide` judges it; the decided
/// event is appended and `fsync`ed exactly as decided — nothing edits it afterwards; in a signed
/// meeting a checkpoint seals it; and the step returns the entry with the new state, so nobody
/// replays twice. The command line opens a session for one command; a server keeps one open.
///
/// The lock is released when the session is.
public final class Session {
    public let folder: SessionFolder
    /// The state after the last entry appended or read.
    public private(set) var state: SessionState
    /// The last complete entry of the journal.
    public private(set) var lastEntry: Entry
    /// Where the session key and open rounds' keys wait between steps.
    public let keys: any SessionKeyStore
    /// Leaf hashes of every complete journal line (RFC 9162), for checkpoints.
    var tree: MerkleTree
    /// Bytes an interrupted append left after the last newline, if any: never used, only repaired.
    var tornTail: [UInt8]?
    /// Whether pending work (an owed checkpoint, leftovers of closed rounds) has been done.
    var ready = false
    private let lock: SessionLock

    init(folder: SessionFolder, keys: any SessionKeyStore, lock: SessionLock, loaded: SessionFolder.Loaded) {
        self.folder = folder
        self.keys = keys
        self.lock = lock
        state = loaded.state
        lastEntry = loaded.entries[loaded.entries.count - 1]
        tree = MerkleTree(leafHashes: JournalTree.leafHashes(of: loaded.text))
        tornTail = loaded.text.tornTail.map { Array(loaded.text.bytes[$0]) }
    }

    /// Judges `command` and, if `Review` accepts it, appends the event it decided.
    ///
    /// - Parameters:
    ///   - cosigners: further signers of the checkpoint that seals this entry (the recorder at the close).
    ///   - before: effects that must be durable before the entry is (a ballot into its spool, a key
    ///     into the key store); run only once `Review` has accepted the command.
    ///   - after: clean-up once the entry is sealed (a spool or round key no longer needed).
    /// - Returns: the entry appended and the state after it (and after its checkpoint). Once the
    ///   entry is written the command has happened: a checkpoint or clean-up that fails after it
    ///   is reported in `notices` (the next command finishes it), never as a failure.
    /// - Throws: the refusal, or the error that stopped it, with nothing written.
    @discardableResult
    public func perform(_ command: Command, cosigners: [Cosigner] = [],
                        before: () throws(WorkspaceError) -> Void = {},
                        after: () throws(WorkspaceError) -> Void = {}) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        let event = try judge(try withCurrentRegistry(command))
        try before()
        // The key is fetched before anything is written, so a missing key refuses the command
        // instead of leaving an entry no checkpoint seals.
        let sealKey = try keyForCheckpoint(after: event)
        let entry = try append(event)
        // The entry is written: from here on the command has happened, whatever else fails.
        // What is left undone is said, and the next command finishes it.
        var notices: [Notice] = []
        if let sealKey {
            do throws(WorkspaceError) { try writeCheckpoint(key: sealKey, cosigners: cosigners) } catch {
                ready = false
                notices.append("注意：已记录，但检查点未能签署（下一条命令会补签）：\(error.description)")
            }
        }
        do throws(WorkspaceError) { try after() } catch {
            notices.append("注意：已记录，但清理未完成（下一条命令会再试）：\(error.description)")
        }
        return Step(entry: entry, state: state, notices: notices)
    }

    /// `Review`'s verdict on `command` in the current state.
    func judge(_ command: Command) throws(WorkspaceError) -> Event {
        do throws(Rejection) { return try Review.decide(command, in: state) } catch { throw .rejected(error) }
    }

    /// Writes `event` as the next entry, `fsync`ed, at the clock's time (or `fixed`), and applies it.
    @discardableResult
    func append(_ event: Event, at fixed: String? = nil) throws(WorkspaceError) -> Entry {
        let now = fixed ?? folder.clock.now()
        // Entry times never go backwards, even if the computer's clock does.
        let entry = Entry(seq: state.lastSeq + 1, at: now < state.lastAt ? state.lastAt : now, event: event)
        let line: [UInt8]
        do { line = try EntryCoding.encode(entry) } catch {
            throw .damaged("无法编码日志记录：\(error)", "cannot encode the journal entry: \(error)")
        }
        do { try folder.journal.append(line: line) } catch { throw .file(error) }
        var hasher = MerkleHasher()
        tree.append(leafHash: hasher.leafHash(line))
        do throws(ReplayError) { try state.apply(entry) } catch { throw .damaged(error.description, error.description) }
        lastEntry = entry
        return entry
    }
}

/// One accepted command: the entry it appended and the session's state after it.
public struct Step: Sendable {
    public let entry: Entry
    public let state: SessionState
    /// Warnings for the operator that did not stop the command.
    public var notices: [Notice] = []

    public var event: Event { entry.event }
}

/// A further signer of a checkpoint: the recorder cosigns the final one.
public struct Cosigner: Sendable {
    public var name: String
    public var identity: Identity
}

extension Step {
    /// The round this step closed, if it closed one.
    public var closedRound: RoundClosed? {
        if case .roundClosed(let closed) = entry.event { return closed }
        return nil
    }
}
