import Journal
import Records
import Review
import Seal

extension SessionFolder {
    /// Closes the meeting (R12–R14) and appends its decisions to the committee registry.
    ///
    /// The rules are judged first; the registry is written next (idempotently, so an interrupted
    /// close can be repeated); the journal's closing entry comes last.
    public func closeMeeting() throws(WorkspaceError) -> (Entry, registered: Int) {
        try locked(exclusive: true) { () throws(WorkspaceError) in
            let loaded = try loadForWriting()
            let state = loaded.state
            let decisions = Registry.decisions(of: state)
            let count = state.founding.registryPath == nil ? 0 : decisions.count
            let event = try judge(.closeMeeting(registered: count), state)
            if let path = state.founding.registryPath {
                try Registry(path: path).append(decisions)
            }
            return (try append(event, after: loaded), count)
        }
    }

    /// Cuts a torn last line (an interrupted, never acknowledged append) from the journal.
    ///
    /// The torn bytes are not thrown away: they go to `journal.torn-N` beside the journal, and a
    /// `journal.repaired` entry records their length and SHA-256. Nothing else is changed.
    /// - Returns: the file the bytes were kept in, or nil when there was nothing to repair.
    public func repair() throws(WorkspaceError) -> String? {
        try locked(exclusive: true) { () throws(WorkspaceError) -> String? in
            let loaded = try load()
            guard let torn = loaded.text.tornTail else { return nil }
            let bytes = Array(loaded.text.bytes[torn])
            var n = 1
            while (try? DurableFile.read(path + "/journal.torn-\(n)")) != nil { n += 1 }
            let name = "journal.torn-\(n)"
            do throws(FileError) {
                try DurableFile.replace(path + "/" + name, with: bytes)
                try DurableFile.truncate(journal.path, to: loaded.text.intactLength)
            } catch { throw .file(error) }
            let record = JournalRepaired(discardedBytes: bytes.count, sha256: Digest.sha256Hex(bytes), keptIn: name)
            let reloaded = try load()
            try append(.journalRepaired(record), after: reloaded)
            return name
        }
    }
}
