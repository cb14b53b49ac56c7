import Printer
import Records
import Seal

/// A signed 评审表 printed again from the verifier's own facts (SPEC V11): the committee from
/// `session.created`, the date of the opening, attendance counted from arrivals and departures
/// before the round opened, N and the counts from the round's close (which V8 holds to the
/// recount), the host from the opening and the host changes — no `Review`, no `Workspace`.
///
/// The paper is printed through the same `Printer` the session uses, with the shipped templates
/// and any user templates the signature record names (copied into the folder at signing, their
/// SHA-256 in the journal), and must come out byte for byte as signed.
struct ResultFormReprint {
    let facts: [CandidateID: ResultFormFacts]
    let order: [CandidateID]

    init(_ f: SessionFacts, openingDate: String?) {
        var out: [CandidateID: ResultFormFacts] = [:]
        guard let settings = f.settings, let session = f.session else {
            facts = [:]
            order = []
            return
        }
        let policy = DenominatorPolicy(settings)
        for round in f.rounds {
            guard let close = round.closed else { continue }
            let present = f.attendance.present(at: round.openedAt, roster: f.roster).count
            let host = f.host(at: round.openedAt).flatMap { f.members[$0] }
            for t in close.value.tallies where out[t.candidate] == nil {
                guard let candidate = f.candidates[t.candidate] else { continue }
                out[t.candidate] = ResultFormFacts(
                    committee: settings.name, session: session, date: openingDate ?? settings.date, candidate: candidate,
                    round: round.number, paper: round.opened.paper, expected: settings.size, present: present,
                    voters: round.opened.eligible.count, denominator: t.denominator, policy: policy,
                    yes: t.yes, no: t.no, abstain: t.abstain, void: t.void, outcome: t.outcome,
                    host: host?.name ?? "", hostOffice: host?.office.rawValue ?? "")
            }
        }
        facts = out
        order = f.candidateOrder.filter { out[$0] != nil }
    }

    /// Why a signed form could not be printed again, or does not match.
    enum Mismatch: Error {
        case notCounted
        case template(String)
        case printer(String)
        case differs
        /// The user's templates print the same paper whatever this fact is: they do not print the record.
        case ignores(String)
    }

    /// The facts a form must print, each with a change to it: a template whose paper does not
    /// change with them prints words of its own, not the record.
    static let mustPrint: [(String, @Sendable (inout ResultFormFacts) -> Void)] = [
        ("同意票数 yes", { $0.yes += 1 }), ("不同意票数 no", { $0.no += 1 }), ("弃权票数 abstain", { $0.abstain += 1 }),
        ("无效票数 void", { $0.void += 1 }), ("表决基数 N", { $0.denominator += 1 }),
        ("评审结论 outcome", { $0.outcome = $0.outcome == .passed ? .rejected : .passed }),
        ("申报人姓名 name", { $0.candidate.name += "甲" }),
    ]

    /// Prints the paper `d` stands for and compares it with `file`; returns the names of the
    /// user templates it was printed with (empty: the shipped ones).
    func check(_ d: DocumentSigned, file: [UInt8], read: (String) -> [UInt8]?) throws(Mismatch) -> [String] {
        let format = DocumentFormat(fileName: d.file) ?? .text
        let templates = try library(d.templates ?? [], read: read)
        var forms: [ResultFormFacts]
        if d.document == "result-form" {
            guard let c = d.candidate, let f = facts[c] else { throw .notCounted }
            forms = [f]
        } else {
            forms = order.compactMap { facts[$0] }
        }
        let bundle = d.document != "result-form"
        guard try print(forms, bundle: bundle, format: format, templates: templates) == file else { throw .differs }
        guard let user = d.templates, !user.isEmpty else { return [] }
        // The same paper whatever a counted fact is: the user's template prints its own numbers.
        let original = forms
        for (fact, change) in Self.mustPrint where !forms.isEmpty {
            change(&forms[0])
            if try print(forms, bundle: bundle, format: format, templates: templates) == file { throw .ignores(fact) }
            forms = original
        }
        return user.map(\.name)
    }

    /// One form, or all of them in one paper.
    func print(_ forms: [ResultFormFacts], bundle: Bool, format: DocumentFormat, templates: TemplateLibrary) throws(Mismatch) -> [UInt8] {
        do {
            if bundle { return Array(try Printer.resultForms(forms, format: format, templates: templates).utf8) }
            return try Printer.resultForm(forms[0], format: format, templates: templates)
        } catch {
            throw .printer("\(error)")
        }
    }

    /// The shipped templates with the signed paper's own ones over them, each checked against its hash.
    func library(_ signed: [SignedTemplate], read: (String) -> [UInt8]?) throws(Mismatch) -> TemplateLibrary {
        var sources = TemplateLibrary.shippedSources()
        for t in signed {
            guard let bytes = read(t.file) else { throw .template("模板 \(t.file) 不在会议文件夹中 (the template file is missing)") }
            guard Digest.sha256Hex(bytes) == t.sha256 else {
                throw .template("模板 \(t.file) 与签署时记录的 SHA-256 不同 (the template was changed after signing)")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .template("模板 \(t.file) 不是 UTF-8 文本 (not UTF-8)")
            }
            sources.append(TemplateLibrary.Source(name: t.name, file: t.file, text: text))
        }
        do { return try TemplateLibrary(sources) } catch { throw .template("\(error)") }
    }
}
