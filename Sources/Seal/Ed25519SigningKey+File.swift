extension Ed25519SigningKey {
    /// Writes the key, encrypted under `passphrase`, to a new file at `path` with mode 0600.
    ///
    /// The file must not exist yet: an existing key is never overwritten. It is `fsync`ed
    /// before this returns.
    public func write(to path: String, passphrase: String) throws(SealError) {
        try KeyFile.create(path, with: encryptedPEM(passphrase: passphrase))
    }

    /// Reads a PKCS#8 `ENCRYPTED PRIVATE KEY` PEM file holding an Ed25519 key and opens it
    /// with `passphrase`.
    public init(contentsOf path: String, passphrase: String) throws(SealError) {
        try self.init(encryptedPEM: KeyFile.read(path), passphrase: passphrase)
    }
}
