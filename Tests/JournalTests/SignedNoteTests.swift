import Journal
import Testing

@Suite("Signed notes (c2sp.org/signed-note)")
struct SignedNoteTests {
    static let session = HMACNoteKey(name: "pingshen.example/session-7", secret: "session key")
    static let secretary = HMACNoteKey(name: "pingshen.example/secretary", secret: "secretary key")
    static let text = "pingshen.example/session-7\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".bytes

    @Test("sign, write, parse: the same bytes, the same text, accepted")
    func roundTrip() throws {
        let note = try SignedNote(text: Self.text, signedBy: [Self.session])
        #expect(note.bytes == Self.text + [0x0A] + "— pingshen.example/session-7 ".bytes
            + Base64Probe.encode(keyID: Self.session.keyID, Self.session.sign(Self.text)) + [0x0A])
        let parsed = try SignedNote(parsing: note.bytes)
        #expect(parsed.bytes == note.bytes)
        #expect(parsed.text == Self.text)
        #expect(parsed.signatures == note.signatures)
        let verification = parsed.verify(with: [Self.session])
        #expect(verification.isAccepted)
        #expect(verification.isSigned(by: Self.session.name, keyID: Self.session.keyID))
    }

    @Test("a cosignature appends one line and keeps every earlier byte")
    func cosign() throws {
        let signed = try SignedNote(text: Self.text, signedBy: [Self.session])
        let cosigned = try signed.cosigned(by: Self.secretary)
        #expect(cosigned.bytes.starts(with: signed.bytes))
        #expect(cosigned.signatures.count == 2)
        let both = try SignedNote(parsing: cosigned.bytes).verify(with: [Self.session, Self.secretary])
        #expect(both.isAccepted && both.verified.count == 2)
        #expect(both.isSigned(by: Self.secretary.name, keyID: Self.secretary.keyID))
        // A verifier who trusts only the session key ignores the secretary's signature.
        let sessionOnly = cosigned.verify(with: [Self.session])
        #expect(sessionOnly.isAccepted)
        #expect(sessionOnly.unknown.map(\.name) == [Self.secretary.name])
        #expect(!sessionOnly.isSigned(by: Self.secretary.name, keyID: Self.secretary.keyID))
        #expect(throws: NoteError.duplicateSignature(name: Self.secretary.name, keyID: Self.secretary.keyID)) {
            try cosigned.cosigned(by: Self.secretary)
        }
    }

    @Test("unknown keys are reported, not errors — unless nothing known verifies")
    func unknownKeys() throws {
        let note = try SignedNote(text: Self.text, signedBy: [Self.secretary])
        let verification = note.verify(with: [Self.session])
        #expect(!verification.isAccepted)
        #expect(verification.verified.isEmpty && verification.failed.isEmpty)
        #expect(verification.unknown.count == 1)
        #expect(verification.description.contains("unknown key, ignored"))
        // Same name with another ID, or same ID with another name: still unknown (C2SP).
        let sameName = HMACNoteKey(name: Self.secretary.name, secret: "another secret")
        let sameID = RecordingVerifier(name: "pingshen.example/other", keyID: Self.secretary.keyID)
        let findings = note.verify(with: [sameName, sameID]).findings.map(\.outcome)
        #expect(findings == [.unknownKey])
        #expect(sameID.messages.isEmpty)
    }

    @Test("a changed text or signature fails, and one failure rejects the note")
    func failures() throws {
        let note = try SignedNote(text: Self.text, signedBy: [Self.session, Self.secretary])
        var tampered = note.bytes
        tampered[28] = UInt8(ascii: "3")  // the size line: 12 → 13
        let verification = try SignedNote(parsing: tampered).verify(with: [Self.session, Self.secretary])
        #expect(!verification.isAccepted)
        #expect(verification.failed.count == 2)

        // Secretary's signature replaced by another valid-looking one: session verifies, secretary fails.
        let forged = NoteSignatureLine.line(name: Self.secretary.name, keyID: Self.secretary.keyID, signature: [UInt8](repeating: 7, count: 32))
        let mixed = try SignedNote(parsing: Self.text + [0x0A] + NoteSignatureLine.of(note, 0) + forged)
        let outcome = mixed.verify(with: [Self.session, Self.secretary])
        #expect(outcome.findings.map(\.outcome) == [.verified, .failed])
        #expect(!outcome.isAccepted)
    }

    @Test("verification runs over the text bytes exactly as read")
    func exactBytes() throws {
        // "é" decomposed (e + U+0301): a re-encoding or normalisation would change the bytes.
        let text = "pingshen.example/caf\u{65}\u{301}\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".bytes
        let signer = FixedSigner(name: "k", keyID: 9)
        let note = try SignedNote(parsing: try SignedNote(text: text, signedBy: [signer]).bytes)
        let recorder = RecordingVerifier(name: "k", keyID: 9)
        #expect(note.verify(with: [recorder]).isAccepted)
        #expect(recorder.messages == [text])
    }

    /// A malformed note and the error it must give.
    struct Malformed: Sendable, CustomTestStringConvertible {
        let what: String
        let bytes: [UInt8]
        let error: NoteError
        var testDescription: String { what }
    }

    static let malformed: [Malformed] = {
        let good = "— k " + Base64Probe.string([0, 0, 0, 9, 0xAA])
        let cases: [(String, [UInt8], NoteError)] = [
            ("no blank line", "body\n\(good)\n".bytes, .missingBlankLine),
            ("no final newline", "body\n\n\(good)".bytes, .missingFinalNewline),
            ("no signature lines", "body\n\n".bytes, .noSignatures),
            ("only a blank line", "\n".bytes, .missingBlankLine),
            ("empty", [], .missingFinalNewline),
            ("hyphen, not em dash", "body\n\n- k AAAACao=\n".bytes, .malformedSignatureLine(line: 3)),
            ("en dash", "body\n\n– k AAAACao=\n".bytes, .malformedSignatureLine(line: 3)),
            ("no space after dash", "body\n\n—k AAAACao=\n".bytes, .malformedSignatureLine(line: 3)),
            ("no signature after name", "body\n\n— k\n".bytes, .malformedSignatureLine(line: 3)),
            ("empty name", "body\n\n—  AAAACao=\n".bytes, .invalidKeyName(line: 3, name: "")),
            ("plus in name", "body\n\n— a+b AAAACao=\n".bytes, .invalidKeyName(line: 3, name: "a+b")),
            ("ideographic space in name", "body\n\n— a\u{3000}b AAAACao=\n".bytes, .invalidKeyName(line: 3, name: "a\u{3000}b")),
            ("two spaces", "body\n\n— k  AAAACao=\n".bytes, .invalidBase64(line: 3)),
            ("trailing space", "body\n\n— k AAAACao= \n".bytes, .invalidBase64(line: 3)),
            ("unpadded base64", "body\n\n— k AAAACao\n".bytes, .invalidBase64(line: 3)),
            ("non-canonical base64", "body\n\n— k AAAACap=\n".bytes, .invalidBase64(line: 3)),
            ("URL-safe base64", "body\n\n— k AAAAC_o=\n".bytes, .invalidBase64(line: 3)),
            ("key ID only", "body\n\n— k AAAACQ==\n".bytes, .signatureTooShort(line: 3)),
            ("duplicate", "body\n\n\(good)\n\(good)\n".bytes, .duplicateSignature(name: "k", keyID: 9)),
            ("CRLF", "body\r\n\r\n\(good)\r\n".bytes, .controlCharacter(offset: 4)),
            ("tab in text", "bo\tdy\n\n\(good)\n".bytes, .controlCharacter(offset: 2)),
            ("NUL", "body\n\n\(good)\n".bytes + [0], .controlCharacter(offset: 21)),
            ("invalid UTF-8", "b".bytes + [0xFF] + "dy\n\n\(good)\n".bytes, .notUTF8),
            ("blank line after signatures", "body\n\n\(good)\n\n".bytes, .noSignatures),
        ]
        return cases.map { Malformed(what: $0.0, bytes: $0.1, error: $0.2) }
    }()

    @Test("strict parsing rejects every malformation with its reason", arguments: malformed)
    func strictParsing(_ bad: Malformed) {
        #expect(throws: bad.error, "\(bad.what)") { try SignedNote(parsing: bad.bytes) }
    }

    @Test("every truncated prefix of a one-signature note is rejected")
    func truncatedPrefixes() throws {
        let bytes = try SignedNote(text: Self.text, signedBy: [Self.session]).bytes
        for length in 0..<bytes.count {
            #expect(throws: NoteError.self, "prefix of \(length) bytes") { try SignedNote(parsing: Array(bytes.prefix(length))) }
        }
    }

    @Test("a prefix of a cosigned note parses only where a signature line ends, as that subset")
    func truncatedCosigned() throws {
        let note = try SignedNote(text: Self.text, signedBy: [Self.session, Self.secretary])
        let firstEnd = Self.text.count + 1 + NoteSignatureLine.of(note, 0).count
        for length in 0..<note.bytes.count {
            let prefix = Array(note.bytes.prefix(length))
            if length == firstEnd {
                let partial = try SignedNote(parsing: prefix)
                #expect(partial.signatures == [note.signatures[0]])
                // Dropping a cosignature is visible to a policy that requires it.
                #expect(!partial.verify(with: [Self.session, Self.secretary]).isSigned(by: Self.secretary.name, keyID: Self.secretary.keyID))
            } else {
                #expect(throws: NoteError.self, "prefix of \(length) bytes") { try SignedNote(parsing: prefix) }
            }
        }
    }

    @Test("signing refuses bad texts, bad names and failing keys")
    func signingErrors() {
        #expect(throws: NoteError.textWithoutFinalNewline) { try SignedNote(text: "body".bytes, signedBy: [Self.session]) }
        #expect(throws: NoteError.controlCharacter(offset: 4)) { try SignedNote(text: "body\r\n".bytes, signedBy: [Self.session]) }
        #expect(throws: NoteError.noSignatures) { try SignedNote(text: Self.text, signedBy: []) }
        #expect(throws: NoteError.invalidKeyName(line: nil, name: "has space")) {
            try SignedNote(text: Self.text, signedBy: [FixedSigner(name: "has space", keyID: 1)])
        }
        #expect(throws: NoteError.duplicateSignature(name: Self.session.name, keyID: Self.session.keyID)) {
            try SignedNote(text: Self.text, signedBy: [Self.session, Self.session])
        }
        #expect(throws: NoteError.signingFailed(name: "pingshen.example/locked", reason: "key is locked")) {
            try SignedNote(text: Self.text, signedBy: [FailingSigner()])
        }
    }

    @Test("64 signatures are accepted, 65 are not")
    func signatureLimit() throws {
        let signers = (0..<65).map { FixedSigner(name: "k\($0)", keyID: UInt32($0)) }
        let note = try SignedNote(text: Self.text, signedBy: Array(signers.prefix(64)))
        #expect(try SignedNote(parsing: note.bytes).signatures.count == 64)
        let extra = NoteSignatureLine.line(name: "k64", keyID: 64, signature: [0xAA])
        #expect(throws: NoteError.tooManySignatures(limit: 64)) { try SignedNote(parsing: note.bytes + extra) }
        #expect(throws: NoteError.tooManySignatures(limit: 64)) { try SignedNote(text: Self.text, signedBy: signers) }
    }

    @Test("a text with blank lines: signatures start after the last one (C2SP example)")
    func c2spExample() throws {
        let bytes = """
            Ognuno sta solo sul cuor della terra
            trafitto da un raggio di sole:

            ed è subito sera.

            — quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=

            """.bytes
        let note = try SignedNote(parsing: bytes)
        #expect(note.text == "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n".bytes)
        #expect(note.signatures.map(\.name) == ["quasimodo.example/salvatore"])
        #expect(note.signatures[0].signature.count == 64)  // Ed25519
    }

    @Test("golang.org/x/mod/sumdb/note: the PeterNeumann note and key ID")
    func goNote() throws {
        let bytes = """
            If you think cryptography is the answer to your problem,
            then you don't know what your problem is.

            — PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=

            """.bytes
        let note = try SignedNote(parsing: bytes)
        #expect(note.signatures.count == 1)
        #expect(note.signatures[0].name == "PeterNeumann")
        #expect(note.signatures[0].keyID == 0xc74f_20a3)
        #expect(note.signatures[0].signature.count == 64)
        // Verifier key "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW":
        // base64 of the type byte 0x01 and the Ed25519 public key.
        let typeAndKey = Base64Probe.decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        #expect(typeAndKey.first == 0x01)
        #expect(NoteKeyID.derive(name: "PeterNeumann", type: .ed25519, publicKey: typeAndKey.dropFirst()) == 0xc74f_20a3)
    }

    @Test("ECDSA (0x02) key IDs hash the SPKI alone: transparency-dev/formats' pixel6 key")
    func ecdsaKeyID() {
        // "pixel6_transparency_log+91c16e30+AjBZ…": 0x02 followed by the DER SubjectPublicKeyInfo.
        let key = Base64Probe.decode("AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABN+4x0Jk1yTwvLFI9A4NDdGZcX0aiWVdWM5XJVy0M4VWD3AvyW5Q6Hs9A0mcDkpUoYgn+KKPNzFC0H3nN3q6JQ8=")
        #expect(key.first == 0x02)
        #expect(NoteKeyID.derive(name: "pixel6_transparency_log", type: .ecdsaP256, publicKey: key.dropFirst()) == 0x91c1_6e30)
        #expect(NoteKeyID.derive(name: "any other name", type: .ecdsaP256, publicKey: key.dropFirst()) == 0x91c1_6e30)
        // SM2 follows the recommended form, so its key ID depends on the name.
        let sm2a = NoteKeyID.derive(name: "a", type: .sm2, publicKey: key.dropFirst())
        let sm2b = NoteKeyID.derive(name: "b", type: .sm2, publicKey: key.dropFirst())
        #expect(sm2a != sm2b)
        #expect(NoteSignatureType.sm2.identifier == [0xff] + "pingshen.sm2-sm3".bytes)
    }
}

/// Base64 for building test inputs (the library's own codec is internal).
enum Base64Probe {
    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: encode(bytes), as: UTF8.self)
    }

    static func encode(keyID: UInt32, _ signature: [UInt8]) -> [UInt8] {
        encode([UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xff), UInt8(keyID >> 8 & 0xff), UInt8(keyID & 0xff)] + signature)
    }

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 3, bytes.count)])
            let n = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for j in 0..<4 {
                out.append(j <= chunk.count ? alphabet[Int(n >> (18 - 6 * UInt32(j)) & 63)] : UInt8(ascii: "="))
            }
            i += 3
        }
        return out
    }

    static func decode(_ text: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var bits: UInt32 = 0, count = 0
        var out: [UInt8] = []
        for c in text.utf8 where c != UInt8(ascii: "=") {
            bits = bits << 6 | UInt32(alphabet.firstIndex(of: c)!)
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8(bits >> UInt32(count) & 0xff))
            }
        }
        return out
    }
}

/// Signature lines for building test notes.
enum NoteSignatureLine {
    static func line(name: String, keyID: UInt32, signature: [UInt8]) -> [UInt8] {
        "— \(name) ".bytes + Base64Probe.encode(keyID: keyID, signature) + [0x0A]
    }

    static func of(_ note: SignedNote, _ index: Int) -> [UInt8] {
        let s = note.signatures[index]
        return line(name: s.name, keyID: s.keyID, signature: s.signature)
    }
}
