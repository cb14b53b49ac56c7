import Foundation
import Testing
@testable import Seal

/// CMS AuthEnvelopedData (AES-256-GCM) made and opened in Swift.
struct EnvelopeTests {
    static let inspector = try! Chain.p256.issueMember("赵监督", role: .inspector)
    static let secretary = try! Chain.p256.issueMember("刘记录", role: .secretary)
    static let archive = Array((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) })

    @Test("Every recipient opens the envelope; others cannot")
    func recipients() throws {
        let envelope = try Envelope.seal(Self.archive, for: [Self.inspector.certificate, Self.secretary.certificate])
        #expect(try Envelope.open(envelope, as: Self.inspector) == Self.archive)
        #expect(try Envelope.open(envelope, as: Self.secretary) == Self.archive)
        let error = #expect(throws: SealError.self) { try Envelope.open(envelope, as: Chain.p256.member) }
        #expect(error?.code == .keyMismatch)
        #expect(try Envelope.open(try Envelope.seal([UInt8](), for: [Self.inspector.certificate]), as: Self.inspector) == [])
    }

    @Test("Each sealing draws a fresh content key")
    func freshKeys() throws {
        let first = try Envelope.seal(Self.archive, for: [Self.inspector.certificate])
        let second = try Envelope.seal(Self.archive, for: [Self.inspector.certificate])
        #expect(first != second)
    }

    @Test("An altered ciphertext fails authentication")
    func tampered() throws {
        let envelope = try Envelope.seal(Self.archive, for: [Self.inspector.certificate])
        // The ciphertext is the bulk of the envelope; change a byte in its middle and one near its end.
        for index in [envelope.count / 2, envelope.count - 40] {
            var altered = envelope
            altered[index] ^= 0x80
            #expect(throws: SealError.self) { try Envelope.open(altered, as: Self.inspector) }
        }
    }

    @Test("SM2 recipients and empty recipient lists are refused")
    func refusals() throws {
        #expect(#expect(throws: SealError.self) { try Envelope.seal(Self.archive, for: [Chain.sm2.member.certificate]) }?.code == .unsupported)
        #expect(#expect(throws: SealError.self) { try Envelope.seal(Self.archive, for: []) }?.code == .malformed)
    }
}
