/// A failure inside OpenSSL or of a sealed record, with the whole OpenSSL error queue kept.
///
/// `operation` says what was being done ("computing SHA-256"); `queue` holds every line
/// OpenSSL left in its thread-local error queue, oldest first, so nothing is lost to a
/// single error number. Secret material never appears in either.
public struct SealError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var queue: [String]

    public init(operation: String, queue: [String] = []) {
        self.operation = operation
        self.queue = queue
    }

    public var description: String {
        queue.isEmpty
            ? "OpenSSL 操作失败 (OpenSSL failed): \(operation)"
            : "OpenSSL 操作失败 (OpenSSL failed): \(operation) — \(queue.joined(separator: "; "))"
    }
}
