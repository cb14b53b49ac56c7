import Foundation
import Testing
import TestSupport

/// The built `pingshen` binary running `pingshen witness`, as the supervisor would start it.
final class WitnessProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var lines: [String] = []

    /// The `pingshen` executable built beside this test bundle.
    static let binary = BuiltBinary.pingshen

    /// Starts `pingshen arguments…` with `environment` added, collecting standard output and error.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            let text = String(decoding: data, as: UTF8.self)
            self.lock.withLock { self.lines.append(text) }
        }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
    }

    /// Everything printed so far.
    var printed: String { lock.withLock { lines.joined() } }

    /// Waits until the witness prints its URL (at most `seconds`), and returns it.
    func url(within seconds: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let line = printed.split(separator: "\n").first(where: { $0.contains("地址 URL: ") }),
               let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }) {
                return String(url.dropLast())  // without the final slash
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw WitnessProcessError.noURL(printed)
    }

    /// Waits for the process to end (at most `seconds`); its termination status and reason.
    func waitForExit(within seconds: Double = 30) -> (status: Int32, reason: Process.TerminationReason)? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : (process.terminationStatus, process.terminationReason)
    }
}

enum WitnessProcessError: Error {
    case noURL(String)
}
