#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileSystem

/// The journal's bytes split into lines, as read from disk.
///
/// Lines are kept as byte ranges of the file exactly as stored (STYLE.md 6): whatever is
/// hashed or decoded later is these bytes, never a re-encoding.
public struct JournalText: Sendable {
    /// The whole file.
    public let bytes: [UInt8]
    /// Each complete line (terminated by `\n`), without its newline.
    public let lines: [Range<Int>]
    /// Bytes after the last newline: a line whose append was interrupted (never acknowledged).
    public let tornTail: Range<Int>?

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < buffer.count,
                  let hit = memchr(base + start, 0x0A, buffer.count - start) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                lines.append(start..<end)
                start = end + 1
            }
        }
        self.lines = lines
        tornTail = start < bytes.count ? start..<bytes.count : nil
    }

    /// The bytes of line `index` (0-based), without the newline.
    public func line(_ index: Int) -> ArraySlice<UInt8> { bytes[lines[index]] }

    /// Length of the intact part of the file: everything up to and including the last newline.
    public var intactLength: Int { tornTail?.lowerBound ?? bytes.count }
}

/// The append-only journal file of a session: one JSON entry per line, each append `fsync`ed.
public struct JournalFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Reads the whole journal; a missing file reads as empty.
    public func read() throws(FileError) -> JournalText {
        JournalText(bytes: try DurableFile.read(path) ?? [])
    }

    /// Appends one entry line (a newline is added) and `fsync`s before returning.
    ///
    /// The line goes down in one `write`, so a crash leaves either the whole line or a torn
    /// tail without its newline, which `read` reports and never merges with the next append.
    public func append(line: [UInt8]) throws(FileError) {
        try append(lines: [line])
    }

    /// Appends several entry lines in one `write` and `fsync`s: an entry and the checkpoint that
    /// seals it reach the disk together, or (after a crash) as a torn tail that was never
    /// acknowledged — never the entry alone.
    public func append(lines: [[UInt8]]) throws(FileError) {
        var bytes: [UInt8] = []
        for line in lines {
            precondition(!line.contains(0x0A), "a journal entry must be a single line")
            bytes += line
            bytes.append(0x0A)
        }
        // Confidential (第二十四条): created 0600.
        try DurableFile.append(bytes, to: path, mode: 0o600)
    }
}
