import Records
import Seal
import TextFormats

/// Where a session's short-lived secrets wait between steps: the PIN key from the first sign-in
/// to the close (every session, signed or not; R16), a signed meeting's session key from the
/// opening to the close, and each electronic round's credential key while the round is open.
///
/// The command line keeps them in the folder's `keys/` (``FolderKeyStore``), since each command
/// is a new process; a server that holds the session open can keep them in memory only.
/// Every key handed out is checked against the public half the journal holds.
public protocol SessionKeyStore: AnyObject {
    func storeSessionKey(_ key: SigningKey) throws(WorkspaceError)
    /// The session key, checked against the one the opening statement bound.
    func sessionKey(bound seal: MeetingSeal) throws(WorkspaceError) -> SigningKey
    /// Destroys the session key; nothing happens when there is none.
    func destroySessionKey() throws(WorkspaceError)

    func storeRoundKey(_ key: BlindSigningKey, round: Int) throws(WorkspaceError)
    /// The round's credential key, checked against the public key the round's opening records.
    func roundKey(_ opened: RoundOpened) throws(WorkspaceError) -> BlindSigningKey
    /// Destroys a round's key; nothing happens when there is none.
    func destroyRoundKey(_ round: Int) throws(WorkspaceError)

    /// Keeps the key the PINs' MACs are made with (R16).
    func storePINKey(_ key: [UInt8]) throws(WorkspaceError)
    /// The PIN key, or nil when none is stored (before the first sign-in, or after the close).
    func pinKey() throws(WorkspaceError) -> [UInt8]?
    /// Destroys the PIN key; nothing happens when there is none.
    func destroyPINKey() throws(WorkspaceError)
}

extension SessionKeyStore {
    /// The session key if `key` is the one the opening statement bound.
    func checked(_ key: SigningKey, against seal: MeetingSeal) throws(WorkspaceError) -> SigningKey {
        guard Base64.encode(key.publicKey.subjectPublicKeyInfo) == seal.sessionKey else {
            throw .damaged("会议密钥与开会声明中绑定的不一致", "the session key differs from the one the opening statement bound")
        }
        return key
    }

    /// The round key if its public half is the one the round's opening records.
    func checked(_ key: BlindSigningKey, against opened: RoundOpened) throws(WorkspaceError) -> BlindSigningKey {
        guard Base64.encode(key.publicKey.subjectPublicKeyInfo) == opened.credentialKey else {
            throw .damaged("第 \(opened.round) 轮的凭证密钥与日志中的公钥不一致（伪造的轮次密钥？）",
                           "round \(opened.round)'s credential key does not match the journal's public key (a forged round key?)")
        }
        return key
    }
}
