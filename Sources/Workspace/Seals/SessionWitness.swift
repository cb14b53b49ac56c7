import FileSystem
import Foundation
import Journal
import Records
import Seal
import TextFormats
import Witness

/// The session's side of its witness (SPEC.md §2; c2sp.org/tlog-witness): every checkpoint goes to
/// the witness the host named at the opening, with a consistency proof from the size the witness
/// last cosigned, and comes back cosigned before it is journaled.
///
/// An unreachable witness does not stop the meeting: the checkpoint is journaled without its
/// cosignature and the next contact brings the witness up to date with one proof. A witness that
/// *refuses* (another root for a size it saw, a proof that does not verify, an untrusted
/// signature) stops the command: the journal no longer extends what the witness saw.
struct SessionWitness {
    let binding: WitnessBinding
    let verifier: CosignatureVerifier
    let certificate: Ed25519Certificate
    let client: WitnessClient
    let registration: LogRegistration

    /// The witness the seal names, or nil for a meeting opened with `--no-witness`.
    init?(seal: MeetingSeal, client: WitnessClient?) throws(WorkspaceError) {
        guard let binding = seal.witness else { return nil }
        guard let der = Base64.decode(binding.certificate), let certificate = try? Ed25519Certificate(der: der),
              let url = URL(string: binding.url),
              let keyDER = Base64.decode(seal.sessionKey), let sessionKey = try? VerifyingKey(subjectPublicKeyInfo: keyDER),
              let signature = Base64.decode(seal.statement.signature), let hostDER = Base64.decode(seal.statement.certificate),
              let host = try? Certificate(der: hostDER), let format = HostStatement.Format(rawValue: seal.statement.format) else {
            throw .damaged("开会记录中的见证方或开会声明无法读取", "the witness or the opening statement recorded at the opening cannot be read")
        }
        self.binding = binding
        self.certificate = certificate
        verifier = CosignatureVerifier(name: binding.name, key: certificate.publicKey)
        self.client = client ?? WitnessClient(baseURL: url)
        registration = LogRegistration(
            origin: seal.origin, keyName: seal.keyName, sessionKey: sessionKey,
            statement: HostStatement(text: seal.statement.text, format: format, signature: signature, certificate: host))
    }

    /// The binding for a witness certificate file, checked against the committee seal now.
    static func binding(url: String, certificatePath: String, committee: Certificate) throws(WorkspaceError) -> WitnessBinding {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw .badInput(ImportError(file: "--witness", "“\(url)”不是见证方地址，应形如 http://192.168.1.20:7380",
                                        "'\(url)' is not a witness address; expected e.g. http://192.168.1.20:7380"))
        }
        let read: [UInt8]?
        do { read = try DurableFile.read(certificatePath) } catch { throw .file(error) }
        guard let bytes = read else {
            throw .badInput(ImportError(file: certificatePath, "见证方证书文件不存在", "no such witness certificate file"))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let certificate: Ed25519Certificate
        do { certificate = text.contains("-----BEGIN") ? try Ed25519Certificate(pem: text) : try Ed25519Certificate(der: bytes) } catch {
            throw .badInput(ImportError(file: certificatePath, "不是见证方（Ed25519）证书：\(error)", "not a witness (Ed25519) certificate: \(error)"))
        }
        do { try WitnessIdentity.check(certificate, committee: committee, at: Date()) } catch {
            throw .badInput(ImportError(file: certificatePath, "\(error)", "\(error)"))
        }
        return WitnessBinding(url: url, certificate: Base64.encode(certificate.der), name: WitnessIdentity.keyName(for: certificate))
    }

    /// The size the witness last cosigned, as the journal shows it (0 if it never did).
    func witnessedSize(_ checkpoints: [(seq: Int, checkpoint: CheckpointSigned)]) -> UInt64 {
        for (_, c) in checkpoints.reversed() {
            guard let signed = try? SignedCheckpoint(parsing: Array(c.note.utf8)) else { continue }
            if signed.note.verify(with: [verifier]).isSigned(by: verifier.name, keyID: verifier.keyID) {
                return signed.checkpoint.size
            }
        }
        return 0
    }

    /// What became of a submission.
    enum Outcome {
        /// The checkpoint with the witness's cosignature lines appended.
        case cosigned(SignedCheckpoint)
        /// The witness could not be reached: the checkpoint stays as it was.
        case unreachable(Notice)
    }

    /// Submits `checkpoint` (the first `checkpoint.size` entries of `tree`), with a proof from
    /// `old`; registers the meeting first if the witness does not know it yet.
    func submit(_ checkpoint: SignedCheckpoint, tree: MerkleTree, old: UInt64) throws(WorkspaceError) -> Outcome {
        var old = old
        let size = checkpoint.checkpoint.size
        for _ in 0..<4 {
            let proof: [TreeHash]
            do { proof = old == 0 || old == size ? [] : try tree.consistencyProof(from: old, to: size).path } catch {
                throw .damaged("无法计算一致性证明：\(error)", "cannot compute the consistency proof: \(error)")
            }
            let answer: Result<AddCheckpointResult, WitnessClientError>
            do { answer = .success(try client.addCheckpoint(old: old, proof: proof, checkpoint: checkpoint, witness: verifier)) } catch {
                answer = .failure(error)
            }
            switch answer {
            case .success(.cosigned(_, let cosigned)):
                return .cosigned(cosigned)
            case .success(.conflict(let latest)) where latest <= size:
                old = latest
            case .success(.conflict(let latest)):
                throw refusal("见证方已见证 \(latest) 条，本机日志却只有 \(size) 条：日志被截短或改写过",
                              "the witness has cosigned \(latest) entries but this journal holds \(size): it was cut or rewritten")
            case .failure(.unknownOrigin):
                try register()
            case .failure(.unreachable(_, let reason)):
                return .unreachable("注意：见证方 \(binding.url) 无法连接（\(reason)），本条检查点暂无见证；恢复连接后下一条命令会补上。Witness unreachable; the next command catches it up.")
            case .failure(.timedOut(_, let seconds)):
                return .unreachable("注意：见证方 \(binding.url) 在 \(Int(seconds)) 秒内没有应答，本条检查点暂无见证；下一条命令会补上。Witness timed out; the next command catches it up.")
            case .failure(let error):
                throw refusal("见证方拒绝了本条检查点：\(error.description)", "the witness refused this checkpoint: \(error.description)")
            }
        }
        throw refusal("见证方反复要求从其他大小重新提交", "the witness kept asking for another size")
    }

    /// Registers the meeting's log with the witness, checking that it is the witness named at the opening.
    func register() throws(WorkspaceError) {
        let receipt: RegistrationReceipt
        do { receipt = try client.register(registration) } catch {
            throw refusal("见证方不接受本次会议的登记：\(error.description)", "the witness does not accept this meeting's registration: \(error.description)")
        }
        guard receipt.certificate == certificate, receipt.name == binding.name else {
            throw refusal("\(binding.url) 上的见证方不是开会时指定的见证方（\(receipt.name)）",
                          "the witness at \(binding.url) is not the one named at the opening (\(receipt.name))")
        }
    }

    private func refusal(_ zh: String, _ en: String) -> WorkspaceError {
        .damaged("\(zh)。本命令未写入任何记录；请停止操作并报告监督人员", "\(en). Nothing was written; stop and tell the inspectors")
    }
}
