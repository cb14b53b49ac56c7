import FileSystem
import Foundation
import Journal
import Records
import Review
import Testing
@testable import Workspace

/// The round spool and the crashes the write order allows (pending ballot first, journal
/// receipt second, sorted spool third).
@Suite("Ballot spool: durability and recovery")
struct BallotSpoolTests {
    func openRound() throws -> SessionFixture {
        var f = try SessionFixture()
        try f.open(present: 21)
        try f.folder.run(.beginDeliberation(["C01", "C02"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01", "C02"], paper: false)
        return f
    }

    func spool(_ f: SessionFixture) -> BallotSpool { BallotSpool(folder: f.folder, round: 1) }

    @Test("the spool holds one line per acknowledged ballot and no member id")
    func spoolHasNoMemberIDs() throws {
        let f = try openRound()
        for m in ["M01", "M02", "M03"] { try f.folder.openForWriting().castBallot(member: m, pin: f.pins[m]!, choices: ["C01": .yes, "C02": .no]) }
        let text = String(decoding: try DurableFile.read(spool(f).path) ?? [], as: UTF8.self)
        #expect(text.split(separator: "\n").count == 3)
        #expect(!text.contains("M0"))
        #expect(text.contains("同意") && text.contains("不同意"))
    }

    @Test("a ballot spooled but never acknowledged (crash before the receipt) is dropped, not counted")
    func unacknowledgedBallotDropped() throws {
        let f = try openRound()
        try f.folder.openForWriting().castBallot(member: "M01", pin: f.pins["M01"]!, choices: ["C01": .yes])
        // The crash: a ballot was written as pending, its receipt never reached the journal.
        try spool(f).addPending(BallotSpool.make(["C01": .no], session: try f.folder.state().session, round: 1))
        let notices = try f.folder.openForWriting().castBallot(member: "M02", pin: f.pins["M02"]!, choices: ["C01": .yes]).notices
        #expect(notices.count == 1)
        let closeStep = try f.folder.openForWriting().closeRound(); let (closed, _) = (closeStep.closedRound!, closeStep.notices)
        #expect(closed.returned == 2 && closed.tallies[0].yes == 2 && closed.tallies[0].no == 0)
    }

    @Test("a ballot acknowledged but not yet merged into the spool (crash after the receipt) is counted")
    func acknowledgedPendingMerged() throws {
        let f = try openRound()
        try f.folder.openForWriting().castBallot(member: "M01", pin: f.pins["M01"]!, choices: ["C01": .yes])
        // The crash: the receipt is in the journal, the ballot still pending beside the spool.
        let session = try f.folder.state().session
        let pending = BallotSpool.make(["C01": .no], session: session, round: 1)
        try spool(f).addPending(pending)
        let state = try f.folder.state()
        let key = try #require(try FolderKeyStore(folder: f.folder).pinKey())
        try f.folder.run(.castBallot(member: "M02", pinMAC: VotingPIN.mac(f.pins["M02"]!, member: "M02", salt: state.pins["M02"]!.pinSalt,
                                                                          session: state.session, key: key),
                                     choices: ["C01": .no]))
        let step = try f.folder.openForWriting().closeRound()
        let closed = try #require(step.closedRound)
        #expect(step.notices.isEmpty)
        #expect(closed.returned == 2 && closed.tallies[0].yes == 1 && closed.tallies[0].no == 1)
    }

    @Test("the spool keeps no arrival order: its lines are sorted by ballot id (R5)")
    func spoolSortedByID() throws {
        let f = try openRound()
        for m in ["M01", "M02", "M03", "M04", "M05", "M06"] {
            try f.folder.openForWriting().castBallot(member: m, pin: f.pins[m]!, choices: ["C01": .yes])
        }
        let ids = try spool(f).ballots(session: try f.folder.state().session).map(\.id)
        #expect(ids.count == 6 && ids == ids.sorted())
    }

    @Test("a torn spool line (the spool is replaced whole, so only tampering leaves one) stops the count")
    func tornSpoolLine() throws {
        let f = try openRound()
        try f.folder.openForWriting().castBallot(member: "M01", pin: f.pins["M01"]!, choices: ["C01": .yes])
        try DurableFile.append(Array(#"{"choices":{"C01":"同"#.utf8), to: spool(f).path)
        let before = try f.journalBytes()
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().closeRound() }
        #expect(try f.journalBytes() == before)
    }

    @Test("a lost spool (fewer ballots than receipts) stops the count: acknowledged ballots are never silently lost")
    func lostBallotsStopTheCount() throws {
        let f = try openRound()
        try f.folder.openForWriting().castBallot(member: "M01", pin: f.pins["M01"]!, choices: ["C01": .yes])
        try f.folder.openForWriting().castBallot(member: "M02", pin: f.pins["M02"]!, choices: ["C01": .yes])
        let text = JournalText(bytes: try DurableFile.read(spool(f).path)!)
        try DurableFile.truncate(spool(f).path, to: text.lines[0].upperBound + 1)
        let before = try f.journalBytes()
        do {
            _ = try f.folder.openForWriting().closeRound()
            Issue.record("closing with a lost ballot must fail")
        } catch {
            #expect(error.description.contains("不一致"))
        }
        #expect(try f.journalBytes() == before)
    }

    @Test("a tampered spooled ballot (id no longer matches its content) stops the count")
    func tamperedSpool() throws {
        let f = try openRound()
        try f.folder.openForWriting().castBallot(member: "M01", pin: f.pins["M01"]!, choices: ["C01": .no])
        var bytes = try DurableFile.read(spool(f).path)!
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "不同意", with: "同意")
        bytes = Array(text.utf8)
        try DurableFile.replace(spool(f).path, with: bytes)
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().closeRound() }
    }

    @Test("closing moves the ballots into the journal and deletes the spool")
    func closeDeletesSpool() throws {
        let f = try openRound()
        try f.folder.openForWriting().castBallot(member: "M01", pin: f.pins["M01"]!, choices: ["C01": .yes])
        _ = try f.folder.openForWriting().closeRound()
        #expect(try DurableFile.read(spool(f).path) == nil)
        guard case .roundClosed(let c) = try f.entries().last!.event else { Issue.record("no close entry"); return }
        #expect(c.ballots.count == 1)
        #expect(c.ballots[0].id == BallotSpool.ballotID(c.ballots[0], session: try f.folder.state().session, round: 1))
    }
}
