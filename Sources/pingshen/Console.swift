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
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints `value` as pretty JSON with sorted keys.
func printJSON<T: Encodable>(_ value: T) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
}

/// Options every command acting on a session folder shares.
struct SessionOptions: ParsableArguments {
    /// The folder given after the subcommand, if any.
    @Option(name: [.customLong("session")], help: ArgumentHelp("会议文件夹（同全局 -C DIR；默认当前目录）Session folder (as the global -C DIR; default: current directory).", valueName: "DIR"))
    var directory: String?

    /// The folder given by the global `-C DIR`, before the subcommand.
    nonisolated(unsafe) static var global: String?

    /// The session folder's path: `--session`, else the global `-C`, else the current directory.
    var path: String { directory ?? Self.global ?? "." }

    /// The session folder, with the clock `PINGSHEN_TIME` may fix.
    var folder: SessionFolder {
        SessionFolder(path: path, clock: sessionClock())
    }
}

/// The system clock, or a fixed time from `PINGSHEN_TIME` (drills and transcribing a paper record).
func sessionClock() -> any SessionClock {
    if let fixed = ProcessInfo.processInfo.environment["PINGSHEN_TIME"], !fixed.isEmpty {
        guard ShanghaiTime.parse(fixed) != nil else {
            printError("错误：PINGSHEN_TIME=\(fixed) 应为 YYYY-MM-DDTHH:MM:SS+08:00\nerror: PINGSHEN_TIME must look like 2026-11-26T09:00:00+08:00")
            Foundation.exit(2)
        }
        return FixedClock(fixed)
    }
    return SystemClock()
}

/// Runs a workspace operation; on failure prints its message to standard error and exits with
/// its status (3 refused by a rule, 2 bad input, 1 otherwise), having written nothing.
@discardableResult
func perform<T>(_ body: () throws(WorkspaceError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError(error.description)
        throw ExitCode(error.exitCode)
    }
}

/// Prints notices (warnings that did not stop the command) to standard error.
func printNotices(_ notices: [Notice]) {
    for n in notices { printError(n) }
}

/// Parses `C01=同意` arguments; `C01=同意+不同意` or a repeated id gives several marks.
func parsePairs(_ arguments: [String]) throws -> [(candidate: CandidateID, mark: String)] {
    try arguments.map { argument in
        guard let eq = argument.firstIndex(of: "=") else {
            throw ValidationError("“\(argument)”应写成 申报人编号=意见，如 C01=同意 (expected CANDIDATE=MARK, e.g. C01=同意)")
        }
        let id = String(argument[..<eq]).trimmingWhitespace()
        guard !id.isEmpty else { throw ValidationError("“\(argument)”缺少申报人编号 (missing candidate id)") }
        return (id, String(argument[argument.index(after: eq)...]))
    }
}

/// The one-line result of a tally, e.g. `C01（张三） 同意 18 不同意 2 弃权 1 无效 0 / 应 21 → 通过`.
func describe(_ t: Tally, in state: SessionState) -> String {
    let name = state.candidate(t.candidate)?.name ?? ""
    return "\(t.candidate)（\(name)） 同意 \(t.yes) 不同意 \(t.no) 弃权 \(t.abstain) 无效 \(t.void) / 基数 N=\(t.denominator)（需 \(Tally.votesNeeded(denominator: t.denominator)) 票）→ \(t.outcome.chinese)"
}
