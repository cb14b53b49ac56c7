import TextFormats

/// One signature line of a note: `— <name> base64(keyID ‖ signature)`.
public struct NoteSignature: Sendable, Hashable {
    /// The key name.
    public let name: String
    /// The key ID, the first four bytes of the decoded base64, big-endian.
    public let keyID: UInt32
    /// The signature proper, after the key ID.
    public let signature: [UInt8]

    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The signature line, newline included.
    var line: [UInt8] {
        SignedNote.dash + Array(name.utf8) + [0x20] + Base64.encodedBytes(NoteKeyID.bytes(keyID) + signature) + [0x0A]
    }
}

/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then
/// one or more signature lines.
///
///     origin.example/session-7
///     42
///     qz8C...=
///
///     — origin.example/session-7 AAAAAQ...
///
/// The text is kept as the exact bytes read or signed (STYLE 6): verification always runs over
/// those bytes, never over a re-encoding. Parsing is strict — anything the specification does
/// not allow is an error naming what is wrong — and checks syntax only: the text means nothing
/// until `verify(with:)` accepts it.
public struct SignedNote: Sendable {
    /// The note text, final newline included, separating blank line excluded.
    public let text: [UInt8]
    /// The signatures, in the order of their lines.
    public let signatures: [NoteSignature]
    /// The whole note, byte for byte as parsed or produced.
    public let bytes: [UInt8]

    /// More signatures than this are rejected (C2SP requires accepting at least 16).
    public static let maximumSignatures = 64

    static let dash: [UInt8] = [0xE2, 0x80, 0x94, 0x20]  // "— ": U+2014 EM DASH, space

    /// Parses a signed note, checking its syntax only.
    ///
    /// Rejected: invalid UTF-8; control characters other than newline; no final newline; no
    /// blank line before the signatures; no signatures; a line that is not
    /// `— <name> <base64>`; a key name that is empty or holds a space or `+`; base64 that is
    /// not canonical and padded; a signature shorter than key ID plus one byte; two signatures
    /// with the same key name and key ID; more than `maximumSignatures` signatures.
    ///
    /// - Complexity: O(*n*) in the note length.
    public init(parsing bytes: [UInt8]) throws(NoteError) {
        try Self.checkCharacters(bytes)
        guard bytes.last == 0x0A else { throw .missingFinalNewline }
        // The text ends at the last empty line (C2SP): find the last "\n\n".
        var split: Int?
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
                split = i
                break
            }
            i -= 1
        }
        guard let split else { throw .missingBlankLine }
        let text = Array(bytes[...split])
        let firstLine = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 2
        var signatures: [NoteSignature] = []
        var start = split + 2
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A)!  // the note ends in a newline
            let number = firstLine + signatures.count
            guard signatures.count < Self.maximumSignatures else { throw .tooManySignatures(limit: Self.maximumSignatures) }
            let signature = try Self.parseSignatureLine(bytes[start..<end], line: number)
            if signatures.contains(where: { $0.name == signature.name && $0.keyID == signature.keyID }) {
                throw .duplicateSignature(name: signature.name, keyID: signature.keyID)
            }
            signatures.append(signature)
            start = end + 1
        }
        guard !signatures.isEmpty else { throw .noSignatures }
        self.text = text
        self.signatures = signatures
        self.bytes = bytes
    }

    /// Signs `text` with each of `signers`, in order.
    ///
    /// - Throws: `NoteError` if the text is not a valid note text (UTF-8, no control characters
    ///   but newline, ending in a newline), if there is no signer, if a signer's name is not a
    ///   valid key name or repeats another's name and key ID, or if a signer fails.
    public init(text: [UInt8], signedBy signers: [any NoteSigner]) throws(NoteError) {
        try Self.checkCharacters(text)
        guard text.last == 0x0A else { throw .textWithoutFinalNewline }
        guard !signers.isEmpty else { throw .noSignatures }
        var note = SignedNote(text: text, signatures: [], bytes: text + [0x0A])
        for signer in signers {
            note = try note.cosigned(by: signer)
        }
        self = note
    }

    private init(text: [UInt8], signatures: [NoteSignature], bytes: [UInt8]) {
        self.text = text
        self.signatures = signatures
        self.bytes = bytes
    }

    /// This note with one more signature, by `signer`, over the same text bytes.
    ///
    /// Cosigning keeps every existing byte and appends one line, so earlier signatures stay
    /// valid — how the secretary countersigns a checkpoint the session key already signed.
    public func cosigned(by signer: any NoteSigner) throws(NoteError) -> SignedNote {
        guard Self.isValidKeyName(signer.name) else { throw .invalidKeyName(line: nil, name: signer.name) }
        guard !signatures.contains(where: { $0.name == signer.name && $0.keyID == signer.keyID }) else {
            throw .duplicateSignature(name: signer.name, keyID: signer.keyID)
        }
        guard signatures.count < Self.maximumSignatures else { throw .tooManySignatures(limit: Self.maximumSignatures) }
        let signature: [UInt8]
        do {
            signature = try signer.sign(text)
        } catch {
            throw .signingFailed(name: signer.name, reason: String(describing: error))
        }
        guard !signature.isEmpty else { throw .signingFailed(name: signer.name, reason: "empty signature") }
        let added = NoteSignature(name: signer.name, keyID: signer.keyID, signature: signature)
        return SignedNote(text: text, signatures: signatures + [added], bytes: bytes + added.line)
    }

    /// Checks every signature against the trusted `verifiers` and reports each outcome.
    ///
    /// A signature is checked by the verifiers with the same key name *and* key ID; one that
    /// matches no verifier is unknown and ignored, as C2SP requires, even if its name or its ID
    /// alone matches a trusted key. The note is accepted only if some known signature verifies
    /// and none fails (`NoteVerification.isAccepted`).
    ///
    /// - Complexity: one verification per signature with a known key.
    public func verify(with verifiers: [any NoteVerifier]) -> NoteVerification {
        var findings: [NoteVerification.Finding] = []
        for signature in signatures {
            let candidates = verifiers.filter { $0.name == signature.name && $0.keyID == signature.keyID }
            let outcome: NoteVerification.Outcome
            if candidates.isEmpty {
                outcome = .unknownKey
            } else if candidates.contains(where: { $0.verify(signature.signature, for: text) }) {
                outcome = .verified
            } else {
                outcome = .failed
            }
            findings.append(.init(signature: signature, outcome: outcome))
        }
        return NoteVerification(findings: findings)
    }

    /// Whether `name` may be a key name: non-empty, no Unicode space, no `+`, no control character.
    public static func isValidKeyName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains {
            $0 == "+" || $0.properties.isWhitespace || $0.value < 0x20
        }
    }

    private static func checkCharacters(_ bytes: [UInt8]) throws(NoteError) {
        if let offset = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x0A }) {
            throw .controlCharacter(offset: offset)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8 }
    }

    private static func parseSignatureLine(_ line: ArraySlice<UInt8>, line number: Int) throws(NoteError) -> NoteSignature {
        guard line.starts(with: dash) else { throw .malformedSignatureLine(line: number) }
        let rest = line.dropFirst(dash.count)
        guard let space = rest.firstIndex(of: 0x20) else { throw .malformedSignatureLine(line: number) }
        let name = String(decoding: rest[..<space], as: UTF8.self)
        guard isValidKeyName(name) else { throw .invalidKeyName(line: number, name: name) }
        guard let decoded = Base64.decode(rest[(space + 1)...]) else { throw .invalidBase64(line: number) }
        guard decoded.count > 4 else { throw .signatureTooShort(line: number) }
        return NoteSignature(name: name, keyID: NoteKeyID.bigEndian(decoded.prefix(4)), signature: Array(decoded.dropFirst(4)))
    }
}

/// What each signature of a note came to, and whether the note is accepted.
///
/// Every signature gets a finding (STYLE 5): the verifier can report all of them, including
/// signatures by keys it does not know, which are not errors.
public struct NoteVerification: Sendable, Hashable, CustomStringConvertible {
    /// What checking one signature came to.
    public enum Outcome: Sendable, Hashable {
        /// A trusted key with this name and ID signed the text.
        case verified
        /// A trusted key has this name and ID, but the signature does not verify.
        case failed
        /// No trusted key has this name and ID: ignored.
        case unknownKey
    }

    /// One signature and its outcome.
    public struct Finding: Sendable, Hashable {
        public let signature: NoteSignature
        public let outcome: Outcome
    }

    /// One finding per signature line, in note order.
    public let findings: [Finding]

    /// Signatures by trusted keys that verified.
    public var verified: [NoteSignature] { findings.filter { $0.outcome == .verified }.map(\.signature) }
    /// Signatures by trusted keys that did not verify.
    public var failed: [NoteSignature] { findings.filter { $0.outcome == .failed }.map(\.signature) }
    /// Signatures by keys not among the verifiers.
    public var unknown: [NoteSignature] { findings.filter { $0.outcome == .unknownKey }.map(\.signature) }

    /// C2SP's rule: at least one signature by a trusted key verifies, and none fails.
    public var isAccepted: Bool { !verified.isEmpty && failed.isEmpty }

    /// Whether the trusted key `name`/`keyID` signed the note — for policies that need a
    /// particular cosigner (the secretary on round-close checkpoints).
    public func isSigned(by name: String, keyID: UInt32) -> Bool {
        verified.contains { $0.name == name && $0.keyID == keyID }
    }

    public var description: String {
        var lines: [String] = [isAccepted ? "签注有效 (note accepted)" : "签注无效 (note rejected)"]
        if verified.isEmpty { lines.append("  没有受信任密钥的有效签名 (no signature by a trusted key verifies)") }
        for finding in findings {
            let key = "\(finding.signature.name) \(String(finding.signature.keyID, radix: 16))"
            switch finding.outcome {
            case .verified: lines.append("  ✓ \(key): 签名有效 (verified)")
            case .failed: lines.append("  ✗ \(key): 签名无效 (does not verify)")
            case .unknownKey: lines.append("  · \(key): 未知密钥，已忽略 (unknown key, ignored)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
