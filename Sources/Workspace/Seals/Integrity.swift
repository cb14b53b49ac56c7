import Foundation
import Journal
import Records
import Review
import Seal
import TextFormats

/// Certificates are checked at the time of the opening, so a certificate that expires after a
/// meeting does not spoil its record.
///
/// The check a signed meeting's folder passes before anything is appended to it: the host's
/// opening statement still verifies and binds the session key, and the latest checkpoint is
/// signed by that key over the journal as it stands. Editing any entry before the latest
/// checkpoint, or swapping the session key, is found here; the inspector's verifier
/// (`pingshen verify`) checks every checkpoint and everything else.
enum Integrity {
    static func check(_ state: SessionState, tree: MerkleTree) throws(WorkspaceError) {
        guard let seal = state.seal else { return }
        let opened = state.openedAt.flatMap(ShanghaiTime.parse).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        let sessionKey = try statementKey(seal, at: opened ?? Date())
        guard let (seq, last) = state.checkpoints.last else { return }
        let problem = { (zh: String, en: String) -> WorkspaceError in
            .damaged("日志完整性检查失败（第 \(seq) 条检查点）：\(zh)。日志可能被改动，请停止操作并报告监督人员",
                     "the journal fails its integrity check (checkpoint entry \(seq)): \(en). It may have been altered; stop and tell the inspectors")
        }
        let signed: SignedCheckpoint
        do { signed = try SignedCheckpoint(parsing: Array(last.note.utf8)) } catch {
            throw problem("检查点格式错误：\(error)", "malformed checkpoint: \(error)")
        }
        guard signed.checkpoint.origin == seal.origin, signed.checkpoint.size == UInt64(seq - 1) else {
            throw problem("检查点的起点或大小与其位置不符", "the checkpoint's origin or size does not fit its place")
        }
        let root: TreeHash
        do { root = try tree.root(ofSize: UInt64(seq - 1)) } catch {
            throw problem("无法计算日志根哈希：\(error)", "cannot compute the journal root: \(error)")
        }
        guard root == signed.checkpoint.root else {
            throw problem("检查点之前的日志内容与签署时不同", "the entries before it are not those that were signed")
        }
        let verification = signed.verify(with: [KeyNoteVerifier(name: seal.keyName, key: sessionKey)])
        guard verification.isSigned(by: seal.keyName, keyID: KeyNoteVerifier(name: seal.keyName, key: sessionKey).keyID),
              verification.failed.isEmpty else {
            throw problem("检查点没有会议密钥的有效签名", "the checkpoint is not validly signed by the session key")
        }
    }

    /// The session key the host's statement binds, after checking the statement's signature
    /// against the committee certificate recorded with it.
    static func statementKey(_ seal: MeetingSeal, at time: Date) throws(WorkspaceError) -> VerifyingKey {
        let fail = { (zh: String, en: String) -> WorkspaceError in
            .damaged("开会声明无效：\(zh)", "the opening statement is invalid: \(en)")
        }
        guard let committeeDER = Base64.decode(seal.committeeCertificate), let committee = try? Certificate(der: committeeDER),
              let keyDER = Base64.decode(seal.sessionKey), let key = try? VerifyingKey(subjectPublicKeyInfo: keyDER),
              let signature = Base64.decode(seal.statement.signature),
              let certificateDER = Base64.decode(seal.statement.certificate), let host = try? Certificate(der: certificateDER) else {
            throw fail("字段无法解码", "a field cannot be decoded")
        }
        guard seal.statement.text.contains(seal.sessionKey) else { throw fail("声明中没有该会议密钥", "the statement does not name the session key") }
        let text = Array(seal.statement.text.utf8)
        switch seal.statement.format {
        case "cms":
            guard let cms = try? DetachedSignature(der: signature),
                  let signers = try? cms.verify(text, trustAnchor: committee, at: time),
                  signers.contains(host) else {
                throw fail("主持人签名不成立", "the host's signature does not verify")
            }
        case "sm2":
            guard (try? host.verify(issuedBy: committee, at: time)) != nil,
                  host.publicKey.isValidSignature(signature, for: text) else {
                throw fail("主持人签名不成立", "the host's signature does not verify")
            }
        default:
            throw fail("未知的签名格式 \(seal.statement.format)", "unknown signature format \(seal.statement.format)")
        }
        return key
    }
}
