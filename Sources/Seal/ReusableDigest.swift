/// A digest context kept for hashing many short inputs in a row, with no allocation per hash.
///
/// `Digest.hash` builds a fresh OpenSSL context and two arrays for every call: right for a
/// one-off digest, too slow for a verifier that hashes every entry of a journal with millions
/// of lines. `ReusableDigest` makes its context (and fetches the algorithm) once; each `hash`
/// re-initialises that context and writes the digest into memory the caller owns.
///
///     var sha256 = ReusableDigest(.sha256)
///     var out = [UInt8](repeating: 0, count: 32)
///     prefix.withUnsafeBytes { p in entry.withUnsafeBytes { e in
///         out.withUnsafeMutableBytes { sha256.hash(p, e, into: $0) }
///     } }
///
/// Copies are independent: a copy that hashes first gets a context of its own, so a value can
/// be handed to another task (it is `Sendable`) without two threads ever sharing a context.
public struct ReusableDigest: Sendable {
    /// The algorithm every `hash` computes.
    public let algorithm: DigestAlgorithm
    private var context: ReusableDigestContext

    /// A context for `algorithm`, ready for any number of `hash` calls.
    public init(_ algorithm: DigestAlgorithm = .sha256) {
        self.algorithm = algorithm
        context = ReusableDigestContext(algorithm)
    }

    /// Writes the digest of `first ‖ second ‖ third` to the start of `output`.
    ///
    /// Three parts cover what a hash tree needs (a one-byte domain prefix, then one or two
    /// operands) without building a list of buffers.
    ///
    /// - Precondition: `output.count >= algorithm.byteCount`.
    /// - Complexity: O(*n*) in the total input length; no heap allocation once the
    ///   context exists.
    public mutating func hash(
        _ first: UnsafeRawBufferPointer,
        _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        _ third: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        into output: UnsafeMutableRawBufferPointer
    ) {
        precondition(output.count >= algorithm.byteCount, "digest output buffer too small")
        if !isKnownUniquelyReferenced(&context) {
            context = ReusableDigestContext(algorithm)
        }
        context.hash(first, second, third, into: output.baseAddress!)
    }
}
