import Foundation
import Testing
import TestSupport

/// Runs the built `pingshen` binary, as a chair would from a terminal.
struct CLI {
    /// The `pingshen` executable built beside this test bundle.
    static let binary = BuiltBinary.pingshen

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `pingshen arguments…` to completion, feeding `input` on standard input.
    @discardableResult
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PINGSHEN_TIME")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        inp.fileHandleForWriting.write(Data(input.utf8))
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Runs a command that must succeed, returning its standard output.
    @discardableResult
    static func ok(_ arguments: [String], input: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try run(arguments, input: input)
        #expect(r.status == 0, "pingshen \(arguments.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// Parses JSON printed by a command.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A new session from the samples in a fresh directory; returns its folder.
    static func newSession(registry: String? = nil) throws -> String {
        let dir = try temporaryDirectory() + "/session"
        var args = ["init", dir, "--settings", samples + "/session.toml", "--members", samples + "/members.csv",
                    "--candidates", samples + "/candidates.csv"]
        if let registry { args += ["--registry", registry] }
        try ok(args)
        return dir
    }

    /// Signs members in and returns their PINs (from `checkin --json`).
    static func checkIn(_ dir: String, _ members: [String]) throws -> [String: String] {
        let out = try ok(["-C", dir, "checkin", "--json"] + members)
        return try #require(try json(out)["pins"] as? [String: String])
    }

    static func members(_ range: ClosedRange<Int>) -> [String] { range.map { $0 < 10 ? "M0\($0)" : "M\($0)" } }

    /// A new session with members 1…`present` signed in, the meeting open under M01, `candidates`
    /// deliberated and an electronic round open for them. Returns the folder and the PINs.
    static func openRound(present: Int, _ candidates: [String]) throws -> (dir: String, pins: [String: String]) {
        let dir = try newSession()
        let pins = try checkIn(dir, members(1...present))
        try ok(["-C", dir, "open", "--host", "M01", "--recorder", "王秘书", "--unsigned"])
        try ok(["-C", dir, "deliberate"] + candidates)
        try ok(["-C", dir, "vote", "open"] + candidates)
        return (dir, pins)
    }
}
