/// A statement signed by a person holding a committee certificate: the exact text and its signature.
public struct SignedStatement: Codable, Sendable, Equatable {
    /// The statement's text; its UTF-8 bytes are what was signed.
    public var text: String
    /// `cms`: a detached CMS SignedData (P-256), verifiable with `openssl cms -verify -binary`;
    /// `sm2`: a DER SM2 signature (SM3, ID 1234567812345678) by the certificate's key, as OpenSSL 3.0
    /// cannot make CMS with SM2.
    public var format: String
    /// Base64 of the signature (the CMS DER, or the SM2 signature).
    public var signature: String
    /// Base64 DER of the signer's certificate.
    public var certificate: String

    public init(text: String, format: String, signature: String, certificate: String) {
        self.text = text
        self.format = format
        self.signature = signature
        self.certificate = certificate
    }
}

/// What a signed meeting is sealed with, fixed at opening (SPEC.md §2).
public struct MeetingSeal: Codable, Sendable, Equatable {
    /// Base64 DER of the committee seal's certificate: the trust root.
    public var committeeCertificate: String
    /// Base64 SubjectPublicKeyInfo DER of the fresh session key that signs checkpoints.
    public var sessionKey: String
    /// The session key's scheme: `ecdsa-p256-sha256` or `sm2-sm3`.
    public var algorithm: String
    /// The checkpoint origin line and the session key's note name.
    public var origin: String
    public var keyName: String
    /// The host's statement binding the session key (and the witness) to this meeting.
    public var statement: SignedStatement
    /// The witness on another device that cosigns every checkpoint (SPEC.md §2); nil when the
    /// meeting was opened with `--no-witness` (and then V15 is not met).
    public var witness: WitnessBinding?

    public init(committeeCertificate: String, sessionKey: String, algorithm: String, origin: String, keyName: String,
                statement: SignedStatement, witness: WitnessBinding? = nil) {
        self.committeeCertificate = committeeCertificate
        self.sessionKey = sessionKey
        self.algorithm = algorithm
        self.origin = origin
        self.keyName = keyName
        self.statement = statement
        self.witness = witness
    }
}

/// The witness a signed meeting names at its opening: where it is, and the certificate (issued by
/// the committee seal, role witness) whose Ed25519 key cosigns the meeting's checkpoints.
public struct WitnessBinding: Codable, Sendable, Equatable {
    /// The witness's base URL as the chair gave it, e.g. `http://192.168.1.20:7380`.
    public var url: String
    /// Base64 DER of the witness's certificate.
    public var certificate: String
    /// The witness's cosignature key name (`pingshen.witness.<serial prefix>`).
    public var name: String

    public init(url: String, certificate: String, name: String) {
        self.url = url
        self.certificate = certificate
        self.name = name
    }
}

/// A signed checkpoint of the journal (C2SP signed note), covering every entry before it.
public struct CheckpointSigned: Codable, Sendable, Equatable {
    /// The whole signed note: checkpoint text, blank line, signature lines.
    public var note: String
    /// Base64 DER certificates of cosigners (the recorder at close); the session key is in the opening seal.
    public var cosigners: [String]

    public init(note: String, cosigners: [String]) {
        self.note = note
        self.cosigners = cosigners
    }
}

/// A document's signature, added after (or before) the close: minutes, result forms (R13, R14).
public struct DocumentSigned: Codable, Sendable, Equatable {
    /// `minutes`, `result-form`, …
    public var document: String
    /// The candidate a result form is for; nil otherwise.
    public var candidate: CandidateID?
    /// The document's file, relative to the session folder, and the SHA-256 (hex) of its bytes.
    public var file: String
    public var sha256: String
    /// The detached signature's file, relative to the session folder, and its SHA-256 (hex).
    public var signatureFile: String
    public var signatureSHA256: String
    /// `host`, `recorder` or `seal`.
    public var signer: String
    /// Base64 DER of the signer's certificate.
    public var certificate: String
    /// The user's templates the paper was printed with (`--templates`), copied into the folder;
    /// nil when only the shipped templates were used. The verifier re-renders a result form with
    /// them and names them, so an inspector knows whose wording the paper carries.
    public var templates: [SignedTemplate]?

    public init(document: String, candidate: CandidateID?, file: String, sha256: String, signatureFile: String,
                signatureSHA256: String, signer: String, certificate: String, templates: [SignedTemplate]? = nil) {
        self.document = document
        self.candidate = candidate
        self.file = file
        self.sha256 = sha256
        self.signatureFile = signatureFile
        self.signatureSHA256 = signatureSHA256
        self.signer = signer
        self.certificate = certificate
        self.templates = templates
    }
}

/// One user template a signed paper was printed with: its name as the printer knows it
/// (`result-form.html`), its copy in the session folder and that copy's SHA-256 (hex).
public struct SignedTemplate: Codable, Sendable, Equatable {
    public var name: String
    public var file: String
    public var sha256: String

    public init(name: String, file: String, sha256: String) {
        self.name = name
        self.file = file
        self.sha256 = sha256
    }
}
