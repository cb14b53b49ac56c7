import ArgumentParser
import Documents
import Foundation
import Workspace

/// The exit-status contract, decided in one place from typed errors (STYLE.md 14):
/// `0` success; `3` refused by a rule of the regulation; `2` bad input (an unknown id, a
/// malformed file, argument or option — ArgumentParser's usage errors included, which it would
/// otherwise report as 64); `1` anything else (a damaged folder, a disk error).
enum ExitStatus {
    static let refused: Int32 = 3
    static let badInput: Int32 = 2
    static let failure: Int32 = 1

    /// Prints what `error` says where it belongs and returns the status to exit with.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let e as WorkspaceError:
            printError(e.description)
            return e.exitCode
        case let e as DocumentsError:
            printError(e.description)
            return e.exitCode
        case let e as PrinterError:
            printError(e.description)
            return e.exitCode
        case let e as CommandFailure:
            printError(e.description)
            return e.status
        default:
            let code = Pingshen.exitCode(for: error).rawValue
            let message = Pingshen.fullMessage(for: error)
            if code == ExitCode.success.rawValue {
                // --help and --version: what was asked for, on standard output.
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { printError(message) }
            return code == ExitCode.validationFailure.rawValue ? badInput : code
        }
    }
}

/// A failure the command line itself finds (an unreadable file named on it), with its status.
struct CommandFailure: Error, CustomStringConvertible {
    var zh: String
    var en: String
    var status: Int32

    static func badInput(_ zh: String, _ en: String) -> CommandFailure { CommandFailure(zh: zh, en: en, status: ExitStatus.badInput) }
    static func failed(_ zh: String, _ en: String) -> CommandFailure { CommandFailure(zh: zh, en: en, status: ExitStatus.failure) }

    var description: String { "错误：\(zh)\nerror: \(en)" }
}
