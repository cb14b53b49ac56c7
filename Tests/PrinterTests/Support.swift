import Foundation
import Testing

/// A demo session made by the built `pingshen` (signed: its forms are in `out/`), once per run.
enum Demo {
    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-printer-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["demo", dir + "/sample"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PINGSHEN_TIME")
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try! p.run()
        p.waitUntilExit()
        precondition(p.terminationStatus == 0, "pingshen demo failed")
        return dir + "/sample"
    }()

    /// The `pingshen` executable built beside this test bundle.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("pingshen").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/pingshen").path
    }()

    /// The journal's lines as bytes, without their line ends.
    static func journalLines() throws -> [[UInt8]] {
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/journal.jsonl"))
        return Array(bytes).split(separator: 0x0A).map(Array.init)
    }
}
