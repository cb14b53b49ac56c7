#if canImport(Glibc)
import Glibc
#endif
import FileSystem
import Journal
import Records
import Seal

/// Where an open round's electronic ballots wait until the round closes (R5).
///
/// The spool `spool/round-N.jsonl` holds one JSON ballot per line, no member id, **sorted by
/// ballot id** (a hash over the choices and a random nonce), so the file keeps no arrival
/// order: pairing its lines with the journal's `ballot.issued` receipts tells nothing.
///
/// A cast writes the new ballot alone into `spool/round-N.pending` (`fsync`ed), then the
/// member's receipt into the journal, then merges the pending ballot into the sorted spool
/// (replaced atomically) and removes the pending file. Under the folder's lock, recovery after an
/// interruption is therefore exact: if the journal has one receipt more than the spool has
/// ballots, the pending ballot was acknowledged and is merged; otherwise it never was (or was
/// merged already) and is dropped.
public struct BallotSpool {
    let round: Int
    let path: String
    let pendingPath: String

    init(folder: SessionFolder, round: Int) {
        self.round = round
        path = folder.spoolDirectory + "/round-\(round).jsonl"
        pendingPath = folder.spoolDirectory + "/round-\(round).pending"
    }

    /// The spooled ballots (sorted by id), each checked to be a ballot of this round.
    func ballots(session: String) throws(WorkspaceError) -> [Ballot] {
        try read(path, session: session, round: round)
    }

    /// Finishes or undoes an interrupted cast so that the spool holds exactly one ballot per
    /// receipt (`issued`); returns a notice for the operator when it dropped a ballot.
    func recover(issued: Int, session: String) throws(WorkspaceError) -> [Notice] {
        let spooled = try ballots(session: session)
        let pending = try read(pendingPath, session: session, round: round)
        if spooled.count + 1 == issued, pending.count == 1 {
            try merge(pending[0], into: spooled)
            return []
        }
        guard spooled.count == issued else {
            throw .damaged(
                "第 \(round) 轮已发出 \(issued) 张选票，暂存文件中却有 \(spooled.count) 张；选票暂存文件与日志不一致，请勿继续，联系技术人员",
                "round \(round) issued \(issued) ballots but its spool holds \(spooled.count); the spool and the journal disagree — stop and get help")
        }
        guard access(pendingPath, F_OK) == 0 else { return [] }
        do { try DurableFile.remove(pendingPath) } catch { throw .file(error) }
        return pending.isEmpty ? [] : ["提示：已丢弃一张未确认的选票（上次投票在确认前中断，该委员可以重投）。Dropped one unacknowledged ballot from an interrupted cast."]
    }

    /// Writes the ballot of a cast about to be acknowledged, durably, beside the spool.
    func addPending(_ ballot: Ballot) throws(WorkspaceError) {
        do {
            try ensureDirectory()
            try DurableFile.replace(pendingPath, with: try JSONLine.encode(ballot) + [0x0A], mode: 0o600)
        } catch let e as FileError { throw .file(e) } catch {
            throw .damaged("无法写入选票：\(error)", "cannot write the ballot: \(error)")
        }
    }

    /// Moves the acknowledged pending ballot into the sorted spool.
    func commitPending(session: String) throws(WorkspaceError) {
        let pending = try read(pendingPath, session: session, round: round)
        guard pending.count == 1 else { return }
        try merge(pending[0], into: try ballots(session: session))
    }

    /// Deletes the spool once its ballots are in the journal.
    func remove() throws(WorkspaceError) {
        for file in [path, pendingPath] where access(file, F_OK) == 0 {
            do { try DurableFile.remove(file) } catch { throw .file(error) }
        }
    }

    private func merge(_ ballot: Ballot, into spooled: [Ballot]) throws(WorkspaceError) {
        var all = spooled
        let at = all.firstIndex { $0.id > ballot.id } ?? all.count
        all.insert(ballot, at: at)
        do {
            var bytes: [UInt8] = []
            for b in all { bytes += try JSONLine.encode(b) + [0x0A] }
            try DurableFile.replace(path, with: bytes, mode: 0o600)
            try DurableFile.remove(pendingPath)
        } catch let e as FileError { throw .file(e) } catch {
            throw .damaged("无法写入选票：\(error)", "cannot write the ballot: \(error)")
        }
    }

    private func read(_ file: String, session: String, round: Int) throws(WorkspaceError) -> [Ballot] {
        let text: JournalText
        do { text = JournalText(bytes: try DurableFile.read(file) ?? []) } catch { throw .file(error) }
        var ballots: [Ballot] = []
        for i in text.lines.indices {
            guard let b = try? JSONLine.decode(Ballot.self, text.line(i)),
                  b.id == Self.ballotID(b, session: session, round: round) else {
                throw .damaged("选票暂存文件 \(file) 第 \(i + 1) 行已损坏", "ballot spool \(file) line \(i + 1) is damaged")
            }
            ballots.append(b)
        }
        if text.tornTail != nil {
            throw .damaged("选票暂存文件 \(file) 末行不完整", "ballot spool \(file) ends in an incomplete line")
        }
        return ballots
    }

    private func ensureDirectory() throws(FileError) {
        let dir = String(path[..<path.lastIndex(of: "/")!])
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw FileError(path: dir, operation: "创建目录 mkdir") }
    }

    /// SHA-256 of the ballot's message (`BallotMessage`), hex.
    public static func ballotID(_ b: Ballot, session: String, round: Int) -> String {
        Digest.sha256Hex(BallotMessage.bytes(session: session, round: round, choices: b.choices, nonce: b.nonce))
    }

    /// A new ballot for `choices` with a fresh nonce (an unsigned drill's ballot: no credential).
    public static func make(_ choices: [CandidateID: Choice], session: String, round: Int) -> Ballot {
        let nonce = Digest.hex(SecureRandom.bytes(16))
        var b = Ballot(id: "", choices: choices, nonce: nonce)
        b.id = ballotID(b, session: session, round: round)
        return b
    }
}

/// JSON for auxiliary line files (spool, registry): the journal's encoding rules.
enum JSONLine {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] { try EntryCoding.encodeValue(value) }
    static func decode<T: Decodable>(_ type: T.Type, _ bytes: some Collection<UInt8>) throws -> T {
        try EntryCoding.decodeValue(type, bytes)
    }
}
