import FileSystem
import Foundation
import Journal
import Records
import Review
@testable import Workspace

/// A session folder made from the shipped samples in a fresh temporary directory.
struct SessionFixture {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path

    let root: String
    let folder: SessionFolder
    var pins: [MemberID: String] = [:]

    /// A new session of the sample committee (25 members, 14 candidates), with `registry` if given.
    init(registry: String? = nil, clock: any SessionClock = FixedClock("2026-11-26T09:00:00+08:00")) throws {
        root = try Self.temporaryDirectory()
        let sources = SessionSources(settings: Self.samples + "/session.toml", members: Self.samples + "/members.csv",
                                     candidates: Self.samples + "/candidates.csv", registry: registry)
        (folder, _) = try SessionFolder.create(at: root + "/session", from: sources, clock: clock)
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    var journalPath: String { folder.journal.path }

    func journalBytes() throws -> [UInt8] { try DurableFile.read(journalPath) ?? [] }

    func entries() throws -> [Entry] { try folder.load().entries }

    /// Signs members 1…`count` in and opens the meeting under M01.
    mutating func open(present count: Int) throws {
        let ids = (1...count).map { $0 < 10 ? "M0\($0)" : "M\($0)" }
        for (m, pin) in try folder.openForWriting().checkIn(ids).pins { pins[m] = pin }
        try folder.run(.openMeeting(host: "M01", recorder: "王秘书", agenda: [], seal: nil))
    }

    /// Deliberates `candidates`, opens an electronic round, and every eligible member votes
    /// 同意 except the last `against`, who vote 不同意; then closes the round.
    @discardableResult
    func vote(_ candidates: [CandidateID], against: Int = 0) throws -> RoundClosed {
        try folder.run(.beginDeliberation(candidates, opinion: "初审意见"))
        try folder.openForWriting().openRound(candidates, paper: false)
        let voters = try folder.state().openRound!.opened.eligible
        for (i, m) in voters.enumerated() {
            let choice: Choice = i >= voters.count - against ? .no : .yes
            try folder.openForWriting().castBallot(member: m, pin: pins[m]!, choices: Dictionary(uniqueKeysWithValues: candidates.map { ($0, choice) }))
        }
        return try folder.openForWriting().closeRound().closedRound!
    }
}

extension WorkspaceError {
    /// The rule of a refusal, if this is one.
    var rule: Rule? {
        if case .rejected(.refused(let r)) = self { return r.rule }
        return nil
    }
}
