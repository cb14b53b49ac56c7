import Foundation
import Testing
@testable import Seal

/// CMS signatures and envelopes exchanged with the stock `openssl cms`, both directions.
struct CMSInteropTests {
    static let chain = Chain.p256
    static let secretary = DetachedSignatureTests.secretary
    static let inspector = EnvelopeTests.inspector
    static let content = Fixtures.message + Array("\n第二行\r\n".utf8)

    /// A scratch folder holding the seal, two members with encrypted keys, and the content.
    static func scratch() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("ca.pem", chain.authority.certificate.pem)
        for (name, identity) in [("chair", chain.member), ("secretary", secretary), ("inspector", inspector)] {
            try scratch.write("\(name).pem", identity.certificate.pem)
            try scratch.write("\(name).key", KeyEncryption.$testingIterations.withValue(1000) { try identity.key.encryptedPEM(passphrase: "cms-interop-passphrase") })
        }
        try scratch.write("minutes.txt", content)
        return scratch
    }

    static let cliVerify = ["cms", "-verify", "-binary", "-inform", "DER", "-in", "minutes.p7s",
                            "-content", "minutes.txt", "-CAfile", "ca.pem", "-out", "/dev/null"]

    @Test("`openssl cms -verify` accepts Swift's signatures, and refuses a changed byte")
    func cliVerifiesSwift() throws {
        let scratch = try Self.scratch()
        let single = try DetachedSignature.sign(Self.content, signers: [Self.chain.member])
        let cosigned = try single.addingSigner(Self.secretary, over: Self.content)
        let pair = try DetachedSignature.sign(Self.content, signers: [Self.chain.member, Self.secretary])
        for signature in [single, cosigned, pair] {
            try scratch.write("minutes.p7s", signature.der)
            try scratch.write("minutes.txt", Self.content)
            try OpenSSLCommand.expectSuccess(Self.cliVerify, in: scratch)
            var changed = Self.content
            changed[3] ^= 0x20
            try scratch.write("minutes.txt", changed)
            #expect(try !OpenSSLCommand.run(Self.cliVerify, in: scratch).succeeded)
        }
        let printed = String(decoding: try OpenSSLCommand.expectSuccess(
            ["cms", "-cmsout", "-print", "-inform", "DER", "-in", "minutes.p7s"], in: scratch), as: UTF8.self)
        #expect(printed.contains("eContent: <ABSENT>"))
    }

    @Test("Swift verifies `openssl cms -sign -binary -outform DER`, one or two signers, and cosigns it")
    func swiftVerifiesCLI() throws {
        let scratch = try Self.scratch()
        try OpenSSLCommand.expectSuccess(
            ["cms", "-sign", "-binary", "-outform", "DER", "-in", "minutes.txt", "-out", "one.p7s",
             "-signer", "chair.pem", "-inkey", "chair.key", "-passin", "pass:cms-interop-passphrase"], in: scratch)
        try OpenSSLCommand.expectSuccess(
            ["cms", "-sign", "-binary", "-outform", "DER", "-in", "minutes.txt", "-out", "two.p7s", "-passin", "pass:cms-interop-passphrase",
             "-signer", "chair.pem", "-inkey", "chair.key", "-signer", "secretary.pem", "-inkey", "secretary.key"], in: scratch)
        let seal = Self.chain.authority.certificate
        let one = try DetachedSignature(der: scratch.read("one.p7s"))
        #expect(try one.verify(Self.content, trustAnchor: seal) == [Self.chain.member.certificate])
        #expect(throws: SealError.self) { try one.verify(Self.content + [0], trustAnchor: seal) }
        let two = try DetachedSignature(der: scratch.read("two.p7s"))
        #expect(Set(try two.verify(Self.content, trustAnchor: seal)) == [Self.chain.member.certificate, Self.secretary.certificate])

        let cosigned = try one.addingSigner(Self.secretary, over: Self.content)
        #expect(try cosigned.verify(Self.content, trustAnchor: seal).count == 2)
        try scratch.write("minutes.p7s", cosigned.der)
        try OpenSSLCommand.expectSuccess(Self.cliVerify, in: scratch)
    }

    @Test("`openssl cms -decrypt` opens Swift's AES-256-GCM envelope")
    func cliOpensSwift() throws {
        let scratch = try Self.scratch()
        let envelope = try Envelope.seal(Self.content, for: [Self.inspector.certificate, Self.secretary.certificate])
        try scratch.write("archive.cms", envelope)
        for name in ["inspector", "secretary"] {
            let opened = try OpenSSLCommand.expectSuccess(
                ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", "archive.cms",
                 "-recip", "\(name).pem", "-inkey", "\(name).key", "-passin", "pass:cms-interop-passphrase"], in: scratch)
            #expect(opened == Self.content)
        }
        #expect(try !OpenSSLCommand.run(
            ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", "archive.cms",
             "-recip", "chair.pem", "-inkey", "chair.key", "-passin", "pass:cms-interop-passphrase"], in: scratch).succeeded)
        let printed = String(decoding: try OpenSSLCommand.expectSuccess(
            ["cms", "-cmsout", "-print", "-inform", "DER", "-in", "archive.cms"], in: scratch), as: UTF8.self)
        #expect(printed.contains("id-smime-ct-authEnvelopedData") && printed.contains("aes-256-gcm"))
    }

    @Test("Swift opens `openssl cms -encrypt -aes-256-gcm`")
    func swiftOpensCLI() throws {
        let scratch = try Self.scratch()
        try OpenSSLCommand.expectSuccess(
            ["cms", "-encrypt", "-aes-256-gcm", "-binary", "-outform", "DER", "-in", "minutes.txt", "-out", "archive.cms",
             "inspector.pem", "secretary.pem"], in: scratch)
        let envelope = try scratch.read("archive.cms")
        #expect(try Envelope.open(envelope, as: Self.inspector) == Self.content)
        #expect(try Envelope.open(envelope, as: Self.secretary) == Self.content)
        #expect(#expect(throws: SealError.self) { try Envelope.open(envelope, as: Self.chain.member) }?.code == .keyMismatch)
    }
}
