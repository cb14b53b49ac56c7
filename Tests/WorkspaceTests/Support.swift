import Foundation
import Testing
import TextFormats
@testable import Workspace
import TestSupport

/// The shipped sample inputs, read from the repository's `Samples/` folder.
enum Sample {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static func bytes(_ name: String) -> [UInt8] {
        Array(try! Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

    static var settings: [UInt8] { bytes("session.toml") }
    static var members: [UInt8] { bytes("members.csv") }
    static var candidates: [UInt8] { bytes("candidates.csv") }
}

/// The seeds every randomised test runs with; a failure's arguments name the seed.
let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 0xC0FFEE, 20_261_126]

/// `bytes` with `count` bytes overwritten by random values at random places.
func flipped(_ bytes: [UInt8], count: Int, using rng: inout SeededRandom) -> [UInt8] {
    var out = bytes
    for _ in 0..<count where !out.isEmpty {
        out[Int.random(in: out.indices, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
    }
    return out
}

/// The number of lines `bytes` spans (a last line without a newline counts).
func lineCount(_ bytes: [UInt8]) -> Int { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count }

/// An error's place must lie inside the file it is about, and it must explain itself.
func expectPlaceInside(_ e: ImportError, _ bytes: [UInt8], _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let line = e.line {
        #expect((1...max(1, lineCount(bytes))).contains(line), "line \(line) lies outside the file (\(note))",
                sourceLocation: sourceLocation)
    }
    if let column = e.column {
        #expect(column >= 1, "column \(column) (\(note))", sourceLocation: sourceLocation)
    }
    #expect(!e.chinese.isEmpty && !e.english.isEmpty, sourceLocation: sourceLocation)
}

/// UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A `members.csv` with `count` rows: `chairs` 主任委员, then two 副主任委员, the rest 委员.
func membersCSV(count: Int, chairs: Int = 1) -> String {
    var s = "id,姓名,职务,工作单位,评议组\n"
    for i in stride(from: 1, through: count, by: 1) {
        let office = i <= chairs ? "主任委员" : i <= chairs + 2 ? "副主任委员" : "委员"
        s += "M\(i < 10 ? "0" : "")\(i),委员\(i),\(office),单位\(i),一组\n"
    }
    return s
}

/// The sample `session.toml` with the lines for `keys` removed and `extra` appended.
func settingsTOML(without keys: Set<String> = [], extra: String = "") -> String {
    let kept = Sample.text("session.toml").split(separator: "\n", omittingEmptySubsequences: false).filter { line in
        !keys.contains { line.hasPrefix($0 + " ") || line.hasPrefix($0 + "=") }
    }
    return kept.joined(separator: "\n") + extra
}

/// A fresh temporary folder, removed with everything in it when `body` returns.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "pingshen-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func contents(of folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}
