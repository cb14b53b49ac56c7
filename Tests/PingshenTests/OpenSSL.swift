import Foundation
import Testing

/// The stock `openssl` command line: the independent party in the interop tests.
enum OpenSSL {
    /// Runs `openssl arguments…` in `directory`; returns the status and standard error.
    @discardableResult
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = directory + "/.openssl-stderr"
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Runs a command that must succeed.
    static func ok(_ arguments: [String], in directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments, in: directory)
        #expect(r.status == 0, "openssl \(arguments.joined(separator: " ")): \(r.errors)", sourceLocation: sourceLocation)
    }

    /// Runs a command that must fail.
    static func fails(_ arguments: [String], in directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments, in: directory)
        #expect(r.status != 0, "openssl \(arguments.joined(separator: " ")) should have failed", sourceLocation: sourceLocation)
    }
}
