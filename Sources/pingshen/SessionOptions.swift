import ArgumentParser
import Foundation
import Records
import Witness
import Workspace

/// The global `-C DIR` (before the subcommand, as with git and make): the session folder.
struct GlobalDirectory: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("directory")],
            help: ArgumentHelp("操作 DIR 中的会议（默认当前目录）The session folder to act on (default: the current directory).", valueName: "DIR"))
    var directory: String?
}

/// Options every command acting on a session folder shares: the folder, given as the global
/// `-C DIR` or as `--session DIR` after the subcommand. Other relative paths on the command line
/// (keys, certificates, output files) stay relative to the current directory, as the user typed them.
struct SessionOptions: ParsableArguments {
    @OptionGroup(visibility: .hidden) var global: GlobalDirectory

    @Option(name: [.customLong("session")], help: ArgumentHelp("会议文件夹（同全局 -C DIR；默认当前目录）Session folder (as the global -C DIR; default: current directory).", valueName: "DIR"))
    var directory: String?

    /// The session folder's path: `--session`, else the global `-C`, else the current directory.
    var path: String { directory ?? global.directory ?? "." }

    /// The session folder, with the clock `PINGSHEN_TIME` may fix.
    var folder: SessionFolder {
        get throws { SessionFolder(path: path, clock: try sessionClock(), witness: Self.witness) }
    }

    /// A witness in this process, for `pingshen demo` (whose meeting runs on a simulated clock
    /// that a real witness's clock would not agree with); nil everywhere else.
    nonisolated(unsafe) static var witness: WitnessClient?
}

/// The system clock, or a fixed time from `PINGSHEN_TIME` (drills and transcribing a paper record).
func sessionClock() throws -> any SessionClock {
    guard let fixed = ProcessInfo.processInfo.environment["PINGSHEN_TIME"], !fixed.isEmpty else { return SystemClock() }
    guard ShanghaiTime.parse(fixed) != nil else {
        throw ValidationError("环境变量 PINGSHEN_TIME=\(fixed) 应为 YYYY-MM-DDTHH:MM:SS+08:00 (PINGSHEN_TIME must look like 2026-11-26T09:00:00+08:00)")
    }
    return FixedClock(fixed)
}
