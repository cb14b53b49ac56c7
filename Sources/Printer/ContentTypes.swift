import Mustache

/// The content types templates may name with `{{% CONTENT_TYPE: … }}` besides swift-mustache's
/// own `HTML` and `TEXT`.
enum ContentTypes {
    /// Makes `MARKDOWN` known to the template parser (once; safe from any thread).
    static func register() { _ = registration }

    private static let registration: Void = MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")
}

/// `MARKDOWN`: values are written as they are, except that a `|` would end a table cell and a
/// line break would end a row.
struct MarkdownContent: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}

/// The escaping of swift-mustache's `HTML` content type (`<`, `>`, `&`, `"`, `'`, each a
/// character of its own), except that text with none of them — nearly all Chinese text — is
/// returned without being copied.
package enum HTMLEscape {
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// A text value as templates see it: printed as it is (escaped for the document), and false
/// in a section when empty, so `{{#remark}}备注：{{remark}}{{/remark}}` shows only what is there.
package struct TextValue: MustacheCustomRenderable, Sendable {
    package let text: String
    package var renderText: String { text }
    package var isNull: Bool { text.isEmpty }

    package init(text: String) { self.text = text }
}

extension TextValue: MustacheTransformable {
    /// swift-mustache's string transforms (`uppercased(name)`, `empty(remark)`, …) work on cells too.
    package func transform(_ name: String) -> Any? { text.transform(name) }
}
