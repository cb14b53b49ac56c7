import Foundation
import Journal
import Printer
import Records
import Testing

/// What an inspector's verifier will do (SPEC.md §4 V11): read the raw journal records, derive
/// each counted candidate's facts with its own simple code — no `Review`, no `Workspace` — print
/// the form through `Printer`, and find the very bytes the host and the seal signed.
@Suite("The printer re-renders signed forms from raw records")
struct VerifierRenderTests {
    /// Each counted candidate's facts, from the entries alone: attendance counted from arrivals and
    /// departures before the round opened, N and the counts from the round's tally, the host from
    /// the opening and later host changes.
    static func facts(_ entries: [Entry]) throws -> [ResultFormFacts] {
        guard case .sessionCreated(let founding)? = entries.first?.event else { throw Failure("no session.created") }
        let settings = founding.settings
        var present = Set<MemberID>()
        var host: MemberID?
        var openingDate: String?
        var opened: [Int: (round: RoundOpened, present: Int, host: MemberID?)] = [:]
        var out: [CandidateID: ResultFormFacts] = [:]
        for entry in entries.dropFirst() {
            switch entry.event {
            case .membersArrived(let e): for a in e.arrivals { present.insert(a.member) }
            case .memberLeft(let e): present.remove(e.member)
            case .meetingOpened(let e): host = e.host; openingDate = String(entry.at.prefix(10))
            case .hostChanged(let e): host = e.host
            case .roundOpened(let e): opened[e.round] = (e, present.count, host)
            case .roundClosed(let e):
                let (round, count, roundHost) = try #require(opened[e.round])
                let member = founding.members.first { $0.id == roundHost }
                for t in e.tallies {
                    let c = try #require(founding.candidates.first { $0.id == t.candidate })
                    out[c.id] = ResultFormFacts(
                        committee: settings.name, session: founding.session, date: openingDate ?? settings.date, candidate: c, round: e.round,
                        paper: round.paper, expected: settings.size, present: count, voters: round.eligible.count,
                        denominator: t.denominator,
                        policy: DenominatorPolicy(denominator: settings.denominator, recusedLeave: settings.recusedLeaveDenominator),
                        yes: t.yes, no: t.no, abstain: t.abstain, void: t.void, outcome: t.outcome,
                        host: member?.name ?? "", hostOffice: member?.office.rawValue ?? "")
                }
            default: break
            }
        }
        return founding.candidates.compactMap { out[$0.id] }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    @Test("every signed form is byte for byte the form printed from the verifier's own facts")
    func signedFormsAgree() throws {
        let entries = try Demo.journalLines().map { try EntryCoding.decode($0) }
        let facts = try Self.facts(entries)
        #expect(facts.count == 14)
        let templates = try TemplateLibrary.shipped()
        var signed = 0
        for entry in entries {
            guard case .documentSigned(let d) = entry.event, d.document == "result-form", d.signer == "seal" else { continue }
            let f = try #require(facts.first { $0.candidate.id == d.candidate })
            #expect(d.file == "out/" + Printer.resultFormFileName(f.candidate.id, format: .html))
            let onDisk = try #require(FileManager.default.contents(atPath: Demo.folder + "/" + d.file))
            let printed = try Printer.resultForm(f, format: .html, templates: templates)
            #expect(printed == Array(onDisk), "\(d.file)")
            signed += 1
        }
        #expect(signed == 14)
    }

    @Test("a fact changed by one — a count, N, the policy, the host — changes the bytes")
    func changedFacts() throws {
        let entries = try Demo.journalLines().map { try EntryCoding.decode($0) }
        let f = try Self.facts(entries)[4]
        let templates = try TemplateLibrary.shipped()
        let original = try Printer.resultForm(f, format: .html, templates: templates)
        var variants: [ResultFormFacts] = []
        var v = f; v.yes += 1; variants.append(v)
        v = f; v.denominator += 1; variants.append(v)
        v = f; v.present -= 1; variants.append(v)
        v = f; v.policy.recusedLeave.toggle(); variants.append(v)
        v = f; v.policy.denominator = f.policy.denominator == .present ? .eligible : .present; variants.append(v)
        v = f; v.host = "周立新"; v.hostOffice = "副主任委员"; variants.append(v)
        v = f; v.session = String(f.session.reversed()); variants.append(v)
        for changed in variants {
            #expect(try Printer.resultForm(changed, format: .html, templates: templates) != original)
        }
    }
}
