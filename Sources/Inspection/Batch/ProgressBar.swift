import Foundation

/// A one-line progress bar on standard error, redrawn at most ten times a second; used only
/// when standard error is a terminal.
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var done = 0
    private var failed = 0

    public init(total: Int) { self.total = total }

    /// Whether standard error is a terminal.
    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Counts one more session; called from one thread at a time.
    public func advance(passed: Bool) {
        done += 1
        if !passed { failed += 1 }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(done)/\(total) 次会议 sessions  ✗ \(failed)  " + String(format: "%.1f/s", rate)
        FileHandle.standardError.write(Data(line.utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
