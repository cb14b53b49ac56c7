import Documents
import Foundation
import Records
import Review
import Seal
import Workspace

/// Sealed sample sessions made in-process through the session engine (tests may use it; the
/// verifier never does), with their minutes and result forms signed.
struct SampleSession: @unchecked Sendable {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path

    let path: String
    let committee: TestCommittee?
    /// The sealed session's witness (nil for a drill, or a meeting opened without one).
    let witness: TestWitness?
    var pins: [MemberID: String] = [:]

    /// A folder at `time` (HH:MM on the meeting day); the witness's clock says the same.
    func at(_ hhmm: String) -> SessionFolder {
        let time = "2026-11-26T\(hhmm):00+08:00"
        if let witness, let seconds = ShanghaiTime.parse(time) { witness.set(Date(timeIntervalSince1970: TimeInterval(seconds))) }
        return SessionFolder(path: path, clock: FixedClock(time), witness: witness?.client)
    }

    /// Founds a session from the sample inputs (or `settings` text instead of the sample's).
    init(committee: TestCommittee?, settings: String? = nil, registry: String? = nil, witnessed: Bool = true, witnessOffset: TimeInterval = 0) throws {
        let root = try Temporary.directory("session")
        var settingsPath = Self.samples + "/session.toml"
        if let settings {
            settingsPath = root + "/session.toml"
            try Data(settings.utf8).write(to: URL(fileURLWithPath: settingsPath))
        }
        path = root + "/session"
        self.committee = committee
        witness = witnessed ? try committee.map { try TestWitness($0, offset: witnessOffset) } : nil
        let sources = SessionSources(settings: settingsPath, members: Self.samples + "/members.csv", candidates: Self.samples + "/candidates.csv",
                                     registry: registry, committeeCertificate: committee?.sealPaths.certificate)
        _ = try SessionFolder.create(at: path, from: sources, clock: FixedClock("2026-11-26T08:30:00+08:00"))
    }

    static func ids(_ numbers: [Int]) -> [MemberID] { numbers.map { $0 < 10 ? "M0\($0)" : "M\($0)" } }

    mutating func checkIn(_ members: [MemberID], at time: String) throws {
        for (m, pin) in try at(time).openForWriting().checkIn(members).pins { pins[m] = pin }
    }

    /// One teller's reading of one sheet, signed with the teller's certificate in a sealed meeting.
    func enter(_ teller: String, sheet: Int, _ marks: [CandidateID: [String]], at time: String) throws {
        _ = try at(time).openForWriting().enterSheet(teller: teller, sheet: sheet, marks: marks, identity: committee?.teller(teller))
    }

    func run(_ command: Command, at time: String) throws {
        try at(time).run(command)
    }

    func open(host: MemberID, at time: String) throws {
        if let committee {
            _ = try at(time).openForWriting().openMeeting(host: host, recorder: "王秘书", agenda: [], identity: committee.files(committee.chairPaths),
                                                          committeeCertificate: nil,
                                                          witness: witness == nil ? .none : .at(url: TestWitness.url, certificate: committee.witnessPaths.certificate))
        } else {
            try run(.openMeeting(host: host, recorder: "王秘书", agenda: [], seal: nil), at: time)
        }
    }

    /// Every voter of the open round votes (but `skip`): for each candidate the first `yes`
    /// voters mark 同意, the next `no` 不同意, the next `abstain` 弃权; the rest leave it blank.
    func castAll(_ plan: [CandidateID: (yes: Int, no: Int, abstain: Int)], skip: Set<MemberID> = [], at time: String) throws {
        let folder = at(time)
        let round = try folder.state().openRound!
        for (index, member) in round.opened.eligible.enumerated() where !skip.contains(member) {
            var choices: [CandidateID: Choice] = [:]
            for (c, p) in plan {
                if index < p.yes { choices[c] = .yes } else if index < p.yes + p.no { choices[c] = .no } else if index < p.yes + p.no + p.abstain { choices[c] = .abstain }
            }
            try folder.openForWriting().castBallot(member: member, pin: pins[member]!, choices: choices)
        }
    }

    /// One electronic round for `candidates`, opened and closed at the given times.
    func electronicRound(_ candidates: [CandidateID], _ plan: [CandidateID: (yes: Int, no: Int, abstain: Int)], open: String, close: String, skip: Set<MemberID> = []) throws {
        _ = try at(open).openForWriting().openRound(candidates, paper: false)
        try castAll(plan, skip: skip, at: open)
        _ = try at(close).openForWriting().closeRound()
    }

    func close(at time: String) throws {
        if let committee {
            _ = try at(time).openForWriting().closeMeeting(recorder: committee.files(committee.secretaryPaths))
        } else {
            _ = try at(time).openForWriting().closeMeeting(recorder: nil)
        }
    }

    /// Writes `text` as `out/NAME` and records its detached signature by `identity` as `signer`.
    func sign(document: String, candidate: CandidateID?, name: String, text: String, signer: String, identity: Identity, at time: String) throws {
        let out = path + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let bytes: [UInt8]
        if let existing = FileManager.default.contents(atPath: out + "/" + name) {
            bytes = Array(existing)
        } else {
            bytes = Array(text.utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + name))
        }
        let signature: [UInt8]
        if identity.key.algorithm == .p256 {
            signature = try DetachedSignature.sign(bytes, signers: [identity]).der
        } else {
            signature = try identity.key.signature(for: bytes)
        }
        let signatureName = "\(name).\(signer).p7s"
        try Data(signature).write(to: URL(fileURLWithPath: out + "/" + signatureName))
        let record = DocumentSigned(document: document, candidate: candidate, file: "out/" + name, sha256: Digest.sha256Hex(bytes),
                                    signatureFile: "out/" + signatureName, signatureSHA256: Digest.sha256Hex(signature), signer: signer,
                                    certificate: Data(identity.certificate.der).base64EncodedString())
        try run(.recordDocumentSignature(record), at: time)
    }

    /// How a session's result forms are signed: one file per counted candidate, or one bundle.
    enum Forms { case individual, bundle }

    /// Signs the minutes (host and recorder) and the result forms (host and seal).
    func signDocuments(forms: Forms, at time: String) throws {
        guard let committee else { return }
        let state = try at(time).state()
        try sign(document: "minutes", candidate: nil, name: "minutes.md", text: "# 评审会议记录\n\n\(state.settings.name)，\(state.settings.date)。\n",
                 signer: "host", identity: committee.chair, at: time)
        try sign(document: "minutes", candidate: nil, name: "minutes.md", text: "", signer: "recorder", identity: committee.secretary, at: time)
        // The forms as the session prints them: the verifier prints them again (V11).
        let renderer = DocumentRenderer(templates: try TemplateLibrary.shipped())
        switch forms {
        case .individual:
            for form in try renderer.resultForms(state, format: .md) {
                let c = form.candidate
                try sign(document: "result-form", candidate: c, name: form.fileName, text: form.text, signer: "host", identity: committee.chair, at: time)
                try sign(document: "result-form", candidate: c, name: form.fileName, text: form.text, signer: "seal", identity: committee.seal, at: time)
            }
        case .bundle:
            let text = try renderer.resultFormsTogether(state, format: .md).text
            try sign(document: "result-forms", candidate: nil, name: "result-forms.md", text: text, signer: "host", identity: committee.chair, at: time)
            try sign(document: "result-forms", candidate: nil, name: "result-forms.md", text: text, signer: "seal", identity: committee.seal, at: time)
        }
    }
}
