import FileSystem
import Journal
import Records
import Review
import Seal
import Witness

/// A session folder opened for appending, under its exclusive lock: the journal replayed once,
/// the state kept current as entries are appended (DESIGN.md, "one road, two front ends").
///
/// Every command takes the same step, ``perform(_:cosigners:before:after:)``: whatever it needs
/// from outside `Review` is prepared first and handed in with the command (a round's key, a
/// ballot's blinded hash, the ballots read from a spool); `Review.decide` judges it; the decided
/// event is appended exactly as decided — nothing edits it afterwards; in a signed meeting it is
/// written together with the checkpoint that seals it, cosigned by the witness on another device;
/// and the step returns the entry with the new state, so nobody replays twice. The command line
/// opens a session for one command; a server keeps one open.
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
    /// Whether pending work (an interrupted command to finish, leftovers of closed rounds) is done.
    var ready = false
    /// How to reach the witness, when not over HTTP at the address the opening names (the demo's
    /// witness runs in the same process).
    let witnessClient: WitnessClient?
    /// The witness the opening names, once the meeting is open; and the size it last cosigned.
    private var witnessCache: (witness: SessionWitness, size: UInt64)?
    private let lock: SessionLock

    init(folder: SessionFolder, keys: any SessionKeyStore, witnessClient: WitnessClient?, lock: SessionLock, loaded: SessionFolder.Loaded) {
        self.folder = folder
        self.keys = keys
        self.witnessClient = witnessClient
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
    ///   entry is written the command has happened: a clean-up that fails after it is reported in
    ///   `notices` (the next command finishes it), never as a failure.
    /// - Throws: the refusal, or the error that stopped it, with nothing written.
    @discardableResult
    public func perform(_ command: Command, cosigners: [CheckpointCosigner] = [],
                        before: () throws(WorkspaceError) -> Void = {},
                        after: () throws(WorkspaceError) -> Void = {}) throws(WorkspaceError) -> Step {
        try prepareForAppending()
        let event = try judge(try withCurrentRegistry(command))
        try before()
        // The key is fetched before anything is written, so a missing key refuses the command
        // instead of leaving an entry no checkpoint seals.
        let sealKey = try keyForCheckpoint(after: event)
        var (entry, notices) = try append(event, sealKey: sealKey, cosigners: cosigners)
        do throws(WorkspaceError) { try after() } catch {
            notices.append("注意：已记录，但清理未完成（下一条命令会再试）：\(error.description)")
        }
        return Step(entry: entry, state: state, notices: notices)
    }

    /// `Review`'s verdict on `command` in the current state.
    func judge(_ command: Command) throws(WorkspaceError) -> Event {
        do throws(Rejection) { return try Review.decide(command, in: state) } catch { throw .rejected(error) }
    }

    /// Appends `event` at the clock's time (or `fixed`); with `sealKey`, together with the
    /// checkpoint that seals it, witnessed (`Session+Sealing.swift`).
    @discardableResult
    func append(_ event: Event, at fixed: String? = nil, sealKey: SigningKey? = nil, cosigners: [CheckpointCosigner] = []) throws(WorkspaceError) -> (Entry, [Notice]) {
        let now = fixed ?? folder.clock.now()
        // Entry times never go backwards, even if the computer's clock does.
        let entry = Entry(seq: state.lastSeq + 1, at: now < state.lastAt ? state.lastAt : now, event: event)
        let line = try Self.encode(entry)
        guard let sealKey else {
            do { try folder.journal.append(line: line) } catch { throw .file(error) }
            try record(entry, line)
            return (entry, [])
        }
        return try appendSealed(entry, line, key: sealKey, cosigners: cosigners)
    }

    /// Takes a written entry into the tree and the state.
    func record(_ entry: Entry, _ line: [UInt8]) throws(WorkspaceError) {
        var hasher = MerkleHasher()
        tree.append(leafHash: hasher.leafHash(line))
        do throws(ReplayError) { try state.apply(entry) } catch { throw .damaged(error.description, error.description) }
        lastEntry = entry
    }

    static func encode(_ entry: Entry) throws(WorkspaceError) -> [UInt8] {
        do { return try EntryCoding.encode(entry) } catch {
            throw .damaged("无法编码日志记录：\(error)", "cannot encode the journal entry: \(error)")
        }
    }

    /// The witness the opening named, with the size it last cosigned (nil: no witness, or not open yet).
    func witness(for seal: MeetingSeal) throws(WorkspaceError) -> (witness: SessionWitness, size: UInt64)? {
        if let witnessCache { return witnessCache }
        guard let witness = try SessionWitness(seal: seal, client: witnessClient) else { return nil }
        witnessCache = (witness, witness.witnessedSize(state.checkpoints))
        return witnessCache
    }

    /// Notes the size the witness has now cosigned.
    func witnessed(size: UInt64) {
        if let cache = witnessCache { witnessCache = (cache.witness, size) }
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

extension Step {
    /// The round this step closed, if it closed one.
    public var closedRound: RoundClosed? {
        if case .roundClosed(let closed) = entry.event { return closed }
        return nil
    }
}

/// A further signer of a checkpoint: the recorder cosigns the final one.
public struct CheckpointCosigner: Sendable {
    public var name: String
    public var identity: Identity
}
