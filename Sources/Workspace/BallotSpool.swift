import Journal
import Records
import Seal

/// Where an open round's electronic ballots wait until the round closes (R5).
///
/// One JSON ballot per line, no member id, each line `fsync`ed before the member's receipt is
/// journaled. Because a cast writes the spool first and the journal second, under the folder's
/// lock, the spool holds either exactly as many ballots as the journal has receipts, or one more
/// (a cast interrupted between the two writes, never acknowledged), never fewer.
public struct BallotSpool {
    let path: String

    init(folder: SessionFolder, round: Int) {
        path = folder.spoolDirectory + "/round-\(round).jsonl"
    }

    /// What recovery did to the spool.
    enum Recovery: Equatable {
        case clean
        /// An unacknowledged ballot (cast interrupted before its receipt was journaled) was dropped.
        case droppedUnacknowledged(bytes: Int)
    }

    /// The spooled ballots matching `issued` receipts, repairing the one crash the write order allows.
    /// Pass `repair: false` to only read (then an unacknowledged extra ballot is just left out).
    func ballots(session: String, round: Int, issued: Int, repair: Bool) throws(WorkspaceError) -> ([Ballot], Recovery) {
        let text: JournalText
        do { text = JournalText(bytes: try DurableFile.read(path) ?? []) } catch { throw .file(error) }
        var ballots: [Ballot] = []
        for i in text.lines.indices {
            guard let b = try? JSONLine.decode(Ballot.self, text.line(i)),
                  b.id == Self.ballotID(b, session: session, round: round) else {
                throw .damaged("选票暂存文件 \(path) 第 \(i + 1) 行已损坏", "ballot spool \(path) line \(i + 1) is damaged")
            }
            ballots.append(b)
        }
        var keep = text.lines.count
        if keep == issued + 1 { keep = issued }
        guard keep == issued else {
            throw .damaged(
                "第 \(round) 轮已发出 \(issued) 张选票，暂存文件中却有 \(text.lines.count) 张；选票暂存文件与日志不一致，请勿继续，联系技术人员",
                "round \(round) issued \(issued) ballots but its spool holds \(text.lines.count); the spool and the journal disagree — stop and get help")
        }
        let cut = text.bytes.count - (keep == 0 ? 0 : text.lines[keep - 1].upperBound + 1)
        if repair && cut > 0 {
            do { try DurableFile.truncate(path, to: text.bytes.count - cut) } catch { throw .file(error) }
        }
        return (Array(ballots.prefix(keep)), cut > 0 ? .droppedUnacknowledged(bytes: cut) : .clean)
    }

    /// Adds one ballot durably.
    func add(_ ballot: Ballot) throws(WorkspaceError) {
        do {
            try ensureDirectory()
            try DurableFile.append(try JSONLine.encode(ballot) + [0x0A], to: path, mode: 0o600)
        } catch let e as FileError { throw .file(e) } catch {
            throw .damaged("无法写入选票：\(error)", "cannot write the ballot: \(error)")
        }
    }

    /// Deletes the spool once its ballots are in the journal.
    func remove() throws(WorkspaceError) {
        do { try DurableFile.remove(path) } catch { throw .file(error) }
    }

    func ensureDirectory() throws(FileError) {
        let dir = String(path[..<path.lastIndex(of: "/")!])
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw FileError(path: dir, operation: "创建目录 mkdir") }
    }

    /// SHA-256 of the ballot's message (`BallotMessage`), hex.
    public static func ballotID(_ b: Ballot, session: String, round: Int) -> String {
        Digest.sha256Hex(BallotMessage.bytes(session: session, round: round, choices: b.choices, nonce: b.nonce))
    }

    /// A new ballot for `choices` with a fresh nonce.
    public static func make(_ choices: [CandidateID: Choice], session: String, round: Int) -> Ballot {
        let nonce = Digest.hex(SecureRandom.bytes(16))
        var b = Ballot(id: "", choices: choices, nonce: nonce)
        b.id = ballotID(b, session: session, round: round)
        return b
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// JSON for auxiliary line files (spool, registry): the journal's encoding rules.
enum JSONLine {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] { try EntryCoding.encodeValue(value) }
    static func decode<T: Decodable>(_ type: T.Type, _ bytes: some Collection<UInt8>) throws -> T {
        try EntryCoding.decodeValue(type, bytes)
    }
}
