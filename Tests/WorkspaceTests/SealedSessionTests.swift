import FileSystem
import Foundation
import Journal
import Records
import Review
import Seal
import Testing
import TextFormats
@testable import Workspace

/// Seals in a session: the opening statement, checkpoints, ballot credentials, the close.
@Suite("Sealed sessions", .serialized)
struct SealedSessionTests {
    /// A whole signed meeting: one electronic round, one paper round, one cancelled round, closed.
    func signedMeeting(_ committee: Committee) throws -> SessionFixture {
        var f = try SessionFixture(clock: FixedClock("2026-11-26T09:00:00+08:00"))
        try f.openSigned(present: 21, committee: committee)
        try f.vote(["C01", "C02"])
        try f.folder.run(.beginDeliberation(["C03"], opinion: nil))
        try f.folder.openForWriting().openRound(["C03"], paper: false)
        try f.folder.run(.cancelRound(reason: "选票有误"))
        try f.folder.openForWriting().openRound(["C03"], paper: true, tellers: ["甲", "乙"])
        for teller in ["甲", "乙"] {
            try f.folder.openForWriting().enterSheet(teller: teller, sheet: 1, marks: ["C03": ["同意"]], identity: committee.teller(teller))
        }
        _ = try f.folder.openForWriting().closeRound()
        try f.folder.run(.recordReason("C03", "同意票不足"))
        try f.folder.run(.announce)
        _ = try f.folder.openForWriting().closeMeeting(recorder: committee.files(committee.secretary))
        return f
    }

    @Test("the host's opening statement is a CMS signature that verifies against the seal and binds the session key")
    func openingStatement() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        let seal = try #require(try f.folder.state().seal)
        let cms = try DetachedSignature(der: try #require(Base64.decode(seal.statement.signature)))
        let signers = try cms.verify(Array(seal.statement.text.utf8), trustAnchor: try committee.certificate(committee.seal),
                                     at: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(signers.map(\.subject.commonName) == ["陈建国"])
        #expect(seal.statement.text.contains(seal.sessionKey))
        #expect(seal.statement.text.contains(try f.folder.state().session))
        // The session key waits, 0600, in keys/.
        let attributes = try FileManager.default.attributesOfItem(atPath: f.folder.path + "/keys/session.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("every entry from the opening to the close is written with the checkpoint that seals it; each covers the journal before it")
    func checkpoints() throws {
        let committee = try Committee()
        let f = try signedMeeting(committee)
        let loaded = try f.folder.load()
        let seal = try #require(loaded.state.seal)
        let sessionKey = try VerifyingKey(subjectPublicKeyInfo: try #require(Base64.decode(seal.sessionKey)))
        let recorder = try committee.certificate(committee.secretary)
        let opening = try #require(loaded.entries.firstIndex { if case .meetingOpened = $0.event { return true }; return false })
        var sealed = 0
        for (i, entry) in loaded.entries.enumerated() {
            switch entry.event {
            case .checkpointSigned(let c):
                let signed = try SignedCheckpoint(parsing: Array(c.note.utf8))
                #expect(signed.checkpoint.size == UInt64(entry.seq - 1))
                #expect(signed.checkpoint.origin == seal.origin)
                #expect(signed.checkpoint.root == (try JournalTree(loaded.text).root(ofSize: UInt64(entry.seq - 1))))
                var verifiers: [any NoteVerifier] = [KeyNoteVerifier(name: seal.keyName, key: sessionKey)]
                verifiers.append(KeyNoteVerifier(name: "pingshen.recorder.\(recorder.serialHex.prefix(16))", key: recorder.publicKey))
                let verdict = signed.verify(with: verifiers)
                #expect(verdict.isAccepted && verdict.failed.isEmpty)
                #expect(verdict.verified.count == (c.cosigners.isEmpty ? 1 : 2))
            default:
                guard i >= opening else { continue }
                sealed += 1
                guard i + 1 < loaded.entries.count, case .checkpointSigned = loaded.entries[i + 1].event else {
                    Issue.record("no checkpoint right after \(entry.event.kind) at \(entry.seq)")
                    continue
                }
            }
        }
        #expect(sealed > 8 && loaded.state.checkpoints.count == sealed)
        #expect(loaded.state.unsealedEntry == nil)
        #expect(loaded.state.isSealedAfterClose)
    }

    @Test("every electronic ballot carries a valid credential of its round; issues are journaled blinded; keys are destroyed")
    func credentials() throws {
        let committee = try Committee()
        let f = try signedMeeting(committee)
        let loaded = try f.folder.load()
        let round = try #require(loaded.state.rounds.first)
        let key = try RoundCredentials.publicKey(round.opened)
        guard case .closed(let closed) = round.status else { Issue.record("round 1 not closed"); return }
        #expect(closed.ballots.count == 21)
        for b in closed.ballots {
            #expect(RoundCredentials.verify(b, session: loaded.state.session, round: 1, key: key))
            var forged = b
            forged.choices["C01"] = b.choices["C01"] == .yes ? .no : .yes
            #expect(!RoundCredentials.verify(forged, session: loaded.state.session, round: 1, key: key))
            #expect(!RoundCredentials.verify(b, session: loaded.state.session, round: 2, key: key))
            #expect(!RoundCredentials.verify(b, session: "ffffffffffffffffffffffffffffffff", round: 1, key: key))
        }
        let issues = loaded.entries.compactMap { e -> BallotIssued? in
            if case .ballotIssued(let b) = e.event { return b }
            return nil
        }
        #expect(issues.count == 21 && issues.allSatisfy { $0.blinded?.count == 64 })
        // A blinded hash never equals the hash of anything in a ballot.
        let ballotHashes = Set(closed.ballots.map(\.id))
        #expect(issues.allSatisfy { !ballotHashes.contains($0.blinded!) })
        let keys = try FileManager.default.contentsOfDirectory(atPath: f.folder.path + "/keys")
        #expect(keys.isEmpty, "left behind: \(keys)")
    }

    @Test("a wrong passphrase, a key not matching its certificate, another seal's or a secretary's certificate are refused; nothing is written")
    func badIdentities() throws {
        let committee = try Committee()
        let other = try Committee()
        var f = try SessionFixture()
        for (m, pin) in try f.folder.openForWriting().checkIn((1...20).map { $0 < 10 ? "M0\($0)" : "M\($0)" }).pins { f.pins[m] = pin }
        let before = try f.journalBytes()
        let cases: [(IdentityFiles, String)] = [
            (IdentityFiles(key: committee.chair.key, certificate: committee.chair.certificate, passphrase: "wrong"), "口令"),
            (IdentityFiles(key: committee.secretary.key, certificate: committee.chair.certificate, passphrase: Committee.passphrase), "不匹配"),
            (other.files(other.chair), "不是由评委会印章"),
            (committee.files(committee.secretary), "角色"),
        ]
        for (files, words) in cases {
            do {
                _ = try f.folder.openForWriting().openMeeting(host: "M01", recorder: "王秘书", agenda: [], identity: files,
                                             committeeCertificate: committee.seal.certificate)
                Issue.record("an opening with a bad identity was accepted")
            } catch {
                #expect(error.description.contains(words), "\(error)")
            }
        }
        #expect(try f.journalBytes() == before)
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/keys/session.key"))
    }

    @Test("an expired certificate is refused")
    func expiredCertificate() throws {
        let committee = try Committee()
        let sealKey = try SigningKey(contentsOf: committee.seal.key, passphrase: Committee.passphrase)
        let authority = try CertificateAuthority(identity: Identity(certificate: committee.certificate(committee.seal), key: sealKey))
        let key = try SigningKey.generate()
        let past = Date(timeIntervalSince1970: 1_700_000_000)
        let certificate = try authority.issue(commonName: "陈建国", role: .chair, publicKey: key.publicKey, validity: past...past.addingTimeInterval(86400))
        let dir = committee.directory
        try key.write(to: dir + "/expired.key", passphrase: Committee.passphrase)
        try Array(certificate.pem.utf8).write(to: dir + "/expired.pem")
        var f = try SessionFixture()
        for (m, pin) in try f.folder.openForWriting().checkIn((1...20).map { $0 < 10 ? "M0\($0)" : "M\($0)" }).pins { f.pins[m] = pin }
        #expect(throws: WorkspaceError.self) {
            _ = try f.folder.openForWriting().openMeeting(host: "M01", recorder: "王秘书", agenda: [],
                                         identity: IdentityFiles(key: dir + "/expired.key", certificate: dir + "/expired.pem", passphrase: Committee.passphrase),
                                         committeeCertificate: committee.seal.certificate)
        }
    }

    @Test("a forged round key (its private half replaced) is detected before any ballot is taken")
    func forgedRoundKey() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        try f.folder.run(.beginDeliberation(["C01"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01"], paper: false)
        let forged = try BlindSigningKey.generate()
        try DurableFile.replace(f.folder.path + "/keys/round-1.key", with: try forged.transientPEM(), mode: 0o600)
        let before = try f.journalBytes()
        do {
            try f.folder.openForWriting().castBallot(member: "M02", pin: f.pins["M02"]!, choices: ["C01": .yes])
            Issue.record("a cast under a forged round key was accepted")
        } catch {
            #expect(error.description.contains("伪造"))
        }
        #expect(try f.journalBytes() == before)
    }

    @Test("a replayed credential, or one from another round or session, stops the count")
    func replayedCredential() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        let first = try f.vote(["C01"])
        try f.folder.run(.beginDeliberation(["C02"], opinion: nil))
        try f.folder.openForWriting().openRound(["C02"], paper: false)
        try f.folder.openForWriting().castBallot(member: "M02", pin: f.pins["M02"]!, choices: ["C02": .yes])
        try f.folder.openForWriting().castBallot(member: "M03", pin: f.pins["M03"]!, choices: ["C02": .no])
        let spool = BallotSpool(folder: f.folder, round: 2)
        let text = JournalText(bytes: try #require(try DurableFile.read(spool.path)))
        let line1 = Array(text.line(0)) + [0x0A]
        let session = try f.folder.state().session
        // Round 1's ballot, relabelled for round 2 with its id recomputed: its credential does not fit.
        var moved = first.ballots[0]
        moved.choices = ["C02": .yes]
        moved.id = BallotSpool.ballotID(moved, session: session, round: 2)
        // A ballot of another session, with its id recomputed for this one.
        var foreign = moved
        foreign.nonce = String(repeating: "ab", count: 16)
        foreign.id = BallotSpool.ballotID(foreign, session: session, round: 2)
        let before = try f.journalBytes()
        for second in [line1, try EntryCoding.encodeValue(moved) + [0x0A], try EntryCoding.encodeValue(foreign) + [0x0A]] {
            try DurableFile.replace(spool.path, with: line1 + second, mode: 0o600)
            #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().closeRound() }
            #expect(try f.journalBytes() == before)
        }
        try DurableFile.replace(spool.path, with: text.bytes, mode: 0o600)
        #expect(try f.folder.openForWriting().closeRound().closedRound!.returned == 2)
    }

    @Test("a signed meeting closes only with the recorder's identity; a close interrupted after its write-ahead is finished exactly")
    func closingNeedsRecorder() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        try f.vote(["C01"])
        try f.folder.run(.announce)
        let before = try f.journalBytes()
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().closeMeeting(recorder: nil) }
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().closeMeeting(recorder: committee.files(committee.chair)) }
        #expect(try f.journalBytes() == before)
        let sessionKey = try #require(try DurableFile.read(f.folder.path + "/keys/session.key"))
        _ = try f.folder.openForWriting().closeMeeting(recorder: committee.files(committee.secretary))
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/keys/session.key"))
        let sealed = try f.journalBytes()
        // A crash after the write-ahead (the witness may have seen the final checkpoint), before the
        // journal had the close and its checkpoint: both lines are in journal.pending only.
        let text = try f.folder.journal.read()
        let closeLines = Array(sealed[text.lines[text.lines.count - 2].lowerBound...])
        try DurableFile.truncate(f.journalPath, to: text.lines[text.lines.count - 2].lowerBound)
        try DurableFile.replace(f.folder.path + "/journal.pending", with: closeLines, mode: 0o600)
        try DurableFile.replace(f.folder.path + "/keys/session.key", with: sessionKey, mode: 0o600)
        #expect(try f.folder.state().phase == .open)
        // The next command finishes the close first, then is judged after it: nothing but signatures after a close.
        #expect(throws: WorkspaceError.self) { try f.folder.run(.recordMatter("会后补记", handling: nil)) }
        #expect(try f.journalBytes() == sealed)
        #expect(try f.folder.state().isSealedAfterClose)
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/journal.pending"))
        #expect(!FileManager.default.fileExists(atPath: f.folder.path + "/keys/session.key"))
    }

    @Test("a line written by hand after the last checkpoint is refused before anything more is written (SPEC §2)")
    func unsealedTailRefused() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        // An insider without any key appends an arrival for an absent member, PIN of their choosing.
        let state = try f.folder.state()
        let phantom = Entry(seq: state.lastSeq + 1, at: state.lastAt,
                            event: .membersArrived(MembersArrived(arrivals: [Arrival(member: "M25", pinSalt: "00", pinMAC: String(repeating: "0", count: 64))])))
        try DurableFile.append(try EntryCoding.encode(phantom) + [0x0A], to: f.journalPath)
        let before = try f.journalBytes()
        do {
            try f.folder.run(.reportMaterials("报告"))
            Issue.record("a journal with an unsealed line must be refused")
        } catch {
            #expect(error.description.contains("被他人写入") && error.exitCode == 1)
        }
        #expect(try f.journalBytes() == before)
    }

    @Test("a write-ahead that does not fit the journal is refused, not finished")
    func forgedWriteAheadRefused() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        let state = try f.folder.state()
        let phantom = Entry(seq: state.lastSeq + 1, at: state.lastAt, event: .materialsReported(Note(text: "伪造")))
        let fake = Entry(seq: state.lastSeq + 2, at: state.lastAt, event: .checkpointSigned(CheckpointSigned(note: "x\n1\nAAAA\n\n— x AAAA\n", cosigners: [])))
        try DurableFile.replace(f.folder.path + "/journal.pending", with: try EntryCoding.encode(phantom) + [0x0A] + (try EntryCoding.encode(fake)) + [0x0A], mode: 0o600)
        let before = try f.journalBytes()
        #expect(throws: WorkspaceError.self) { try f.folder.run(.reportMaterials("报告")) }
        #expect(try f.journalBytes() == before)
    }

    @Test("editing an entry before the latest checkpoint is caught before anything more is written")
    func tamperingCaught() throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        try f.vote(["C01"], against: 3)
        var bytes = try f.journalBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        let changed = text.replacingOccurrences(of: "\"no\":3", with: "\"no\":2")
        #expect(changed != text)
        bytes = Array(changed.utf8)
        try DurableFile.replace(f.journalPath, with: bytes)
        do {
            try f.folder.run(.announce)
            Issue.record("an append to a tampered journal was accepted")
        } catch {
            #expect(error.description.contains("完整性"))
        }
    }

    @Test("a changed checkpoint (its root, size or signature) is caught before anything more is written", arguments: [0, 1, 2])
    func checkpointTampering(part: Int) throws {
        let committee = try Committee()
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        try f.folder.run(.beginDeliberation(["C01"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01"], paper: false)
        let text = try f.folder.journal.read()
        var line = String(decoding: text.line(text.lines.count - 1), as: UTF8.self)
        let entry = try EntryCoding.decode(Array(line.utf8))
        guard case .checkpointSigned(let c) = entry.event else { Issue.record("no checkpoint at the end"); return }
        let noteLines = c.note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changed = noteLines
        switch part {
        case 0: changed[2] = String(changed[2].reversed())                  // root
        case 1: changed[1] = String(Int(changed[1])! + 1)                   // size
        default:                                                            // signature
            var sig = Array(changed[4].utf8)
            sig[sig.count - 5] = sig[sig.count - 5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            changed[4] = String(decoding: sig, as: UTF8.self)
        }
        line = line.replacingOccurrences(of: try String(decoding: EntryCoding.encodeValue(c.note), as: UTF8.self),
                                         with: try String(decoding: EntryCoding.encodeValue(changed.joined(separator: "\n")), as: UTF8.self))
        var bytes = Array(text.bytes[..<text.lines.last!.lowerBound]) + Array(line.utf8) + [0x0A]
        try DurableFile.replace(f.journalPath, with: bytes)
        do {
            try f.folder.openForWriting().castBallot(member: "M02", pin: f.pins["M02"]!, choices: ["C01": .yes])
            Issue.record("an append after a changed checkpoint was accepted")
        } catch {
            #expect(error.description.contains("完整性"), "\(error)")
        }
        bytes = try f.journalBytes()
        #expect(JournalText(bytes: bytes).lines.count == text.lines.count)
    }

    @Test("an unsigned drill has no seal, no checkpoints and no credentials")
    func unsignedDrill() throws {
        var f = try SessionFixture()
        try f.open(present: 20)
        try f.vote(["C01"])
        let state = try f.folder.state()
        #expect(!state.isSigned && state.checkpoints.isEmpty)
        #expect(state.rounds[0].opened.credentialKey == nil)
    }

    @Test("the SM2 (国密) chain signs the statement and the checkpoints with SM2")
    func sm2Chain() throws {
        let committee = try Committee(algorithm: .sm2)
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        let seal = try #require(try f.folder.state().seal)
        #expect(seal.statement.format == "sm2" && seal.algorithm == SigningAlgorithm.sm2.rawValue)
        try f.vote(["C01"])
        let state = try f.folder.state()
        #expect(state.checkpoints.count > 3 && state.unsealedEntry == nil)
        _ = try Integrity.statementKey(seal, at: Date(timeIntervalSince1970: 1_795_000_000))
    }
}

extension Array where Element == UInt8 {
    func write(to path: String) throws { try DurableFile.replace(path, with: self) }
}
