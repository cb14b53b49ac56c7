import COpenSSL

extension SealError {
    /// Drains OpenSSL's thread-local error queue into a `SealError` for `operation`.
    static func drainingQueue(_ operation: String, code: Code = .openssl) -> SealError {
        var lines: [String] = []
        while true {
            let error = ERR_get_error()
            if error == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(error, &buffer, buffer.count)
            lines.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return SealError(operation: operation, queue: lines, code: code)
    }

    /// The library and reason of the newest error in the queue (left in place), if any.
    static func newestReason() -> (library: Int32, reason: Int32)? {
        let error = ERR_peek_last_error()
        return error == 0 ? nil : (ERR_GET_LIB(error), ERR_GET_REASON(error))
    }

    /// Empties OpenSSL's error queue after a failure that is answered with `false`, so stale
    /// lines never end up in a later, unrelated error.
    static func discardQueue() {
        ERR_clear_error()
    }
}

/// Throws the drained error queue unless `status` is 1 (OpenSSL's success value).
@inline(__always)
func check(_ status: Int32, _ operation: @autoclosure () -> String, code: SealError.Code = .openssl) throws(SealError) {
    if status != 1 { throw SealError.drainingQueue(operation(), code: code) }
}

/// Unwraps a pointer OpenSSL returned, or throws the drained error queue.
@inline(__always)
func checked<Pointer>(_ pointer: Pointer?, _ operation: @autoclosure () -> String, code: SealError.Code = .openssl) throws(SealError) -> Pointer {
    guard let pointer else { throw SealError.drainingQueue(operation(), code: code) }
    return pointer
}
