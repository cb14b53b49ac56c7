import COpenSSL

// Owners of the long-lived OpenSSL objects behind Seal's public structs, and the short-lived
// memory BIOs every encoder and decoder goes through. Nothing here is public.

/// Owns an `EVP_PKEY` (a public key or a key pair) and frees it with the last reference.
///
/// OpenSSL 3 allows concurrent signing and verifying with one provider-native `EVP_PKEY`,
/// which is why the public structs wrapping it may be `Sendable`.
final class OwnedKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }
}

/// Owns an `X509` certificate and frees it with the last reference.
final class OwnedCertificate: @unchecked Sendable {
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Shares a certificate someone else owns, taking a reference of our own.
    convenience init(sharing pointer: OpaquePointer) {
        X509_up_ref(pointer)
        self.init(takingOwnershipOf: pointer)
    }

    deinit { X509_free(pointer) }
}

/// A NUL-terminated C string with static lifetime, for OpenSSL calls that keep the pointer
/// beyond the call: `EVP_PKEY_CTX_new_from_name` keeps its key-type name, `OSSL_PARAM_BLD`
/// its parameter names. Swift's `String` bridge would hand them a temporary copy.
func staticCString(_ string: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(string.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// Read-only and writable memory BIOs, alive only inside the closure that uses them.
enum MemoryBIO {
    /// Runs `body` with a BIO that reads `bytes` without copying them.
    static func reading<Result>(
        _ bytes: [UInt8],
        _ body: (OpaquePointer) throws(SealError) -> Result
    ) throws(SealError) -> Result {
        guard bytes.count <= Int32.max else {
            throw SealError(operation: "输入超过 2 GiB (input larger than 2 GiB)", code: .malformed)
        }
        // BIO_new_mem_buf refuses a null pointer, which an empty array may hand out.
        let storage = bytes.isEmpty ? [0] : bytes
        return try storage.withUnsafeBufferPointer { (buffer) throws(SealError) -> Result in
            let bio = try checked(
                BIO_new_mem_buf(buffer.baseAddress, Int32(bytes.count)),
                "创建内存 BIO (creating a memory BIO)")
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }

    /// Runs `body` with an empty writable BIO and returns everything written to it.
    static func writing(_ body: (OpaquePointer) throws(SealError) -> Void) throws(SealError) -> [UInt8] {
        let bio = try checked(BIO_new(BIO_s_mem()), "创建内存 BIO (creating a memory BIO)")
        defer { BIO_free(bio) }
        try body(bio)
        return contents(of: bio)
    }

    /// A copy of what a memory BIO holds.
    static func contents(of bio: OpaquePointer) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        let length = pingshen_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}

/// Runs a `d2i_…` decoder over all of `der` and insists that it consumed every byte;
/// `free` releases the object when trailing bytes make the input unacceptable.
func decodeDER(
    _ der: [UInt8],
    _ what: String,
    decode: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?,
    free: (OpaquePointer) -> Void
) throws(SealError) -> OpaquePointer {
    let operation = "解析 \(what) (parsing \(what))"
    guard !der.isEmpty else { throw SealError(operation: operation + "：输入为空 (empty input)", code: .malformed) }
    let (object, consumed): (OpaquePointer?, Int) = der.withUnsafeBufferPointer { buffer in
        var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
        let object = decode(&cursor, buffer.count)
        let consumed = cursor.map { $0 - buffer.baseAddress! } ?? 0
        return (object, consumed)
    }
    guard let object else { throw SealError.drainingQueue(operation, code: .malformed) }
    guard consumed == der.count else {
        free(object)
        throw SealError(operation: operation + "：末尾有多余字节 (trailing bytes)", code: .malformed)
    }
    return object
}

/// Runs an `i2d_…` encoder that allocates its output, and returns a copy of the DER.
func encodeDER(
    _ what: String, _ encode: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>) -> Int32
) throws(SealError) -> [UInt8] {
    var out: UnsafeMutablePointer<UInt8>?
    let length = encode(&out)
    defer { pingshen_OPENSSL_free(out) }
    guard length > 0, let out else { throw SealError.drainingQueue("编码 \(what) (encoding \(what))") }
    return Array(UnsafeBufferPointer(start: out, count: Int(length)))
}
