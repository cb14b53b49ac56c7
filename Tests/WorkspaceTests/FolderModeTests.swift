#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Records
import Review
import Testing
@testable import Workspace

/// The session folder is confidential from the start (第二十四条): 0700, files 0600, whatever the umask.
@Suite("Folder modes, empty rounds and the meeting date", .serialized)
struct FolderModeTests {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("folders 0700 and files 0600 even under umask 000")
    func modesUnderAnOpenUmask() throws {
        let saved = umask(0)
        defer { umask(saved) }
        let registry = try SessionFixture.temporaryDirectory() + "/registry.jsonl"
        var f = try SessionFixture(registry: registry)
        try f.open(present: 20)
        try f.vote(["C01"])
        try f.folder.run(.beginDeliberation(["C02"], opinion: nil))
        try f.folder.openForWriting().openRound(["C02"], paper: false)
        try f.folder.openForWriting().castBallot(member: "M02", pin: f.pins["M02"]!, choices: ["C02": .yes])
        let path = f.folder.path
        #expect(try mode(path) == 0o700)
        for name in ["journal.jsonl", "session.toml", "members.csv", "candidates.csv", ".lock", "keys/pin.key", "spool/round-2.jsonl"] {
            #expect(try mode(path + "/" + name) == 0o600, "\(name)")
        }
        for name in ["keys", "spool"] { #expect(try mode(path + "/" + name) & 0o077 == 0, "\(name)") }
        _ = try f.folder.openForWriting().closeRound()
        try f.folder.run(.recordReason("C02", "票数不足"))
        try f.folder.run(.announce)
        _ = try f.folder.openForWriting().closeMeeting()
        #expect(try mode(registry) == 0o600)
    }

    @Test("a round nobody voted in closes with 0 returned; in a sealed meeting no round key is left")
    func emptyRound() throws {
        let committee = try Committee()
        var f = try SessionFixture(clock: FixedClock("2026-11-26T09:00:00+08:00"))
        try f.openSigned(present: 20, committee: committee)
        try f.folder.run(.beginDeliberation(["C01"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01"], paper: false)
        #expect(FileManager.default.fileExists(atPath: f.folder.path + "/keys/round-1.key"))
        let closed = try #require(try f.folder.openForWriting().closeRound().closedRound)
        #expect(closed.returned == 0 && closed.ballots.isEmpty)
        #expect(closed.tallies[0].void == 20 && closed.tallies[0].outcome == .rejected)
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/keys/round-1.key"))
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/spool/round-1.jsonl"))
    }

    @Test("a meeting opened on another day than planned says so, and its date is the opening's")
    func anotherDay() throws {
        var f = try SessionFixture(clock: FixedClock("2026-11-27T09:00:00+08:00"))
        let ids = (1...20).map { $0 < 10 ? "M0\($0)" : "M\($0)" }
        for (m, pin) in try f.folder.openForWriting().checkIn(ids).pins { f.pins[m] = pin }
        let step = try f.folder.openForWriting().openMeeting(host: "M01", recorder: "王秘书", agenda: [], identity: nil, committeeCertificate: nil)
        #expect(step.notices.contains { $0.contains("2026-11-27") && $0.contains("2026-11-26") })
        #expect(step.state.meetingDate == "2026-11-27" && step.state.plannedDateIfDifferent == "2026-11-26")
        var same = try SessionFixture()
        same.pins = [:]
        for (m, pin) in try same.folder.openForWriting().checkIn(ids).pins { same.pins[m] = pin }
        let onTime = try same.folder.openForWriting().openMeeting(host: "M01", recorder: "王秘书", agenda: [], identity: nil, committeeCertificate: nil)
        #expect(!onTime.notices.contains { $0.contains("不同") })
    }
}
