import FileSystem
import Foundation
import Records
import Review
import Seal
import Testing
@testable import Workspace

/// R16 in the workspace: PIN MACs under a key in the key store, destroyed at the close; wrong
/// PINs journaled and locking across restarts; PINs re-issued in place.
@Suite("R16 PINs in the workspace", .serialized)
struct PINKeyTests {
    func openRound() throws -> SessionFixture {
        var f = try SessionFixture()
        try f.open(present: 20)
        try f.folder.run(.beginDeliberation(["C01"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01"], paper: false)
        return f
    }

    func refusal(_ body: () throws(WorkspaceError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> Refusal? {
        do { try body() } catch {
            if case .rejected(.refused(let r)) = error { return r }
            Issue.record("expected a refusal, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test("R16: the journal keeps HMAC-SHA-256 under keys/pin.key (0600), as openssl computes it; the key is gone after the close")
    func keyedMAC() throws {
        let f = try openRound()
        let keyPath = f.folder.path + "/keys/pin.key"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let keyHex = String(decoding: try #require(try DurableFile.read(keyPath)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(keyHex.count == 64)
        let state = try f.folder.state()
        let arrival = try #require(state.pins["M03"])
        // Independently: openssl's HMAC over the documented message.
        let message = Data("pingshen-pin-v2\0\(state.session)\0M03\0\(arrival.pinSalt)\0\(f.pins["M03"]!)".utf8)
        let openssl = try OpenSSLRun.run(["dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:\(keyHex)", "-r"], input: message)
        #expect(openssl.hasPrefix(arrival.pinMAC + " "), "\(openssl)")
        // Not the old unkeyed hash of the PIN.
        #expect(arrival.pinMAC != Digest.sha256Hex(Array("pingshen-pin-v1".utf8) + [0] + Array(arrival.pinSalt.utf8) + [0] + Array(f.pins["M03"]!.utf8)))
        _ = try f.folder.openForWriting().closeRound()
        try f.folder.run(.recordReason("C01", "无人投票"))
        try f.folder.run(.announce)
        _ = try f.folder.openForWriting().closeMeeting()
        #expect(!FileManager.default.fileExists(atPath: keyPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder.path + "/keys").isEmpty)
    }

    @Test("R16: five wrong PINs lock the member in the journal; the lock holds for a new process; the host unlocks")
    func lockAcrossRestarts() throws {
        let f = try openRound()
        for n in 1...5 {
            let r = refusal { () throws(WorkspaceError) in try f.folder.openForWriting().castBallot(member: "M04", pin: "000000", choices: ["C01": .yes]) }
            #expect(r?.rule == .r16 && r?.chinese.contains("第 \(n) 次") == true)
        }
        let kinds = try f.entries().suffix(5).map(\.event.kind)
        #expect(kinds == ["pin.failed", "pin.failed", "pin.failed", "pin.failed", "member.locked"])
        // Every command is a new Session, replaying the journal: the lock is read back from it.
        let locked = refusal { () throws(WorkspaceError) in try f.folder.openForWriting().castBallot(member: "M04", pin: f.pins["M04"]!, choices: ["C01": .yes]) }
        #expect(locked?.rule == .r16 && locked?.chinese.contains("锁定") == true)
        #expect(try f.folder.state().openRound!.issued.isEmpty)
        try f.folder.run(.unlock("M04"))
        try f.folder.openForWriting().castBallot(member: "M04", pin: f.pins["M04"]!, choices: ["C01": .yes])
        #expect(try f.folder.state().openRound!.issued == ["M04"])
    }

    @Test("R16: the kiosk's admission journals a wrong PIN too")
    func admissionRecords() throws {
        let f = try openRound()
        let r = refusal { () throws(WorkspaceError) in _ = try f.folder.admitVoter(member: "M05", pin: "000000") }
        #expect(r?.rule == .r16)
        #expect(try f.entries().last?.event == .pinFailed(PINFailed(member: "M05", round: 1, failures: 1)))
        #expect(try f.folder.admitVoter(member: "M05", pin: f.pins["M05"]!).number == 1)
        #expect(try f.entries().count == (try f.folder.state().lastSeq), "a right PIN's admission writes nothing")
    }

    @Test("R16: a PIN re-issued to a present member replaces the old one; the member stays eligible")
    func reissue() throws {
        let f = try openRound()
        let (step, pin) = try f.folder.openForWriting().reissuePIN(to: "M06")
        #expect(step.event.kind == "pin.reissued" && pin.count == 6)
        let old = refusal { () throws(WorkspaceError) in try f.folder.openForWriting().castBallot(member: "M06", pin: f.pins["M06"]!, choices: ["C01": .yes]) }
        #expect(pin == f.pins["M06"]! || old?.rule == .r16)
        try f.folder.openForWriting().castBallot(member: "M06", pin: pin, choices: ["C01": .yes])
        #expect(try f.folder.state().openRound!.issued == ["M06"])
        do {
            _ = try f.folder.openForWriting().reissuePIN(to: "M24")
            Issue.record("an absent member gets no PIN re-issued")
        } catch {}
    }

    @Test("R16: a lost PIN key is reported, not taken for a wrong PIN")
    func lostKey() throws {
        let f = try openRound()
        try FileManager.default.removeItem(atPath: f.folder.path + "/keys/pin.key")
        do {
            try f.folder.openForWriting().castBallot(member: "M04", pin: f.pins["M04"]!, choices: ["C01": .yes])
            Issue.record("no PIN can be checked without the key")
        } catch {
            guard case .damaged(let zh, _) = error else { Issue.record("\(error)"); return }
            #expect(zh.contains("PIN 密钥"))
        }
        #expect(try f.entries().last?.event.kind == "round.opened")
    }
}

extension PINKeyTests {
    @Test("R16: keys/pin.key is read strictly: every truncated prefix, hostile and malformed contents are refused as damage")
    func damagedKeyFile() throws {
        let f = try openRound()
        let path = f.folder.path + "/keys/pin.key"
        let good = try #require(try DurableFile.read(path))
        let store = FolderKeyStore(folder: f.folder)
        #expect(try store.pinKey()?.count == 32)
        var bad: [[UInt8]] = (1..<good.count - 1).map { Array(good.prefix($0)) }
        let text = String(decoding: good, as: UTF8.self)
        let extraDigit: [UInt8] = Array(good.dropLast()) + Array("0\n".utf8)
        let upper: [UInt8] = Array(text.uppercased().utf8)
        let notHex: [UInt8] = Array("zz".utf8) + Array(good.dropFirst(2))
        let twice: [UInt8] = good + good
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + good
        let nul: [UInt8] = Array(good.prefix(63)) + [0x00]
        bad += [extraDigit, upper, notHex, twice, bom, nul, []]
        for bytes in bad {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                _ = try store.pinKey()
                Issue.record("accepted \(bytes.count) bytes: \(String(decoding: bytes, as: UTF8.self))")
            } catch {
                guard case .damaged(let zh, _) = error else { Issue.record("\(error)"); continue }
                #expect(zh.contains("PIN 密钥"))
            }
        }
    }
}

/// Runs the stock `openssl` CLI.
enum OpenSSLRun {
    static func run(_ arguments: [String], input: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let inp = Pipe(), out = Pipe()
        process.standardInput = inp
        process.standardOutput = out
        try process.run()
        inp.fileHandleForWriting.write(input)
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
