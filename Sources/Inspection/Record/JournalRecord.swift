import Journal
import Records
import StrictJSON

/// A session's journal as stored: its exact bytes, its lines, and each line decoded strictly.
///
/// Positions are 1-based line numbers: in a well-formed journal, line p holds the entry with
/// seq p, and every finding names entries by it. A line that does not decode stays in the
/// record (its bytes are still hashed into the tree) with its error.
struct JournalRecord {
    /// The file, its complete lines and any torn tail, bytes exactly as read (STYLE.md 6).
    let text: JournalText
    /// The entry on each line, or nil where the line does not decode.
    let entries: [Entry?]
    /// Lines that do not decode, with the reader's error.
    let errors: [(line: Int, error: JSONError)]
    /// The decoded entries with their positions, in order.
    let decoded: [(p: Int, entry: Entry)]
    /// Lines that decode but are not spelled as the session writes them (``CanonicalForm``).
    let nonCanonical: [Int]

    init(bytes: [UInt8]) {
        let text = JournalText(bytes: bytes)
        self.text = text
        var entries: [Entry?] = []
        entries.reserveCapacity(text.lines.count)
        var errors: [(Int, JSONError)] = []
        var nonCanonical: [Int] = []
        let decoder = EntryCoding.lineDecoder()
        text.bytes.withUnsafeBufferPointer { file in
            for (i, range) in text.lines.enumerated() {
                let line = UnsafeBufferPointer(rebasing: file[range])
                if let entry = CanonicalLine.decode(line) {
                    entries.append(entry)
                    continue
                }
                do throws(JSONError) {
                    entries.append(try decoder.decode(Entry.self, from: line))
                    if !CanonicalForm.isCanonical(line) { nonCanonical.append(i + 1) }
                } catch {
                    entries.append(nil)
                    errors.append((i + 1, error))
                }
            }
        }
        self.entries = entries
        self.errors = errors
        self.nonCanonical = nonCanonical
        decoded = entries.enumerated().compactMap { i, e in e.map { (i + 1, $0) } }
    }

    /// Number of complete lines.
    var count: Int { text.lines.count }

    /// The entry at line `p` (1-based), if it decoded.
    func entry(_ p: Int) -> Entry? { p >= 1 && p <= entries.count ? entries[p - 1] : nil }
}
