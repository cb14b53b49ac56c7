import Foundation
import Testing

/// Runs the stock `openssl` command line, the independent party in every interop test.
enum OpenSSLCommand {
    struct Outcome {
        var status: Int32
        var output: [UInt8]
        var errors: String

        var succeeded: Bool { status == 0 }
    }

    /// Runs `openssl arguments…` in `directory`, feeding `input` on stdin.
    @discardableResult
    static func run(_ arguments: [String], in directory: Scratch, input: [UInt8] = []) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory.url
        // Files, not pipes, for stdout and stderr: nothing can fill up and block.
        let name = UUID().uuidString
        let outPath = directory.path(".out-\(name)"), errPath = directory.path(".err-\(name)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        signal(SIGPIPE, SIG_IGN)  // a command that exits before reading stdin must not kill the tests
        try process.run()
        if !input.isEmpty { stdin.fileHandleForWriting.write(Data(input)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: Array(try Data(contentsOf: URL(fileURLWithPath: outPath))),
            errors: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    /// Runs a command that must succeed, recording its stderr as the failure message if not.
    @discardableResult
    static func expectSuccess(
        _ arguments: [String], in directory: Scratch, input: [UInt8] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [UInt8] {
        let outcome = try run(arguments, in: directory, input: input)
        #expect(outcome.succeeded, "openssl \(arguments.joined(separator: " ")): \(outcome.errors)", sourceLocation: sourceLocation)
        return outcome.output
    }
}

/// A temporary directory for one test, removed when the value is released.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seal-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Array(text.utf8))
    }

    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url.appendingPathComponent(name)))
    }
}
