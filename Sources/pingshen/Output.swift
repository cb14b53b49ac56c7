import ArgumentParser
import Foundation
import Records
import Review
import Workspace

/// Flushes standard output (before a prompt, or before standard error may interleave).
func flushOutput() {
    fflush(nil)
}

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    flushOutput()
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints `value` as pretty JSON with sorted keys.
func printJSON<T: Encodable>(_ value: T) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
}

/// Prints notices (warnings that did not stop the command) to standard error.
func printNotices(_ notices: [Notice]) {
    for n in notices { printError(n) }
}

/// The `HH:MM` of an entry's time.
func clock(_ entry: Entry) -> Substring {
    entry.at.dropFirst(11).prefix(5)
}

/// The one-line result of a tally, e.g. `C01（张三） 同意 18 不同意 2 弃权 1 无效 0 / 基数 N=21（需 14 票）→ 通过`.
func describe(_ t: Tally, in state: SessionState) -> String {
    let name = state.candidate(t.candidate)?.name ?? ""
    return "\(t.candidate)（\(name)） 同意 \(t.yes) 不同意 \(t.no) 弃权 \(t.abstain) 无效 \(t.void) / 基数 N=\(t.denominator)（需 \(Tally.votesNeeded(denominator: t.denominator)) 票）→ \(t.outcome.chinese)"
}

/// What a command that appended one entry prints with `--json`: the entry as the journal holds
/// it, and any notices.
struct StepOutput: Encodable {
    var entry: Entry
    var notices: [String]
}

/// Prints the outcome of an accepted command: its notices, then `line` (or, with `json`, the entry).
func report(_ step: Step, json: Bool, _ line: @autoclosure () -> String) {
    if json {
        printJSON(StepOutput(entry: step.entry, notices: step.notices))
        return
    }
    printNotices(step.notices)
    print(line())
}

/// The `--json` flag of every command that reports something.
struct JSONOption: ParsableArguments {
    @Flag(help: "以 JSON 输出 Print JSON.")
    var json = false
}

/// The terminal's two streams, which `demo --json` silences while the sample session plays.
enum StandardOutput {
    /// Runs `body` with standard output and standard error sent to `/dev/null`, then restores
    /// them (also when `body` throws, so its error is still reported).
    static func silenced<T>(_ body: () throws -> T) throws -> T {
        flushOutput()
        let saved = (dup(STDOUT_FILENO), dup(STDERR_FILENO))
        let null = open("/dev/null", O_WRONLY)
        guard saved.0 >= 0, saved.1 >= 0, null >= 0, dup2(null, STDOUT_FILENO) >= 0, dup2(null, STDERR_FILENO) >= 0 else {
            throw CommandFailure.failed("无法重定向标准输出", "cannot redirect standard output")
        }
        close(null)
        defer {
            flushOutput()
            dup2(saved.0, STDOUT_FILENO)
            dup2(saved.1, STDERR_FILENO)
            close(saved.0)
            close(saved.1)
        }
        return try body()
    }
}
