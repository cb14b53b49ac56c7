/// HMAC (RFC 2104) over the digests of ``Digest``: a keyed MAC, so a value computed from a
/// short secret (a 6-digit PIN) cannot be searched without the key.
public enum HMAC {
    /// HMAC-SHA-256 of `message` under `key` (RFC 4231 vectors in the tests).
    public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        let block = 64
        var k = key.count > block ? Digest.hash(key, using: .sha256) : Array(key)
        k += [UInt8](repeating: 0, count: block - k.count)
        let inner = Digest.hash(k.map { $0 ^ 0x36 } + Array(message), using: .sha256)
        return Digest.hash(k.map { $0 ^ 0x5C } + inner, using: .sha256)
    }
}
