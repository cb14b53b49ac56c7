import Records
import Seal

/// V13 — the folder holds the very inputs the journal imported, the seal it names, and, once
/// closed, no private key and no ballot spool.
///
///     ∀ (f, h) ∈ session.created.sources: SHA-256(file f) = h
///     committee.pem, if present = PEM(the seal certificate in meeting.opened), byte for byte
///     closed ⇒ keys/ = ∅ (session and round keys destroyed) ∧ spool/ = ∅ (ballots only in the journal)
///     ∀ entry in the folder: regular file or folder, not a symbolic link or special file, within its cap
enum Folder {
    static func check(_ e: Evidence) -> CheckResult {
        var r = CheckResult(.v13, unit: "个文件 files")
        let f = e.facts
        for (name, hash) in (f.founding?.sources ?? [:]).sorted(by: { $0.key < $1.key }) {
            r.count += 1
            guard let bytes = e.files.read(name) else {
                r.fail(1, "导入时的原文件 \(name) 不在会议文件夹中 (the imported file \(name) is missing)")
                continue
            }
            if Digest.sha256Hex(bytes) != hash {
                r.fail(1, "文件 \(name) 与导入时记录的 SHA-256 不同：被改动 (\(name) differs from what was imported)")
            }
        }
        if let pem = e.files.read("committee.pem") {
            r.count += 1
            if let committee = e.committee {
                if pem != Array(committee.pem.utf8) {
                    r.fail(f.opening?.p, "committee.pem 与开会时记录的评委会印章证书不同 (committee.pem is not the seal recorded at the opening)")
                }
            } else if e.isSigned {
                r.fail(f.opening?.p, "无法核对 committee.pem：开会记录中的印章证书无法读取 (cannot compare committee.pem)")
            }
        }
        for hazard in e.files.hazards() {
            r.fail(nil, "会议文件夹中有核验不读取的条目：\(hazard) (the folder holds something the verifier does not read)")
        }
        if f.closing != nil {
            for dir in ["keys", "spool"] {
                let left = e.files.files(in: dir)
                if !left.isEmpty {
                    r.fail(f.closing?.p, "会议已结束，\(dir)/ 中仍有 \(left.joined(separator: "、"))（\(dir == "keys" ? "私钥未销毁" : "选票暂存未删除")）(\(dir)/ is not empty after the close)")
                }
            }
        }
        return r
    }
}
