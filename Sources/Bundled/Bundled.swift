import TextFormats

/// The files shipped with pingshen (`Samples/`, `Templates/`), embedded at build time.
public enum Bundled {
    /// The bytes of a shipped file, by its path in the repository (`Samples/members.csv`).
    public static func file(_ path: String) -> [UInt8]? {
        embeddedFiles[path].flatMap { Base64.decode($0) }
    }

    /// A shipped file as UTF-8 text.
    public static func text(_ path: String) -> String? {
        file(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Paths of the shipped files under `folder` (e.g. `Templates`), sorted.
    public static func paths(under folder: String) -> [String] {
        embeddedFiles.keys.filter { $0.hasPrefix(folder + "/") }.sorted()
    }
}
