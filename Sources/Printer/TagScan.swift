/// Finds where a template leaves a tag or a section open, for an error message that points at
/// the opening rather than at the end of the file.
///
/// A rough scan with the default `{{ }}` delimiters: enough to name a line and column, never
/// used to render.
enum TagScan {
    /// The 1-based line and column of the innermost section or tag left open, if any.
    static func unclosed(in text: String) -> (Int, Int)? {
        var stack: [(name: String, line: Int, column: Int)] = []
        var line = 1, column = 1
        var chars = Array(text)
        chars.append("\0")
        var i = 0
        while i < chars.count - 1 {
            if chars[i] == "{" && chars[i + 1] == "{" {
                let (tagLine, tagColumn) = (line, column)
                var j = i + 2
                while j < chars.count - 1 && !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
                guard j < chars.count - 1 else { return (tagLine, tagColumn) }
                let body = String(chars[(i + 2)..<j]).trimmingWhitespace()
                if let sigil = body.first, "#^$<".contains(sigil) {
                    stack.append((String(body.dropFirst()).trimmingWhitespace(), tagLine, tagColumn))
                } else if body.first == "/" {
                    let name = String(body.dropFirst()).trimmingWhitespace()
                    if let k = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(k...) }
                }
                for c in chars[i...(j + 1)] {
                    if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = j + 2
                continue
            }
            if chars[i] == "\n" || chars[i] == "\r\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return stack.last.map { ($0.line, $0.column) }
    }
}
