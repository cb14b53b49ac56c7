import Journal
import Testing

@Suite("Checkpoints (c2sp.org/tlog-checkpoint)")
struct CheckpointTests {
    static let session = HMACNoteKey(name: "pingshen.example/session-7", secret: "session key")
    static let secretary = HMACNoteKey(name: "pingshen.example/secretary", secret: "secretary key")
    static let root = TreeHash(hex: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")!

    @Test("text is origin, size, base64 root, each line ending in a newline; parsing gives it back")
    func roundTrip() throws {
        let checkpoint = try Checkpoint(origin: "pingshen.example/session-7", size: 8, root: Self.root)
        #expect(checkpoint.text == "pingshen.example/session-7\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n".bytes)
        #expect(try Checkpoint(parsing: checkpoint.text) == checkpoint)
        let extended = try Checkpoint(origin: "o", size: 0, root: .emptyTree, extensions: ["第一轮投票结束", "x"])
        let parsed = try Checkpoint(parsing: extended.text)
        #expect(parsed.extensions == ["第一轮投票结束", "x"])
        #expect(parsed == extended)
        #expect(throws: CheckpointError.emptyLine(line: 4)) { try Checkpoint(origin: "o", size: 0, root: .emptyTree, extensions: [""]) }
        #expect(throws: CheckpointError.emptyLine(line: 1)) { try Checkpoint(origin: "", size: 0, root: .emptyTree) }
        #expect(throws: CheckpointError.controlCharacter(line: 1)) { try Checkpoint(origin: "a\nb", size: 0, root: .emptyTree) }
    }

    @Test("the tlog-checkpoint example parses")
    func specExample() throws {
        let signed = try SignedCheckpoint(parsing: """
            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=

            """.bytes)
        #expect(signed.checkpoint.origin == "example.com/behind-the-sofa")
        #expect(signed.checkpoint.size == 20_852_163)
        #expect(signed.checkpoint.root.base64 == "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")
        #expect(signed.note.signatures.first?.name == "example.com/behind-the-sofa")
    }

    static let sizeLines: [(String, UInt64?)] = [
        ("0", 0), ("1", 1), ("20852163", 20_852_163), ("18446744073709551615", .max),
        ("18446744073709551616", nil), ("99999999999999999999", nil), ("00", nil), ("01", nil),
        ("-1", nil), ("+1", nil), (" 1", nil), ("1 ", nil), ("1e3", nil), ("0x10", nil), ("１", nil),
    ]

    @Test("the size must be canonical decimal within 64 bits", arguments: sizeLines.map(\.0))
    func sizeLine(_ text: String) {
        let want = Self.sizeLines.first { $0.0 == text }!.1
        let parsed = try? Checkpoint(parsing: "o\n\(text)\n\(Self.root.base64)\n".bytes)
        #expect(parsed?.size == want, "size line \(text.debugDescription)")
        if want == nil {
            #expect(throws: CheckpointError.sizeNotCanonical) { try Checkpoint(parsing: "o\n\(text)\n\(Self.root.base64)\n".bytes) }
        }
    }

    @Test("the root must be canonical base64 of exactly 32 bytes")
    func roots() {
        func parse(_ root: String) throws(CheckpointError) -> Checkpoint { try Checkpoint(parsing: "o\n1\n\(root)\n".bytes) }
        let good = Self.root.base64  // ends in "=": 32 bytes leave one pad character
        #expect(throws: CheckpointError.rootWrongLength(count: 31)) { try parse(Base64Probe.string(Array(Self.root.bytes.dropLast()))) }
        #expect(throws: CheckpointError.rootWrongLength(count: 33)) { try parse(Base64Probe.string(Self.root.bytes + [0])) }
        #expect(throws: CheckpointError.rootWrongLength(count: 48)) { try parse(Base64Probe.string(Self.root.bytes + Self.root.bytes.prefix(16))) }
        #expect(throws: CheckpointError.rootNotBase64) { try parse(String(good.dropLast())) }                 // unpadded
        #expect(throws: CheckpointError.rootNotBase64) { try parse(String(good.dropLast(2)) + "h=") }        // non-zero pad bits
        #expect(throws: CheckpointError.rootNotBase64) { try parse(good.replacingOccurrences(of: "+", with: "-")) }  // URL-safe
        #expect(throws: CheckpointError.rootNotBase64) { try parse(good + " ") }
    }

    @Test("structure: three non-empty lines at least, and a final newline")
    func structure() {
        let r = Self.root.base64
        #expect(throws: CheckpointError.tooFewLines(count: 2)) { try Checkpoint(parsing: "o\n1\n".bytes) }
        #expect(throws: CheckpointError.missingFinalNewline) { try Checkpoint(parsing: "o\n1\n\(r)".bytes) }
        #expect(throws: CheckpointError.emptyLine(line: 1)) { try Checkpoint(parsing: "\n1\n\(r)\n".bytes) }
        #expect(throws: CheckpointError.emptyLine(line: 4)) { try Checkpoint(parsing: "o\n1\n\(r)\n\nx\n".bytes) }
        #expect(throws: CheckpointError.controlCharacter(line: 2)) { try Checkpoint(parsing: "o\n1\r\n\(r)\n".bytes) }
        #expect(throws: CheckpointError.notUTF8) { try Checkpoint(parsing: [0xC3, 0x0A] + "1\n\(r)\n".bytes) }
    }

    @Test("signed by the session key, cosigned by the secretary, parsed and verified")
    func signedCheckpoint() throws {
        let checkpoint = try Checkpoint(origin: Self.session.name, size: 8, root: Self.root)
        let signed = try SignedCheckpoint(checkpoint, signedBy: [Self.session]).cosigned(by: Self.secretary)
        let parsed = try SignedCheckpoint(parsing: signed.bytes)
        #expect(parsed.checkpoint == checkpoint)
        #expect(parsed.note.text == checkpoint.text)
        let verification = parsed.verify(with: [Self.session, Self.secretary])
        #expect(verification.isAccepted)
        #expect(verification.isSigned(by: Self.secretary.name, keyID: Self.secretary.keyID))
    }

    @Test("every truncated prefix of a signed checkpoint is rejected")
    func truncatedPrefixes() throws {
        let checkpoint = try Checkpoint(origin: Self.session.name, size: 8, root: Self.root)
        let bytes = try SignedCheckpoint(checkpoint, signedBy: [Self.session]).bytes
        for length in 0..<bytes.count {
            #expect(throws: CheckpointError.self, "prefix of \(length) bytes") {
                try SignedCheckpoint(parsing: Array(bytes.prefix(length)))
            }
        }
    }

    @Test("note errors and text errors are told apart")
    func layeredErrors() {
        let r = Self.root.base64
        let sig = "— k " + Base64Probe.string([0, 0, 0, 9, 0xAA]) + "\n"
        #expect(throws: CheckpointError.note(.missingBlankLine)) { try SignedCheckpoint(parsing: "o\n1\n\(r)\n\(sig)".bytes) }
        // A blank line inside the text makes it part of the text: then an empty checkpoint line.
        #expect(throws: CheckpointError.emptyLine(line: 2)) { try SignedCheckpoint(parsing: "o\n\n1\n\(r)\n\n\(sig)".bytes) }
        #expect(throws: CheckpointError.sizeNotCanonical) { try SignedCheckpoint(parsing: "o\n01\n\(r)\n\n\(sig)".bytes) }
    }

    @Test("a checkpoint over a journal: its root is the journal tree's root at its size")
    func overJournal() throws {
        let text = JournalTreeTests.journal(30)
        let tree = JournalTree(text)
        let checkpoint = try Checkpoint(origin: Self.session.name, size: 21, root: try tree.root(ofSize: 21))
        let signed = try SignedCheckpoint(parsing: try SignedCheckpoint(checkpoint, signedBy: [Self.session]).bytes)
        #expect(signed.verify(with: [Self.session]).isAccepted)
        #expect(try tree.root(ofSize: signed.checkpoint.size) == signed.checkpoint.root)
        let later = try tree.consistencyProof(from: 21, to: 30)
        #expect(later.verify(oldRoot: signed.checkpoint.root, newRoot: tree.merkle.root).isVerified)
    }
}
