import COpenSSL

/// Owns an `EVP_MD_CTX` and the explicitly fetched `EVP_MD` it is re-initialised with.
///
/// Fetching once matters on OpenSSL 3: `EVP_DigestInit_ex` with `EVP_sha256()` performs an
/// implicit fetch (a locked method-store lookup) on every call, which costs more than hashing
/// 64 bytes. Re-initialising with a NULL type keeps the fetched digest and its provider context.
final class ReusableDigestContext: @unchecked Sendable {
    private let pointer: OpaquePointer
    private let md: OpaquePointer
    private let algorithm: DigestAlgorithm

    init(_ algorithm: DigestAlgorithm) {
        // Allocation failure or a missing provider: no digest, nothing sensible to continue with
        // (the same policy as `DigestContext`).
        guard let md = EVP_MD_fetch(nil, algorithm.rawValue, nil) else {
            fatalError("\(SealError.drainingQueue("fetching \(algorithm.rawValue)"))")
        }
        guard let context = EVP_MD_CTX_new() else {
            EVP_MD_free(md)
            fatalError("EVP_MD_CTX_new: out of memory")
        }
        guard EVP_DigestInit_ex2(context, md, nil) == 1 else {
            EVP_MD_CTX_free(context)
            EVP_MD_free(md)
            fatalError("\(SealError.drainingQueue("initialising \(algorithm.rawValue)"))")
        }
        self.md = md
        self.algorithm = algorithm
        pointer = context
    }

    deinit {
        EVP_MD_CTX_free(pointer)
        EVP_MD_free(md)
    }

    func hash(
        _ first: UnsafeRawBufferPointer,
        _ second: UnsafeRawBufferPointer,
        _ third: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawPointer
    ) {
        var length: UInt32 = 0
        // A NULL type re-initialises with the digest already set: no fetch, no allocation.
        guard EVP_DigestInit_ex2(pointer, nil, nil) == 1,
              update(first), update(second), update(third),
              EVP_DigestFinal_ex(pointer, output.assumingMemoryBound(to: UInt8.self), &length) == 1,
              Int(length) == algorithm.byteCount
        else {
            fatalError("\(SealError.drainingQueue("computing \(algorithm.rawValue)"))")
        }
    }

    @inline(__always)
    private func update(_ part: UnsafeRawBufferPointer) -> Bool {
        part.isEmpty || EVP_DigestUpdate(pointer, part.baseAddress, part.count) == 1
    }
}
