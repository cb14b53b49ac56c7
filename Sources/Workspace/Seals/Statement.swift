import Records
import Review
import Seal
import TextFormats

/// Signing a statement with a committee identity: CMS for P-256 (checkable with
/// `openssl cms -verify`), a plain SM2 signature for 国密 identities (OpenSSL 3.0 has no SM2 CMS).
enum StatementSigning {
    static func sign(_ text: String, by identity: Identity) throws(WorkspaceError) -> SignedStatement {
        let bytes = Array(text.utf8)
        do {
            switch identity.key.algorithm {
            case .p256:
                let cms = try DetachedSignature.sign(bytes, signers: [identity])
                return SignedStatement(text: text, format: "cms", signature: Base64.encode(cms.der),
                                       certificate: Base64.encode(identity.certificate.der))
            case .sm2:
                return SignedStatement(text: text, format: "sm2", signature: Base64.encode(try identity.key.signature(for: bytes)),
                                       certificate: Base64.encode(identity.certificate.der))
            }
        } catch {
            throw .damaged("无法签署声明：\(error)", "cannot sign the statement: \(error)")
        }
    }
}

/// The host's opening statement: binds a meeting's session key to the meeting, the host and the
/// recorder (SPEC.md §2, V3). Its exact UTF-8 text is what the host signs.
enum OpeningStatement {
    static func text(state: SessionState, host: MemberID, recorder: String, sessionKey: VerifyingKey,
                     origin: String, keyName: String, witness: WitnessBinding? = nil) -> String {
        let name = state.member(host)?.name ?? ""
        let witnessLine = witness.map { "见证方 witness: \($0.name) \($0.url)\n" } ?? "见证方 witness: 无 none\n"
        return """
        pingshen 开会声明 opening statement v1
        评委会 committee: \(state.settings.name)
        会议编号 session: \(state.session)
        开会日期 date: \(state.settings.date)
        主持人 host: \(host) \(name)
        记录人 recorder: \(recorder)
        会议密钥 session key (\(sessionKey.algorithm.rawValue), SubjectPublicKeyInfo, base64): \(Base64.encode(sessionKey.subjectPublicKeyInfo))
        检查点 checkpoints: origin \(origin), key name \(keyName)
        \(witnessLine)本人以主持人身份确认：本次会议的日志检查点由上述会议密钥签署。
        As host I confirm that this meeting's journal checkpoints are signed by the session key above.

        """
    }

    /// The checkpoint origin line of a session.
    static func origin(session: String) -> String { "pingshen.session/\(session)" }

    /// The C2SP key name of a session's key.
    static func keyName(session: String) -> String { "pingshen.session.\(session.prefix(16))" }

    /// The C2SP key name of a recorder's cosigning key.
    static func recorderKeyName(_ certificate: Certificate) -> String { "pingshen.recorder.\(certificate.serialHex.prefix(16))" }
}
