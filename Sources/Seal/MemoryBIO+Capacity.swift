#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenSSL

// Fast paths for large CMS objects (a session archive is megabytes): comparing encodings with
// memcmp rather than element by element, and decrypting into a buffer sized once rather than
// regrown (each regrowth copies and cleanses the old buffer).

enum Bytes {
    /// Whether `a` and `b` hold the same bytes.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}

extension MemoryBIO {
    /// Runs `body` with an empty writable BIO whose buffer can take `capacity` bytes without
    /// growing, and returns everything written to it.
    static func writing(capacity: Int, _ body: (OpaquePointer) throws(SealError) -> Void) throws(SealError) -> [UInt8] {
        let operation = "创建内存 BIO (creating a memory BIO)"
        let buffer = try checked(BUF_MEM_new(), operation)
        guard BUF_MEM_grow(buffer, capacity) == capacity else {
            BUF_MEM_free(buffer)
            throw SealError.drainingQueue(operation)
        }
        buffer.pointee.length = 0
        guard let bio = BIO_new(BIO_s_mem()) else {
            BUF_MEM_free(buffer)
            throw SealError.drainingQueue(operation)
        }
        defer { BIO_free(bio) }
        // BIO_set_mem_buf (a macro): the BIO takes the buffer and frees it with itself.
        guard BIO_ctrl(bio, BIO_C_SET_BUF_MEM, Int(BIO_CLOSE), UnsafeMutableRawPointer(buffer)) == 1 else {
            BUF_MEM_free(buffer)
            throw SealError.drainingQueue(operation)
        }
        try body(bio)
        return contents(of: bio)
    }
}
