import COpenSSL

extension SealError {
    /// Drains OpenSSL's thread-local error queue into a `SealError` for `operation`.
    static func drainingQueue(_ operation: String) -> SealError {
        var lines: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            lines.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return SealError(operation: operation, queue: lines)
    }
}

/// Throws the drained error queue unless `status` is 1 (OpenSSL's success value).
@inline(__always)
func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(SealError) {
    if status != 1 { throw SealError.drainingQueue(operation()) }
}
