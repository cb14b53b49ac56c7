/// How pingshen encrypts a long-term private key (committee seal, chair, secretary, teller,
/// inspector, witness): PKCS#8 `ENCRYPTED PRIVATE KEY`, PBES2 with PBKDF2-HMAC-SHA256 at
/// 600,000 iterations and a 16-byte random salt, AES-256-CBC.
///
/// PBKDF2 rather than scrypt: OpenSSL 3.0 caps scrypt at 32 MiB by default, and
/// N = 2^15, r = 8, p = 1 needs 32 MiB plus a few kilobytes, so `openssl pkcs8` 3.0 can neither
/// write nor read such a key ("memory limit exceeded"); N = 2^14 would be below the strength
/// asked for. 600,000 PBKDF2-HMAC-SHA256 iterations is OWASP's recommendation (2023) and every
/// `openssl pkcs8 -in KEY -passin …` opens it. Keys written before (2,048 iterations) still open.
///
/// A new key's passphrase has at least ``minimumPassphraseLength`` characters.
public enum KeyEncryption {
    /// PBKDF2 iterations for every key written.
    public static let iterations = 600_000
    /// Salt bytes for PBKDF2.
    public static let saltLength = 16
    /// The fewest characters (as a reader counts them: 口 is one) a new key's passphrase may have.
    public static let minimumPassphraseLength = 12

    /// Test-only: a lower iteration count for tests that make many keys, bound around the code
    /// that makes them (`KeyEncryption.$testingIterations.withValue(1000) { … }`) through
    /// `@testable import Seal`. Internal and task-local: the command line never reaches it, and
    /// it reaches no test but the one that binds it.
    @TaskLocal static var testingIterations: Int?

    /// The iterations keys are written with now.
    static var effectiveIterations: Int { testingIterations ?? iterations }

    /// Refuses a passphrase too short for a new key (an empty one as a wrong passphrase, as before),
    /// so that a caller can ask before generating anything.
    public static func checkNew(_ passphrase: String) throws(SealError) {
        guard !passphrase.isEmpty else {
            throw SealError(operation: "导出私钥：口令不能为空 (exporting a private key: the passphrase is empty)", code: .wrongPassphrase)
        }
        guard passphrase.count >= minimumPassphraseLength else {
            throw SealError(operation: "导出私钥：口令只有 \(passphrase.count) 个字符，新私钥的口令至少 \(minimumPassphraseLength) 个字符 "
                + "(exporting a private key: the passphrase has \(passphrase.count) characters; a new key needs at least \(minimumPassphraseLength))",
                code: .weakPassphrase)
        }
    }
}
