/// Errors a type threw while decoding itself (`DecodingError` from a synthesized enum, a
/// type's own check), turned into `JSONError`s at the value they are about.
extension Tape {
    /// `error`, thrown while decoding the value at `i`, as a `JSONError` at the byte it names.
    func failure(_ error: any Error, at i: Int) -> JSONError {
        if let error = error as? JSONError { return error }
        guard let error = error as? DecodingError else {
            return JSONError(offset: Int(nodes[i].start), problem: "无法解码 (cannot decode): \(error)")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = locate(context.codingPath, from: i)
            return missing(key.stringValue, in: nodes[at].kind == .object ? at : i)
        case .valueNotFound(let type, let context):
            let at = locate(context.codingPath, from: i)
            return JSONError(offset: Int(nodes[at].start), problem: "此处不能为 null (expected \(type), got null)")
        case .typeMismatch(let type, let context):
            let at = locate(context.codingPath, from: i)
            return JSONError(offset: Int(nodes[at].start), problem: "类型不符 (type mismatch: expected \(type)), got \(text(at))")
        case .dataCorrupted(let context):
            let at = locate(context.codingPath, from: i)
            return JSONError(offset: Int(nodes[at].start), problem: "无效的取值 \(text(at)) (invalid value): \(context.debugDescription)")
        @unknown default:
            return JSONError(offset: Int(nodes[i].start), problem: "无法解码 (cannot decode): \(error)")
        }
    }

    /// The value `path` leads to from the value at `i` (containers here report empty paths, so
    /// an error's path is relative to the value whose type threw it); as far as it goes.
    func locate(_ path: [any CodingKey], from i: Int) -> Int {
        var at = i
        for key in path {
            let node = nodes[at]
            if node.kind == .object, let value = member(at, key.stringValue) {
                at = value
            } else if node.kind == .array, let n = key.intValue, n >= 0, n < Int(node.aux) {
                var element = at + 1
                for _ in 0..<n { element = after(element) }
                at = element
            } else {
                break
            }
        }
        return at
    }
}
