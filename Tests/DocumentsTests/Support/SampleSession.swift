import Documents
import Foundation
import Records
import Review
import Testing
import Workspace
import TestSupport

/// The sample session exactly as `pingshen demo` makes it (run through the built binary), once
/// per test process. Its times are fixed by the demo; its session id and ballot nonces are
/// random, and no document prints them.
struct SampleSession: Sendable {
    let folder: String
    let entries: [Entry]
    let state: SessionState

    static let shared: SampleSession = {
        do { return try make() } catch { fatalError("cannot make the sample session: \(error)") }
    }()

    /// A second, independent run of the demo (another session id, other nonces): the same
    /// documents must come out.
    static let second: SampleSession = {
        do { return try make() } catch { fatalError("cannot make the sample session: \(error)") }
    }()

    static func make() throws -> SampleSession {
        let dir = try temporaryDirectory() + "/sample"
        let result = try run(["demo", dir])
        guard result.status == 0 else { throw Failure("pingshen demo failed: \(result.stderr)") }
        return try load(dir)
    }

    static func load(_ dir: String) throws -> SampleSession {
        let loaded = try SessionFolder(path: dir).load()
        return SampleSession(folder: dir, entries: loaded.entries, state: loaded.state)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-docs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The `pingshen` executable built beside this test bundle.
    static let binary = BuiltBinary.pingshen

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var bytes: Data
    }

    /// Runs `pingshen arguments…` in `directory` (default: the temporary folder).
    @discardableResult
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? FileManager.default.temporaryDirectory.path)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PINGSHEN_TIME")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), bytes: o)
    }

    static let renderer = DocumentRenderer(templates: try! TemplateLibrary.shipped())
}
