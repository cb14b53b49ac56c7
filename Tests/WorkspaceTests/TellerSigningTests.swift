import Foundation
import Records
import Review
import Seal
import Testing
import TextFormats
@testable import Workspace

/// R15 in a signed meeting: each teller signs each entry with their own certificate.
@Suite("R15 tellers sign their entries", .serialized)
struct TellerSigningTests {
    func paperRound(_ committee: Committee) throws -> SessionFixture {
        var f = try SessionFixture(clock: FixedClock("2026-11-26T09:00:00+08:00"))
        try f.openSigned(present: 21, committee: committee)
        try f.folder.run(.beginDeliberation(["C01", "C02"], opinion: nil))
        try f.folder.openForWriting().openRound(["C01", "C02"], paper: true, tellers: ["甲", "乙"])
        return f
    }

    @Test("R15: an entry carries the teller's CMS signature over the canonical reading, by the teller's own certificate")
    func signedEntry() throws {
        let committee = try Committee()
        let f = try paperRound(committee)
        let step = try f.folder.openForWriting().enterSheet(teller: "甲", sheet: 4, marks: ["C02": ["？"], "C01": ["同意", "不同意"]],
                                                            identity: committee.teller("甲"))
        guard case .sheetEntered(let e) = step.event, let signed = e.signed else { Issue.record("no signed entry"); return }
        #expect(e.marks == ["C01": ["不同意", "同意"], "C02": ["?"]])
        #expect(signed.text == SheetReading.text(session: step.state.session, round: 1, sheet: 4, teller: "甲", marks: e.marks))
        let cms = try DetachedSignature(der: try #require(Base64.decode(signed.signature)))
        let signers = try cms.verify(Array(signed.text.utf8), trustAnchor: try committee.certificate(committee.seal),
                                     at: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(signers.map(\.subject.commonName) == ["甲"])
    }

    @Test("R15: no identity, another teller's certificate, or a non-teller certificate is refused; nothing is written")
    func wrongIdentity() throws {
        let committee = try Committee()
        let f = try paperRound(committee)
        let before = try f.entries().count
        func attempt(_ identity: IdentityFiles?) -> WorkspaceError? {
            do {
                _ = try f.folder.openForWriting().enterSheet(teller: "甲", sheet: 1, marks: ["C01": ["同意"]], identity: identity)
                return nil
            } catch { return error }
        }
        guard case .badInput? = attempt(nil) else { Issue.record("an unsigned entry in a signed meeting must be refused"); return }
        #expect(attempt(committee.teller("乙"))?.rule == .r15)
        guard case .badInput? = attempt(committee.files(committee.chair)) else { Issue.record("a chair's certificate is not a teller's"); return }
        #expect(try f.entries().count == before)
        do {
            _ = try f.folder.openForWriting().enterSheet(teller: "王秘书", sheet: 1, marks: [:], identity: committee.files(committee.secretary))
            Issue.record("only the round's tellers enter sheets")
        } catch { #expect(error.rule == .r15) }
    }

    @Test("R15: the two tellers' signed entries settle the sheet and the round counts it")
    func settled() throws {
        let committee = try Committee()
        let f = try paperRound(committee)
        for (teller, marks) in [("甲", ["同意+不同意".split(separator: "+").map(String.init)]), ("乙", [["不同意", "同意"]])] {
            _ = try f.folder.openForWriting().enterSheet(teller: teller, sheet: 1, marks: ["C01": marks[0], "C02": ["同意"]], identity: committee.teller(teller))
        }
        let closed = try #require(try f.folder.openForWriting().closeRound().closedRound)
        #expect(closed.returned == 1 && closed.tallies[0].void == 21 && closed.tallies[1].yes == 1)
    }
}
