import Foundation
import Inspection
import Journal
import Records
@testable import Seal
import Testing
import Workspace

/// What the witness on another device lets the inspector catch that the laptop's own seals
/// cannot (V11, V15): clocks the laptop sets, certificates judged at those times, papers signed
/// by certificates that are not the meeting's.
@Suite("The witness and the signers (V11, V15)")
struct WitnessCheckTests {
    func failed(_ report: SessionReport) -> String { HumanReport.session(report, relations: false, onlyFailing: true) }

    /// A short sealed meeting, closed and signed; the witness's clock `offset` seconds from the laptop's.
    static func meeting(_ committee: TestCommittee, witnessOffset: TimeInterval = 0, witnessed: Bool = true) throws -> SampleSession {
        var s = try SampleSession(committee: committee, witnessed: witnessed, witnessOffset: witnessOffset)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        try s.open(host: "M01", at: "09:05")
        try s.run(.beginDeliberation(["C01"], opinion: nil), at: "09:10")
        try s.electronicRound(["C01"], ["C01": (18, 2, 0)], open: "09:20", close: "09:25")
        try s.run(.announce, at: "09:30")
        try s.close(at: "09:35")
        try s.signDocuments(forms: .individual, at: "09:50")
        return s
    }

    @Test("a meeting witnessed on the laptop's own clock passes all fifteen checks")
    func witnessedMeetingPasses() throws {
        let committee = try TestCommittee()
        let s = try Self.meeting(committee)
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate])).verify(.folder(s.path), path: s.path)
        #expect(report.passed, "\(failed(report))")
        #expect(report.checks.count == 15 && report.checks[14].count > 10)
    }

    @Test("without a witness (--no-witness) V15 is not met, never passed")
    func noWitnessIsNotMet() throws {
        let committee = try TestCommittee()
        let s = try Self.meeting(committee, witnessed: false)
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate])).verify(.folder(s.path), path: s.path)
        #expect(report.failed == [.v15])
        #expect(report.checks[14].findings.first?.message.contains("--no-witness") == true)
    }

    @Test("journal times ten minutes off the witness's (a laptop clock or PINGSHEN_TIME set by hand) are V15 findings")
    func clockOffTheWitness() throws {
        let committee = try TestCommittee()
        let s = try Self.meeting(committee, witnessOffset: 600)
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate])).verify(.folder(s.path), path: s.path)
        #expect(report.failed == [.v15], "\(failed(report))")
        #expect(report.checks[14].findings.contains { $0.message.contains("相差超过 300 秒") })
    }

    @Test("the witness refuses to register a meeting whose host certificate its own clock finds expired: nothing is written")
    func witnessRefusesAnExpiredHost() throws {
        let committee = try TestCommittee()
        var s = try SampleSession(committee: committee, witnessOffset: 20 * 365 * 86400)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        let before = try Data(contentsOf: URL(fileURLWithPath: s.path + "/journal.jsonl"))
        #expect(throws: WorkspaceError.self) { try s.open(host: "M01", at: "09:05") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.path + "/journal.jsonl")) == before)
    }

    @Test("certificates are judged at the witness's times: papers signed after a close the witness dates past the certificates' validity fail, whatever the journal says")
    func certificatesAtWitnessedTimes() throws {
        let committee = try TestCommittee()
        var s = try SampleSession(committee: committee)
        try s.checkIn(SampleSession.ids(Array(1...20)), at: "09:00")
        try s.open(host: "M01", at: "09:05")
        try s.run(.beginDeliberation(["C01"], opinion: nil), at: "09:10")
        try s.electronicRound(["C01"], ["C01": (18, 2, 0)], open: "09:20", close: "09:25")
        try s.run(.announce, at: "09:30")
        // From here on the laptop writes 2026 while the witness's clock says twenty years later.
        s.witness?.shift(by: 20 * 365 * 86400)
        try s.close(at: "09:35")
        try s.signDocuments(forms: .individual, at: "09:50")
        let report = Inspector(InspectionOptions(pinnedCommittees: [committee.seal.certificate])).verify(.folder(s.path), path: s.path)
        #expect(report.failed.contains(.v15) && report.failed.contains(.v11) && !report.failed.contains(.v3), "\(failed(report))")
        let v15 = report.checks[14].findings.map(\.message)
        #expect(v15.contains { $0.contains("记录人证书") } && v15.contains { $0.contains("签名人证书") } && v15.contains { $0.contains("相差超过") })
    }

    @Test("minutes signed \"by the host\" with another chair certificate of the same seal, or \"by the recorder\" with another secretary's, fail V11")
    func signersBoundToTheMeeting() throws {
        let committee = try TestCommittee()
        let s = try Self.meeting(committee)
        let seal = IdentityFiles(key: committee.sealPaths.key, certificate: committee.sealPaths.certificate, passphrase: TestCommittee.passphrase)
        func stranger(_ role: CommitteeRole, _ name: String) throws -> Identity {
            let paths = try KeyEncryption.$testingIterations.withValue(TestCommittee.cheapIterations) {
                try Identities.issue(role: role, name: name, algorithm: .p256, days: 3650, notBefore: TestCommittee.notBefore, seal: seal,
                                     passphrase: TestCommittee.passphrase, directory: committee.directory, fileName: "other-\(role.rawValue)")
            }
            return try Identity(certificate: try Credentials.certificate(at: paths.certificate),
                                key: try SigningKey(contentsOf: paths.key, passphrase: TestCommittee.passphrase))
        }
        for (signer, identity) in [("host", try stranger(.chair, "另一主任")), ("recorder", try stranger(.secretary, "另一秘书"))] {
            var files = try FolderReading.files(of: s.path)
            var journal = try JournalEdit(files["journal.jsonl"]!)
            for i in journal.entries.indices {
                guard case .documentSigned(var d) = journal.entries[i].event, d.document == "minutes", d.signer == signer else { continue }
                let signature = try DetachedSignature.sign(files[d.file]!, signers: [identity]).der
                files[d.signatureFile] = signature
                d.signatureSHA256 = Digest.sha256Hex(signature)
                d.certificate = Data(identity.certificate.der).base64EncodedString()
                journal.entries[i].event = .documentSigned(d)
            }
            files["journal.jsonl"] = try journal.bytes()
            let report = Fixtures.verify(files, InspectionOptions(pinnedCommittees: [committee.seal.certificate]))
            #expect(report.failed == [.v11], "\(signer): \(failed(report))")
            #expect(report.checks[10].findings.contains { $0.message.contains(signer == "host" ? "开会声明" : "最终检查点") })
        }
    }
}
