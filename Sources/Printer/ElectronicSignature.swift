import Records

/// A signature recorded on a paper (`document.signed`), as a print copy states it: who signed
/// in which role, when, and the SHA-256 of the signed file.
///
/// A signed file cannot carry its own hash, nor the signatures made over it; so the papers
/// `minutes sign` and `forms sign` file in `out/` are rendered without these lines, and a print
/// copy rendered afterwards (`pingshen render`) carries them, naming the signed file and the
/// first 16 hex digits of its SHA-256, for anyone to compare with `sha256sum out/…`.
public struct ElectronicSignature: Sendable, Equatable {
    /// `host`, `recorder` or `seal`.
    public var role: String
    /// The name on the signer's certificate (its common name).
    public var signer: String
    /// When the signature was recorded (the entry's timestamp).
    public var at: String
    /// `minutes` or `result-form`.
    public var document: String
    public var candidate: CandidateID?
    /// The signed file, relative to the session folder (`out/评审会议记录.html`).
    public var file: String
    /// SHA-256 (hex) of the signed file.
    public var sha256: String

    public init(role: String, signer: String, at: String, document: String, candidate: CandidateID?, file: String, sha256: String) {
        self.role = role
        self.signer = signer
        self.at = at
        self.document = document
        self.candidate = candidate
        self.file = file
        self.sha256 = sha256
    }

    /// `主持人`, `记录人`, `评委会印章`.
    package var roleChinese: String {
        switch role {
        case "host": "主持人"
        case "recorder": "记录人"
        case "seal": "评委会印章"
        default: role
        }
    }
}

/// One signature line of a print copy. Template fields: `role`, `signer`, `at`
/// (`2026年11月26日 12:10`), `file`, `digest` (the first 16 hex digits of the SHA-256).
package struct SignatureLine: Sendable {
    var role: String
    var signer: String
    var at: String
    var file: String
    var digest: String

    package init(_ s: ElectronicSignature) {
        role = s.roleChinese
        signer = s.signer
        at = Numbers.chineseDate(s.at) + " " + Numbers.clock(s.at)
        file = s.file
        digest = String(s.sha256.prefix(16))
    }

    /// The lines of the signatures made over `document` (for `candidate`), in the order made.
    package static func lines(_ all: [ElectronicSignature], document: String, candidate: CandidateID? = nil) -> [SignatureLine] {
        all.filter { $0.document == document && $0.candidate == candidate }.map(SignatureLine.init)
    }
}
