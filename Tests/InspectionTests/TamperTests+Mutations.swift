import Foundation
import Inspection
import Journal
import Records
import Seal
import TestSupport

extension TamperTests {
    /// Every mutation the harness tries, family by family.
    static func mutations(_ f: Fixtures.Made) -> [Mutation] {
        byteFlips(f) + structural(f) + semantic(f, reseal: false) + semantic(f, reseal: true) + certificates(f) + keys(f) + registry(f)
            + leftovers(f) + unsignedTimes(f)
    }

    /// Secrets left in a closed folder: a session key, a round's ballot spool.
    static func leftovers(_ f: Fixtures.Made) -> [Mutation] {
        [
            Mutation(family: "secrets left in the folder", label: "keys/session.key present after the close") { files in
                files["keys/session.key"] = Array("-----BEGIN PRIVATE KEY-----\n".utf8)
            },
            Mutation(family: "secrets left in the folder", label: "spool/round-1.jsonl present after the close") { files in
                files["spool/round-1.jsonl"] = Array("{}\n".utf8)
            },
        ]
    }

    /// The time of an entry no checkpoint covers (the final checkpoint, a document record)
    /// moved a minute later: no signature covers these bytes.
    static func unsignedTimes(_ f: Fixtures.Made) -> [Mutation] {
        func later(_ predicate: @escaping @Sendable (Event) -> Bool, _ label: String) -> Mutation {
            Mutation(family: "move an unsigned timestamp later", label: label) { files in
                var j = try JournalEdit(files["journal.jsonl"]!)
                guard let i = j.entries.lastIndex(where: { predicate($0.event) }) else { return }
                let at = j.entries[i].at
                let minute = Int(at.dropFirst(14).prefix(2))!
                j.entries[i].at = String(at.prefix(14)) + String(format: "%02d", min(59, minute + 1)) + String(at.dropFirst(16))
                files["journal.jsonl"] = try j.bytes()
            }
        }
        return [
            later({ if case .checkpointSigned = $0 { return true }; return false }, "the final checkpoint's time a minute later"),
            later({ if case .documentSigned = $0 { return true }; return false }, "the last document record's time a minute later"),
        ]
    }

    /// One byte of a file replaced by another value: at a random place on every journal line,
    /// at random places across the journal, and at random places (first and last included) in
    /// every other file of the folder.
    static func byteFlips(_ f: Fixtures.Made) -> [Mutation] {
        var rng = SeededRandom(seed: 20_261_126)
        var out: [Mutation] = []
        func flip(_ name: String, _ position: Int) {
            let original = f.files[name]![position]
            var drawn = UInt8.random(in: 0...255, using: &rng)
            if drawn == original { drawn ^= 0x01 }
            let value = drawn
            out.append(Mutation(family: "byte flip", label: "\(name) byte \(position) → 0x\(String(value, radix: 16))") { files in
                files[name]![position] = value
            })
        }
        let journal = f.files["journal.jsonl"]!
        var start = 0
        for (i, byte) in journal.enumerated() where byte == 0x0A {
            flip("journal.jsonl", Int.random(in: start...i, using: &rng))
            start = i + 1
        }
        for _ in 0..<200 { flip("journal.jsonl", Int.random(in: journal.indices, using: &rng)) }
        for name in f.files.keys.sorted() where name != "journal.jsonl" && !(f.files[name]!.isEmpty) {
            let bytes = f.files[name]!
            flip(name, 0)
            flip(name, bytes.count - 1)
            for _ in 0..<min(bytes.count, name.hasPrefix("out/result-form") ? 4 : 24) { flip(name, Int.random(in: bytes.indices, using: &rng)) }
        }
        return out
    }

    /// Whole entries deleted, duplicated, swapped with the next, or the journal truncated.
    static func structural(_ f: Fixtures.Made) -> [Mutation] {
        let lines = Lines.split(f.files["journal.jsonl"]!)
        var out: [Mutation] = []
        for k in lines.indices {
            out.append(Mutation(family: "delete an entry", label: "delete entry \(k + 1)") { files in
                var l = Lines.split(files["journal.jsonl"]!); l.remove(at: k); files["journal.jsonl"] = Lines.join(l)
            })
            out.append(Mutation(family: "duplicate an entry", label: "duplicate entry \(k + 1)") { files in
                var l = Lines.split(files["journal.jsonl"]!); l.insert(l[k], at: k); files["journal.jsonl"] = Lines.join(l)
            })
            if k + 1 < lines.count && lines[k] != lines[k + 1] {
                out.append(Mutation(family: "swap adjacent entries", label: "swap entries \(k + 1) and \(k + 2)") { files in
                    var l = Lines.split(files["journal.jsonl"]!); l.swapAt(k, k + 1); files["journal.jsonl"] = Lines.join(l)
                })
            }
            if k + 1 < lines.count {
                out.append(Mutation(family: "truncate the journal", label: "keep the first \(k + 1) entries") { files in
                    files["journal.jsonl"] = Lines.join(Array(Lines.split(files["journal.jsonl"]!).prefix(k + 1)))
                })
            }
            if k % 10 == 0 {
                out.append(Mutation(family: "truncate the journal", label: "cut entry \(k + 1) in half") { files in
                    let l = Lines.split(files["journal.jsonl"]!)
                    files["journal.jsonl"] = Lines.join(Array(l.prefix(k))) + l[k].prefix(l[k].count / 2)
                })
            }
        }
        return out
    }

    /// The rule-breaking edits of `SemanticEdits`, re-serialised, and re-sealed when `reseal`.
    static func semantic(_ f: Fixtures.Made, reseal: Bool) -> [Mutation] {
        let session = (try? JournalEdit(f.files["journal.jsonl"]!)).flatMap { j -> String? in
            if case .sessionCreated(let s) = j.entries[0].event { return s.session }
            return nil
        } ?? ""
        let resealer = Resealer(chair: f.committee.chair, secretary: f.committee.secretary, witness: f.committee.witness)
        return SemanticEdits.all.map { label, edit in
            Mutation(family: reseal ? "rule-breaking edit, re-sealed by an insider" : "rule-breaking edit, re-serialised", label: label) { files in
                var journal = try JournalEdit(files["journal.jsonl"]!)
                try edit(&journal, session)
                let bytes = try journal.bytes()
                files["journal.jsonl"] = reseal ? try resealer.reseal(bytes) : bytes
            }
        }
    }

    /// Certificates replaced: in the folder, in the final checkpoint, in the statement, in a document record.
    static func certificates(_ f: Fixtures.Made) -> [Mutation] {
        let rogue = Fixtures.rogue
        let family = "replace a certificate"
        return [
            Mutation(family: family, label: "committee.pem replaced by another seal") { files in
                files["committee.pem"] = Array(rogue.seal.certificate.pem.utf8)
            },
            Mutation(family: family, label: "the final checkpoint's cosigner replaced by the chair") { files in
                var j = try JournalEdit(files["journal.jsonl"]!)
                guard let i = j.entries.lastIndex(where: { if case .checkpointSigned = $0.event { return true }; return false }),
                      case .checkpointSigned(var c) = j.entries[i].event else { return }
                c.cosigners = [Data(f.committee.chair.certificate.der).base64EncodedString()]
                j.entries[i].event = .checkpointSigned(c)
                files["journal.jsonl"] = try j.bytes()
            },
            Mutation(family: family, label: "the statement's certificate replaced by the secretary's") { files in
                var j = try JournalEdit(files["journal.jsonl"]!)
                guard let i = j.index({ if case .meetingOpened = $0 { return true }; return false }),
                      case .meetingOpened(var o) = j.entries[i].event else { return }
                o.seal!.statement.certificate = Data(f.committee.secretary.certificate.der).base64EncodedString()
                j.entries[i].event = .meetingOpened(o)
                files["journal.jsonl"] = try j.bytes()
            },
            Mutation(family: family, label: "a document record names another signer's certificate") { files in
                var j = try JournalEdit(files["journal.jsonl"]!)
                guard let i = j.index({ if case .documentSigned(let d) = $0 { return d.signer == "host" }; return false }),
                      case .documentSigned(var d) = j.entries[i].event else { return }
                d.certificate = Data(rogue.chair.certificate.der).base64EncodedString()
                j.entries[i].event = .documentSigned(d)
                files["journal.jsonl"] = try j.bytes()
            },
            Mutation(family: family, label: "the seal in the opening replaced by a rogue seal, nothing re-signed") { files in
                var j = try JournalEdit(files["journal.jsonl"]!)
                guard let i = j.index({ if case .meetingOpened = $0 { return true }; return false }),
                      case .meetingOpened(var o) = j.entries[i].event else { return }
                o.seal!.committeeCertificate = Data(rogue.seal.certificate.der).base64EncodedString()
                j.entries[i].event = .meetingOpened(o)
                files["journal.jsonl"] = try j.bytes()
            },
        ]
    }

    /// Keys substituted: checkpoints re-signed with a fresh key the statement does not name,
    /// everything re-signed by a chair whose certificate another seal issued, and everything
    /// (documents and committee.pem included) re-signed under a rogue seal — which only
    /// pinning the seal with --committee-cert can catch.
    static func keys(_ f: Fixtures.Made) -> [Mutation] {
        let rogue = Fixtures.rogue
        let family = "re-sign with keys the seal did not issue"
        return [
            Mutation(family: family, label: "checkpoints re-signed with a fresh session key, statement kept") { files in
                let resealed = try Resealer(chair: f.committee.chair, secretary: f.committee.secretary).reseal(files["journal.jsonl"]!)
                var j = try JournalEdit(resealed)
                let original = try JournalEdit(files["journal.jsonl"]!)
                guard let i = j.index({ if case .meetingOpened = $0 { return true }; return false }),
                      case .meetingOpened(var o) = j.entries[i].event, case .meetingOpened(let old) = original.entries[i].event else { return }
                o.seal!.statement = old.seal!.statement
                j.entries[i].event = .meetingOpened(o)
                files["journal.jsonl"] = try j.bytes()
            },
            Mutation(family: family, label: "statement and checkpoints re-signed by a chair another seal issued") { files in
                files["journal.jsonl"] = try Resealer(chair: rogue.chair, secretary: f.committee.secretary).reseal(files["journal.jsonl"]!)
            },
            Mutation(family: family, label: "final checkpoint cosigned by a secretary another seal issued") { files in
                files["journal.jsonl"] = try Resealer(chair: f.committee.chair, secretary: rogue.secretary).reseal(files["journal.jsonl"]!)
            },
            Mutation(family: family, label: "everything re-signed under a rogue seal (caught by --committee-cert)") { files in
                try resignUnderRogueSeal(&files, f)
            },
        ]
    }

    /// The committee's registry brought by the inspector bars a candidate the session voted on:
    /// the same application (by another committee too, its name spelt with invisible characters)
    /// in the same 评审年度.
    static func registry(_ f: Fixtures.Made) -> [Mutation] {
        guard case .sessionCreated(let s)? = try? JournalEdit(f.files["journal.jsonl"]!).entries[0].event,
              let c05 = s.candidates.first(where: { $0.id == "C05" }) else { return [] }
        func decided(_ label: String, committee: String, date: String, year: Int?, name: String) -> Mutation {
            var applicant = c05.applicantKey
            applicant.name = name
            let past = PastDecision(committee: committee, session: "0123456789abcdef0123456789abcdef", date: date, candidate: "C12",
                                    applicant: applicant, unit: c05.unit, outcome: .rejected, yes: 10, denominator: 21, year: year)
            var options = f.options
            options.registry = [past]
            return Mutation(family: "re-review against the registry", label: label, options: options) { _ in }
        }
        return [
            decided("C05 was decided by a past session", committee: s.settings.name, date: "2026-06-20", year: nil, name: c05.name),
            decided("C05 was decided by another committee, its name with a no-break space", committee: "安徽省工程系列通信专业高级职称评审委员会",
                    date: "2026-03-02", year: nil, name: c05.name + "\u{00A0}"),
            decided("C05 was decided in January for the same 评审年度", committee: s.settings.name, date: "2027-01-10", year: 2026,
                    name: "\u{200B}" + c05.name),
        ]
    }

    /// Re-signs the whole session under the rogue committee: documents, committee.pem, statement,
    /// the tellers' entries, checkpoints.
    static func resignUnderRogueSeal(_ files: inout FolderFiles, _ f: Fixtures.Made) throws {
        let rogue = Fixtures.rogue
        var j = try JournalEdit(files["journal.jsonl"]!)
        for i in j.entries.indices {
            guard case .documentSigned(var d) = j.entries[i].event else { continue }
            let identity = d.signer == "host" ? rogue.chair : d.signer == "recorder" ? rogue.secretary : rogue.seal
            let signature = try DetachedSignature.sign(files[d.file]!, signers: [identity]).der
            files[d.signatureFile] = signature
            d.signatureSHA256 = Digest.sha256Hex(signature)
            d.certificate = Data(identity.certificate.der).base64EncodedString()
            j.entries[i].event = .documentSigned(d)
        }
        files["committee.pem"] = Array(rogue.seal.certificate.pem.utf8)
        var resealer = Resealer(chair: rogue.chair, secretary: rogue.secretary)
        resealer.committee = rogue.seal.certificate
        resealer.tellers = rogue.tellers
        files["journal.jsonl"] = try resealer.reseal(try j.bytes())
    }

    /// Whether `mutated` differs from `original` only in the `at` of entries that no signed
    /// checkpoint covers (the final checkpoint and the document records after it).
    static func changesOnlyUnsignedTime(_ original: [UInt8], _ mutated: [UInt8], _ originalFiles: FolderFiles, _ mutatedFiles: FolderFiles) -> Bool {
        var a = originalFiles, b = mutatedFiles
        a["journal.jsonl"] = nil
        b["journal.jsonl"] = nil
        guard a == b else { return false }
        let lo = Lines.split(original), lm = Lines.split(mutated)
        guard lo.count == lm.count, let closeLine = lo.firstIndex(where: { (try? EntryCoding.decode($0))?.event.kind == "meeting.closed" }) else { return false }
        for i in lo.indices where lo[i] != lm[i] {
            guard i > closeLine, var x = try? EntryCoding.decode(lo[i]), let y = try? EntryCoding.decode(lm[i]) else { return false }
            x.at = y.at
            if x != y { return false }
        }
        return true
    }
}
