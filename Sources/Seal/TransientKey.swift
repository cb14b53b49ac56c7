// Keys that live only while a meeting (the session key) or a round (the round's credential
// key) is open. Each command is a separate process, so such a key must wait on disk between
// commands: in a 0600 file in the session folder, deleted when its meeting or round closes.
// A passphrase would protect nothing there — whoever can read the file can read the folder —
// so these keys are stored as unencrypted PKCS#8, and long-term identities never are.

extension SigningKey {
    /// The key as an unencrypted PKCS#8 PEM, for a session key kept 0600 while its meeting is open.
    public func transientPEM() throws(SealError) -> [UInt8] {
        try key.unencryptedPKCS8PEM()
    }

    /// Reads a key written by `transientPEM()`.
    public init(transientPEM bytes: [UInt8]) throws(SealError) {
        try self.init(key: .readingUnencryptedPKCS8PEM(bytes))
    }
}

extension BlindSigningKey {
    /// The round key as an unencrypted PKCS#8 PEM, kept 0600 while its round is open and
    /// deleted at the round's close (SPEC.md §2: the round key is destroyed at close).
    public func transientPEM() throws(SealError) -> [UInt8] {
        try key.unencryptedPKCS8PEM()
    }

    /// Reads a round key written by `transientPEM()`.
    public init(transientPEM bytes: [UInt8], variant: BlindSignatureVariant = .sha384PSSRandomized) throws(SealError) {
        try self.init(key: .readingUnencryptedPKCS8PEM(bytes), variant: variant)
    }
}
