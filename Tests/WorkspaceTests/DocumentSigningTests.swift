import FileSystem
import Foundation
import Journal
import Records
import Review
import Seal
import Testing
@testable import Workspace

/// Signing minutes and result forms after the close (R13, R14).
@Suite("Signing papers", .serialized)
struct DocumentSigningTests {
    func closedMeeting(_ committee: Committee) throws -> SessionFixture {
        var f = try SessionFixture()
        try f.openSigned(present: 20, committee: committee)
        try f.vote(["C01"])
        try f.folder.run(.announce)
        _ = try f.folder.openForWriting().closeMeeting(recorder: committee.files(committee.secretary))
        return f
    }

    let minutes = DocumentFile(name: "评审会议记录.html", bytes: Array("<p>会议记录</p>".utf8), document: "minutes")

    @Test("host and recorder sign the same minutes; each signature verifies against the seal and is journaled with both hashes")
    func signMinutes() throws {
        let committee = try Committee()
        let f = try closedMeeting(committee)
        #expect(try f.folder.openForWriting().signDocuments([minutes], as: .host, identity: committee.files(committee.chair)) == ["out/评审会议记录.html"])
        #expect(try f.folder.openForWriting().signDocuments([minutes], as: .recorder, identity: committee.files(committee.secretary)) == ["out/评审会议记录.html"])
        #expect(try f.folder.openForWriting().signDocuments([minutes], as: .host, identity: committee.files(committee.chair)).isEmpty)
        let state = try f.folder.state()
        #expect(state.documents.map(\.value.signer) == ["host", "recorder"])
        let seal = try committee.certificate(committee.seal)
        for d in state.documents.map(\.value) {
            let content = try #require(try DurableFile.read(f.folder.path + "/" + d.file))
            let signature = try #require(try DurableFile.read(f.folder.path + "/" + d.signatureFile))
            #expect(Digest.sha256Hex(content) == d.sha256 && Digest.sha256Hex(signature) == d.signatureSHA256)
            let signers = try DetachedSignature(der: signature).verify(content, trustAnchor: seal)
            #expect(signers.count == 1)
            var changed = content
            changed[3] ^= 1
            #expect(throws: SealError.self) { _ = try DetachedSignature(der: signature).verify(changed, trustAnchor: seal) }
        }
    }

    @Test("a paper changed after the first signature is not signed again; wrong roles and foreign seals are refused")
    func refusals() throws {
        let committee = try Committee()
        let other = try Committee()
        let f = try closedMeeting(committee)
        _ = try f.folder.openForWriting().signDocuments([minutes], as: .host, identity: committee.files(committee.chair))
        let before = try f.journalBytes()
        var changed = minutes
        changed.bytes += Array("<p>补</p>".utf8)
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().signDocuments([changed], as: .recorder, identity: committee.files(committee.secretary)) }
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().signDocuments([minutes], as: .recorder, identity: committee.files(committee.chair)) }
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().signDocuments([minutes], as: .host, identity: other.files(other.chair)) }
        let foreignSeal = IdentityFiles(key: other.seal.key, certificate: other.seal.certificate, passphrase: Committee.passphrase)
        #expect(throws: WorkspaceError.self) { _ = try f.folder.openForWriting().signDocuments([minutes], as: .seal, identity: foreignSeal) }
        #expect(try f.journalBytes() == before)
        let seal = IdentityFiles(key: committee.seal.key, certificate: committee.seal.certificate, passphrase: Committee.passphrase)
        let form = DocumentFile(name: "评审表-C01.html", bytes: Array("表".utf8), document: "result-form", candidate: "C01")
        #expect(try f.folder.openForWriting().signDocuments([form], as: .seal, identity: seal) == ["out/评审表-C01.html"])
    }

    @Test("papers are signed only after the close, and never for an unsigned drill")
    func onlyAfterClose() throws {
        let committee = try Committee()
        var open = try SessionFixture()
        try open.openSigned(present: 20, committee: committee)
        do {
            _ = try open.folder.openForWriting().signDocuments([minutes], as: .host, identity: committee.files(committee.chair))
            Issue.record("signed before the close")
        } catch {
            #expect(error.rule == .r13)
        }
        var drill = try SessionFixture()
        try drill.open(present: 20)
        try drill.vote(["C01"])
        try drill.folder.run(.announce)
        _ = try drill.folder.openForWriting().closeMeeting()
        #expect(throws: WorkspaceError.self) { _ = try drill.folder.openForWriting().signDocuments([minutes], as: .host, identity: committee.files(committee.chair)) }
    }
}
