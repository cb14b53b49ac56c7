import Dispatch
import Foundation
import Inspection
import Journal
import Records
import Seal
import Testing

/// The tamper harness: the sealed sample session, mutated in every way we could think of; each
/// mutation must fail at least one named check. Prints how many were tried and which checks
/// caught them.
@Suite("Tampering never passes")
struct TamperTests {
    struct Mutation: Sendable {
        let family: String
        let label: String
        var options: InspectionOptions?
        let apply: @Sendable (inout FolderFiles) throws -> Void
    }

    struct Outcome: Sendable {
        let mutation: Int
        let failed: [CheckID]
        let warned: [CheckID]
        let unchanged: Bool
    }

    @Test("the unmodified sample passes every check, and the root is pinned")
    func unmodifiedPasses() {
        let f = Fixtures.main
        let report = Fixtures.verify(f.files, f.options)
        #expect(report.passed, "\(HumanReport.session(report, relations: false, onlyFailing: true))")
        #expect(report.checks.allSatisfy { $0.findings.isEmpty }, "\(report.checks.flatMap(\.findings).map(\.message))")
        // Without a pinned root it fails closed; a dry look (--unpinned) has no conclusion.
        let unpinned = Fixtures.verify(f.files, InspectionOptions())
        #expect(!unpinned.passed && unpinned.failed == [.v3])
        #expect(unpinned.checks[2].findings.map(\.severity) == [.error])
        let dry = Fixtures.verify(f.files, InspectionOptions(unpinned: true))
        #expect(!dry.passed && dry.hasNoConclusion && dry.failed.isEmpty)
        #expect(dry.checks[2].findings.map(\.severity) == [.warning])
        #expect(HumanReport.session(dry).hasSuffix("结论 Result: 未固定信任根，不作结论 (no trust root pinned: NO CONCLUSION)"))
    }

    @Test("every mutation of the sealed sample fails a named check")
    func everyMutationIsCaught() throws {
        let f = Fixtures.main
        let mutations = Self.mutations(f)
        let outcomes = run(mutations, base: f)
        let journal = f.files["journal.jsonl"]!
        var families: [String: (tried: Int, caught: Int, unsignedTime: Int, by: [CheckID: Int])] = [:]
        var order: [String] = []
        var escaped: [String] = []
        var unsignedDetails: [String] = []
        for outcome in outcomes {
            let m = mutations[outcome.mutation]
            if families[m.family] == nil { order.append(m.family) }
            var entry = families[m.family] ?? (0, 0, 0, [:])
            entry.tried += 1
            if !outcome.failed.isEmpty {
                entry.caught += 1
                for id in outcome.failed { entry.by[id, default: 0] += 1 }
            } else {
                var mutated = f.files
                try? m.apply(&mutated)
                if Self.changesOnlyUnsignedTime(journal, mutated["journal.jsonl"] ?? [], f.files, mutated) {
                    entry.unsignedTime += 1
                    let warned = outcome.warned.map(\.name).joined(separator: " ")
                    unsignedDetails.append("    \(m.label): passes; \(warned.isEmpty ? "no check can see it" : "reported as a warning by \(warned)")")
                } else if !outcome.unchanged {
                    escaped.append("\(m.family): \(m.label)")
                }
            }
            families[m.family] = entry
        }
        var lines = ["tamper harness: \(mutations.count) mutations of the sealed sample session"]
        var caught = 0, unsignedTime = 0
        for family in order {
            let e = families[family]!
            caught += e.caught
            unsignedTime += e.unsignedTime
            let by = e.by.sorted { $0.key < $1.key }.map { "\($0.key.name)×\($0.value)" }.joined(separator: " ")
            lines.append("  \(family): \(e.tried) tried, \(e.caught) caught [\(by)]" + (e.unsignedTime > 0 ? ", \(e.unsignedTime) only moved an unsigned timestamp" : ""))
        }
        lines += unsignedDetails
        let unchanged = outcomes.filter(\.unchanged).count
        lines.append("total: \(mutations.count) tried, \(caught) failed a check, \(unsignedTime) changed only the time of an entry no signature covers, \(unchanged) left the files as they were, \(escaped.count) passed")
        print(lines.joined(separator: "\n"))
        #expect(escaped.isEmpty, "mutations that passed: \(escaped)")
        // The final checkpoint's line is signed by nothing after it, but its time is the close's.
        let finalTime = outcomes.first { mutations[$0.mutation].label == "the final checkpoint's time a minute later" }
        #expect(finalTime?.failed.contains(.v2) == true)
        #expect(caught + unsignedTime + unchanged == mutations.count)
        #expect(unchanged == 0, "mutations that changed nothing: \(outcomes.filter(\.unchanged).map { mutations[$0.mutation].label })")
    }

    @Test("re-sealed by an insider, every rule-breaking edit is still caught by the rule checks (V3–V13)")
    func resealedEditsAreCaughtByRuleChecks() throws {
        let f = Fixtures.main
        let resealed = Self.semantic(f, reseal: true)
        let outcomes = run(resealed, base: f)
        var lines: [String] = []
        for outcome in outcomes {
            let m = resealed[outcome.mutation]
            let ruleChecks = outcome.failed.filter { $0 != .v1 && $0 != .v2 }
            #expect(!ruleChecks.isEmpty, "\(m.label): failed only \(outcome.failed.map(\.name))")
            lines.append("  \(m.label): \(outcome.failed.map(\.name).joined(separator: " "))")
        }
        print("re-sealed rule-breaking edits (\(resealed.count)):\n" + lines.joined(separator: "\n"))
    }

    @Test("re-sealing without an edit, with the session key, chair and recorder but not the witness, fails V15 only")
    func resealWithoutWitnessFailsV15() throws {
        let f = Fixtures.main
        var files = f.files
        files["journal.jsonl"] = try Resealer(chair: f.committee.chair, secretary: f.committee.secretary).reseal(files["journal.jsonl"]!)
        #expect(files["journal.jsonl"] != f.files["journal.jsonl"])
        let report = Fixtures.verify(files, f.options)
        #expect(report.failed == [.v15], "\(HumanReport.session(report, relations: false, onlyFailing: true))")
    }

    @Test("re-sealing without an edit passes when the witness colludes too: the seals alone cannot tell chair, recorder and witness rewriting together")
    func resealWithWitnessPasses() throws {
        let f = Fixtures.main
        var files = f.files
        let resealer = Resealer(chair: f.committee.chair, secretary: f.committee.secretary, witness: f.committee.witness)
        files["journal.jsonl"] = try resealer.reseal(files["journal.jsonl"]!)
        #expect(files["journal.jsonl"] != f.files["journal.jsonl"])
        let report = Fixtures.verify(files, f.options)
        #expect(report.passed, "\(HumanReport.session(report, relations: false, onlyFailing: true))")
    }

    @Test("a session re-signed under a rogue seal fails V3 when pinned and V15 always (the witness cannot be re-made); even a dry look without a root fails it")
    func rogueSealNeedsPinning() throws {
        let f = Fixtures.main
        var files = f.files
        try Self.resignUnderRogueSeal(&files, f)
        let pinned = Fixtures.verify(files, f.options)
        #expect(pinned.failed == [.v3, .v15])
        let unpinned = Fixtures.verify(files, InspectionOptions(unpinned: true))
        #expect(!unpinned.passed && !unpinned.hasNoConclusion && unpinned.failed == [.v15])
        #expect(unpinned.checks[2].findings.contains { !$0.isError && $0.message.contains("--committee-cert") })
    }

    func run(_ mutations: [Mutation], base: Fixtures.Made) -> [Outcome] {
        let results = Box<[Outcome?]>(Array(repeating: nil, count: mutations.count))
        let next = Box(0)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            while true {
                lock.lock()
                let i = next.value
                next.value += 1
                lock.unlock()
                guard i < mutations.count else { return }
                var files = base.files
                let outcome: Outcome
                do {
                    try mutations[i].apply(&files)
                    let report = Fixtures.verify(files, mutations[i].options ?? base.options)
                    outcome = Outcome(mutation: i, failed: report.failed,
                                      warned: report.checks.filter { $0.findings.contains { !$0.isError } }.map(\.id),
                                      unchanged: files == base.files && mutations[i].options == nil)
                } catch {
                    Issue.record("mutation \(mutations[i].label) could not be made: \(error)")
                    outcome = Outcome(mutation: i, failed: [], warned: [], unchanged: true)
                }
                lock.lock()
                results.value[i] = outcome
                lock.unlock()
            }
        }
        return results.value.map { $0! }
    }
}

final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
