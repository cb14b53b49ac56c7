/// A journal line (or other record file line) that is not valid JSON, or not a valid record.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 0-based byte offset within the line where the problem was found.
    public var offset: Int
    public var problem: String

    public init(offset: Int, problem: String) {
        self.offset = offset
        self.problem = problem
    }

    public var description: String { "第 \(offset + 1) 字节 (byte \(offset + 1)): \(problem)" }
}
