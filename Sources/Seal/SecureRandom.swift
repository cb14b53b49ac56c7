import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return out }
        guard RAND_bytes(&out, Int32(count)) == 1 else {
            // The DRBG failing to seed is not a state in which a ballot may be cast.
            fatalError("\(SealError.drainingQueue("drawing random bytes"))")
        }
        return out
    }

    /// A uniformly random integer in `0..<bound` (rejection sampling, no modulo bias).
    public static func uniform(below bound: UInt32) -> UInt32 {
        precondition(bound > 0)
        let limit = UInt32.max - UInt32.max % bound
        while true {
            let b = bytes(4)
            let value = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
            if value < limit { return value % bound }
        }
    }

    /// A string of `length` decimal digits, each uniform.
    public static func digits(_ length: Int) -> String {
        String((0..<length).map { _ in Character(String(uniform(below: 10))) })
    }
}
