/// The most the verifier reads of any one file, so that a hostile folder cannot make it
/// allocate without bound (a link to `/dev/zero`, a journal padded to many gigabytes).
///
/// A file above its cap is not read: the session is unreadable (the journal, an archive) or
/// V13 names the file. The caps are far above what a real session writes: a year's largest
/// journal in the benchmark is a few megabytes, and its documents are kilobytes.
public enum ReadLimits {
    /// `journal.jsonl`: 256 MiB.
    public static let journal = 256 << 20
    /// An encrypted archive, which holds the journal and the folder's other files: 320 MiB.
    public static let archive = 320 << 20
    /// A registry of past decisions (`--registry`), a journal-like file that grows every year: 256 MiB.
    public static let registry = 256 << 20
    /// Every other file (settings, rosters, certificates, documents, signatures): 16 MiB.
    public static let other = 16 << 20

    /// The cap for the file at `relative` in a session folder.
    public static func limit(for relative: String) -> Int {
        relative == "journal.jsonl" ? journal : other
    }
}
