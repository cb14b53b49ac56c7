import COpenSSL

/// Owns an `EVP_MD_CTX` initialised for one digest algorithm.
final class DigestContext: @unchecked Sendable {
    private let pointer: OpaquePointer
    private let byteCount: Int

    init(_ algorithm: DigestAlgorithm) {
        // EVP_MD_CTX_new and EVP_DigestInit_ex fail only on allocation failure or a
        // missing provider; neither is recoverable for a digest we cannot do without.
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        let md: OpaquePointer? = switch algorithm {
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sm3: EVP_sm3()
        }
        guard EVP_DigestInit_ex(context, md, nil) == 1 else {
            fatalError("\(SealError.drainingQueue("initialising \(algorithm.rawValue)"))")
        }
        pointer = context
        byteCount = algorithm.byteCount
    }

    deinit { EVP_MD_CTX_free(pointer) }

    func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            _ = EVP_DigestUpdate(pointer, buffer.baseAddress, buffer.count)
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { _ = EVP_DigestUpdate(pointer, $0.baseAddress, $0.count) }
        }
    }

    func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(pointer, &out, &length)
        return Array(out.prefix(Int(length)))
    }
}
