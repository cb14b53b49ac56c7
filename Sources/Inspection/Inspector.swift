import Foundation
import Journal
import Records
import Seal

/// What the inspector brings from outside the session: the trust roots, the committee's past
/// decisions, and whether unsigned drills are acceptable.
public struct InspectionOptions: Sendable {
    /// The committee seals' certificates the inspector trusts (`--committee-cert`). Empty: the
    /// root is not pinned, and a signed session fails V3 — unless ``unpinned`` asks for a dry look.
    public var pinnedCommittees: [Certificate]
    /// Past decisions of the committees (`--registry`), added to those in `session.created` for V9.
    public var registry: [PastDecision]
    /// Whether an unsigned drill may pass (`--allow-unsigned`); by default it fails V2 and V3.
    public var allowUnsigned: Bool
    /// A dry look without a pinned root (`--unpinned`, when ``pinnedCommittees`` is empty): the
    /// unpinned seal is only a warning in V3, and the report never passes — it has no
    /// conclusion at best (SPEC.md §4: without a pinned root verification does not pass).
    public var unpinned: Bool

    public init(pinnedCommittees: [Certificate] = [], registry: [PastDecision] = [], allowUnsigned: Bool = false, unpinned: Bool = false) {
        self.pinnedCommittees = pinnedCommittees
        self.registry = registry
        self.allowUnsigned = allowUnsigned
        self.unpinned = unpinned
    }

    /// Whether this is a dry look: asked for, and no root given.
    var isDryLook: Bool { unpinned && pinnedCommittees.isEmpty }
}

/// The inspector's verifier: checks one session's raw records against V1–V15 and reports every
/// finding. It reads only the journal and the folder's files, and never the session engine.
///
/// The records are hostile input: it follows no symbolic link and reads no special file in a
/// folder, reads no file above its cap (``ReadLimits``), and whatever it prints of them is
/// made safe for a terminal (``SafeText``).
///
///     let report = Inspector(options).verify(.folder("2026-电子信息高评"), path: "2026-电子信息高评")
///     print(report.passed)
public struct Inspector: Sendable {
    public var options: InspectionOptions

    public init(_ options: InspectionOptions = InspectionOptions()) {
        self.options = options
    }

    /// Every check over the session in `files`; `path` is how the report names it.
    public func verify(_ files: SessionFiles, path: String) -> SessionReport {
        let cache = CertificateCache()
        return verify(files, path: path, cache: cache)
    }

    /// As `verify(_:path:)`, reusing certificates already parsed by this worker.
    func verify(_ files: SessionFiles, path: String, cache: CertificateCache) -> SessionReport {
        let bytes: [UInt8]?
        do { bytes = try files.contents(of: "journal.jsonl") } catch {
            return SessionReport(path: path, unreadable: "无法读取会议日志：\(error) (the journal cannot be read)")
        }
        guard let bytes, !bytes.isEmpty else {
            return SessionReport(path: path, unreadable: "没有会议日志 journal.jsonl，或日志为空 (no journal.jsonl, or it is empty)")
        }
        let journal = JournalRecord(bytes: bytes)
        let evidence = Evidence(files: files, journal: journal, facts: SessionFacts(journal), options: options, cache: cache)
        var report = SessionReport(path: path)
        report.unpinned = options.isDryLook
        report.session = evidence.facts.session
        report.committee = evidence.facts.settings?.name
        report.date = evidence.facts.settings?.date
        report.counted = evidence.facts.counted.count
        report.checks = Self.checks.map { $0(evidence) }
        report.ballots = report.checks[CheckID.v7.rawValue - 1].count
        report.credentialChecks = evidence.counters.credentials
        report.checkpointSignatureChecks = evidence.counters.signatures
        return report
    }
}

extension Inspector {
    /// The checks, V1 … V15 in order.
    static let checks: [@Sendable (Evidence) -> CheckResult] = [
        WellFormed.check, Checkpoints.check, Statement.check, Quorum.check, Eligibility.check, Credentials.check,
        Ballots.check, Recount.check, ReReview.check, PaperSheets.check, Documents.check, Closing.check, Folder.check,
        Observers.check, WitnessCheck.check,
    ]

    /// How long each phase of verifying `files` takes: reading the journal, gathering the facts,
    /// and each check — for the benchmark's profile, not for reports.
    public func timings(_ files: SessionFiles) -> [(phase: String, duration: Duration)] {
        let clock = ContinuousClock()
        var out: [(String, Duration)] = []
        var journal: JournalRecord!
        out.append(("read journal", clock.measure { journal = JournalRecord(bytes: files.read("journal.jsonl") ?? []) }))
        var facts: SessionFacts!
        out.append(("facts", clock.measure { facts = SessionFacts(journal) }))
        let evidence = Evidence(files: files, journal: journal, facts: facts, options: options, cache: CertificateCache())
        for (id, check) in zip(CheckID.allCases, Self.checks) {
            out.append((id.name, clock.measure { _ = check(evidence) }))
        }
        return out
    }
}

/// What every check reads: the session's files, its journal, the facts gathered from it, the
/// inspector's options, and the seal material several checks share.
final class Evidence {
    let files: SessionFiles
    let journal: JournalRecord
    let facts: SessionFacts
    let options: InspectionOptions
    let cache: CertificateCache
    /// Signature checks done, for the benchmark's accounting.
    var counters = (credentials: 0, signatures: 0)

    init(files: SessionFiles, journal: JournalRecord, facts: SessionFacts, options: InspectionOptions, cache: CertificateCache) {
        self.files = files
        self.journal = journal
        self.facts = facts
        self.options = options
        self.cache = cache
    }

    /// Whether the meeting was opened with a seal (not an unsigned drill).
    var isSigned: Bool { facts.seal != nil }

    /// The committee seal's certificate recorded at the opening, if it parses.
    lazy var committee: Certificate? = facts.seal.flatMap { cache.certificate(base64: $0.committeeCertificate) }

    /// The witness's cosignatures, when the opening names a witness (V15).
    lazy var witness: WitnessCosignatures? = WitnessCosignatures(facts, journal)

    /// Each counted candidate's result form as the journal's facts print it (V11).
    lazy var reprint = ResultFormReprint(facts, openingDate: facts.opening.flatMap { journal.entry($0.p) }.map { String($0.at.prefix(10)) })

    /// The moment the meeting opened, by the witness's clock when it cosigned the opening (the
    /// only clock the laptop does not control), else by the journal: certificates are judged
    /// valid or not at this time.
    var openedAt: Date? {
        guard let opening = facts.opening else { return nil }
        return witness?.time(covering: opening.p) ?? journal.entry(opening.p).flatMap { ShanghaiTime.date($0.at) }
    }

    /// The moment of the close by the witness's clock, else by the journal.
    var closedAt: Date? {
        guard let closing = facts.closing else { return nil }
        return witness?.time(covering: closing.p) ?? time(closing.p)
    }

    /// The moment of the entry at `p`, if its timestamp is well-formed.
    func time(_ p: Int) -> Date? { journal.entry(p).flatMap { ShanghaiTime.date($0.at) } }

    /// The finding that marks a signature check as not applicable to an unsigned drill.
    func unsignedDrill(_ result: inout CheckResult, _ what: String) {
        let message = "不适用：未签名的演练会议，没有\(what) (not applicable: unsigned drill)"
        if options.allowUnsigned { result.warn(facts.opening?.p, message) } else { result.fail(facts.opening?.p, message + "；正式会议必须签名，演练须加 --allow-unsigned (a real meeting must be signed)") }
    }
}

/// Certificates parsed once per worker: a year of sessions brings the same seals and members again and again.
final class CertificateCache {
    private var parsed: [String: Certificate?] = [:]

    /// The certificate whose canonical base64 DER is `text`, or nil if it is not one.
    func certificate(base64 text: String) -> Certificate? {
        if let known = parsed[text] { return known }
        let certificate = Encodings.base64(text).flatMap { try? Certificate(der: $0) }
        if parsed.count > 4096 { parsed.removeAll() }
        parsed[text] = certificate
        return certificate
    }
}
