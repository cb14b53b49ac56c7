import FileSystem
import Journal
import Records
import Review
import TextFormats

/// The committee registry: one JSON line per decision of every past session (R8).
///
/// The committee keeps this file between sessions (mode 0600: it is confidential). `init` reads
/// it, and so does every deliberation and every vote opening (`Session.perform`), so that an
/// application decided by a session that closed after this one was prepared still cannot be
/// voted on again; `close` appends the session's decisions.
///
/// An application is one person's (证件号码, else 姓名+性别+出生年月) for one 申报职称 in one 评审年度
/// (`PastDecision.isSameApplication`). A decision recorded by another committee — several
/// committees may share one registry file — bars the same application too: one application, one
/// review (第十四条 allows one application a year); the refusal names that committee. A new
/// application in a later 评审年度 is not a re-review.
public struct Registry: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Every decision in the file; a missing file reads as none.
    public func decisions() throws(WorkspaceError) -> [PastDecision] {
        let bytes: [UInt8]?
        do { bytes = try DurableFile.read(path) } catch { throw .file(error) }
        guard let bytes else { return [] }
        let text = JournalText(bytes: bytes)
        if text.tornTail != nil {
            throw .badInput(ImportError(file: path, line: text.lines.count + 1,
                                        "最后一行不完整（文件被截断或写入中断）", "the last line is incomplete (truncated or interrupted write)"))
        }
        var out: [PastDecision] = []
        for i in text.lines.indices where !text.line(i).isEmpty {
            do throws(ImportError) { try ImportedText.check(jsonLine: text.line(i), file: path, line: i + 1) } catch { throw .badInput(error) }
            do {
                out.append(try JSONLine.decode(PastDecision.self, text.line(i)))
            } catch {
                throw .badInput(ImportError(file: path, line: i + 1, "不是有效的评审决定记录：\(error)",
                                            "not a valid decision record: \(error)"))
            }
        }
        return out
    }

    /// The decisions a closed session adds: one per counted candidate.
    public static func decisions(of state: SessionState) -> [PastDecision] {
        state.countedInOrder.map { id in
            let c = state.candidate(id)!
            let t = state.progress[id]!.tally!
            return PastDecision(
                committee: state.settings.name, session: state.session, date: state.meetingDate,
                candidate: id, applicant: c.applicantKey, unit: c.unit, outcome: t.outcome,
                yes: t.yes, denominator: t.denominator, year: state.settings.reviewYear)
        }
    }

    /// The decisions of other sessions on the applications `candidates` make in `settings`' 评审年度.
    public static func relevant(_ decisions: [PastDecision], to candidates: [Candidate], settings: Settings, session: String? = nil) -> [PastDecision] {
        decisions.filter { d in
            d.session != session && candidates.contains { d.isSameApplication(as: $0, year: settings.reviewYear) }
        }
    }

    /// Appends `new` decisions, skipping any already in the file (same session and candidate),
    /// so that a close interrupted after this step can simply be run again.
    /// - Returns: how many lines were appended.
    @discardableResult
    public func append(_ new: [PastDecision]) throws(WorkspaceError) -> Int {
        let existing = try decisions()
        let known = Set(existing.map { "\($0.session)/\($0.candidate)" })
        var bytes: [UInt8] = []
        var count = 0
        for d in new where !known.contains("\(d.session)/\(d.candidate)") {
            do { bytes += try JSONLine.encode(d) + [0x0A] } catch {
                throw .damaged("无法编码评审决定：\(error)", "cannot encode a decision: \(error)")
            }
            count += 1
        }
        guard count > 0 else { return 0 }
        do { try DurableFile.append(bytes, to: path, mode: 0o600) } catch { throw .file(error) }
        return count
    }
}
