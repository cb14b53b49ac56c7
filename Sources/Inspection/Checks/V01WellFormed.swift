import Records
import Seal

/// V1 — the journal is well-formed and contiguous.
///
///     ∀p: line p parses strictly ∧ line p = canonical(line p) ∧ seq(p) = p
///         ∧ at(p) = YYYY-MM-DDTHH:MM:SS+08:00 ∧ at(p−1) ≤ at(p)
///     event(1) = session.created, and no other line is one
///     no torn tail (bytes after the last newline); every journal.repaired names the file its
///     torn bytes were kept in, with their length and SHA-256
///
/// canonical(line) is the one spelling the session writes (``CanonicalForm``): it matters most
/// for the `document.signed` lines after the final checkpoint, which no signature covers.
/// A line that does not parse is still a leaf of the Merkle tree (V2 hashes it as stored), so
/// one bad line does not hide the others: every line is checked.
enum WellFormed {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v1, count: e.journal.count, unit: "条记录 entries")
        for (line, error) in e.journal.errors {
            r.fail(line, "第 \(line) 行无法严格解析：\(error) (line \(line) does not parse)")
        }
        for line in e.journal.nonCanonical {
            r.fail(line, "第 \(line) 行不是会议程序写出的规范形式（空格、键的顺序、转义或数字的写法不同）：记录被改写过 (line \(line) is not spelled the way the session writes it: rewritten)")
        }
        var previous: (p: Int, seconds: Int64)?
        for (p, entry) in e.journal.decoded {
            if entry.seq != p {
                r.fail(p, "第 \(p) 行的编号为 \(entry.seq)，应为 \(p)：记录被删除、插入或调换 (seq \(entry.seq) on line \(p): entries deleted, inserted or reordered)")
            }
            if case .sessionCreated = entry.event, p != 1 {
                r.fail(p, "session.created 只能是第一条 (session.created on line \(p))")
            }
            guard let seconds = ShanghaiTime.seconds(entry.at) else {
                r.fail(p, "时间「\(entry.at)」不是北京时间格式 YYYY-MM-DDTHH:MM:SS+08:00 (malformed timestamp)")
                continue
            }
            if let previous, seconds < previous.seconds {
                r.fail(p, "时间 \(entry.at) 早于第 \(previous.p) 条：记录时间倒退 (timestamp goes backwards)")
            }
            previous = (p, seconds)
        }
        if let first = e.journal.entry(1) {
            if case .sessionCreated = first.event {} else {
                r.fail(1, "第一条记录应为 session.created，实为 \(first.event.kind) (the first entry must be session.created)")
            }
        }
        if let torn = e.journal.text.tornTail {
            r.fail(e.journal.count + 1, "日志末尾有 \(torn.count) 字节不完整的记录（写入中断，未经 pingshen repair 处理）(a torn tail of \(torn.count) bytes)")
        }
        for (p, repair) in e.facts.repairs {
            guard let kept = e.files.read(repair.keptIn) else {
                r.fail(p, "修复记录所称保存不完整字节的文件 \(repair.keptIn) 不存在 (the torn bytes' file is missing)")
                continue
            }
            if kept.count != repair.discardedBytes || Digest.sha256Hex(kept) != repair.sha256 {
                r.fail(p, "文件 \(repair.keptIn) 与修复记录的长度或 SHA-256 不符 (the torn bytes' file does not match the repair record)")
            }
        }
        return r
    }
}
