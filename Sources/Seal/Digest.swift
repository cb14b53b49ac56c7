/// A message digest algorithm pingshen uses: SHA-256 (RFC 9162 trees, ballot ids) or SM3 (国密).
public enum DigestAlgorithm: String, Sendable, CaseIterable {
    case sha256 = "SHA256"
    case sm3 = "SM3"
    case sha384 = "SHA384"

    /// Output length in bytes.
    public var byteCount: Int {
        switch self {
        case .sha256, .sm3: 32
        case .sha384: 48
        }
    }
}

/// One-shot and incremental hashing through OpenSSL's EVP interface.
public enum Digest {
    /// The digest of `bytes` under `algorithm`.
    public static func hash(_ bytes: some Collection<UInt8>, using algorithm: DigestAlgorithm = .sha256) -> [UInt8] {
        var hasher = Hasher(algorithm)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// SHA-256 of `bytes`, as lowercase hex.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        hex(hash(bytes, using: .sha256))
    }

    /// Lowercase hex of `bytes`.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Incremental hasher; feed it with `update` and read it once with `finalize`.
    public struct Hasher: ~Copyable {
        let context: DigestContext

        public init(_ algorithm: DigestAlgorithm) {
            context = DigestContext(algorithm)
        }

        public mutating func update(_ bytes: some Collection<UInt8>) {
            context.update(bytes)
        }

        public consuming func finalize() -> [UInt8] {
            context.finalize()
        }
    }
}
