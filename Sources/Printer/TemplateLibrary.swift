import Bundled
import Records
import Mustache

/// The document templates: the shipped `Templates/*.mustache`, each replaceable by a file of
/// the same name in a user's folder.
///
/// A template is named by its path under the folder without `.mustache`: `minutes.md`,
/// `minutes.html`, `layout.html`. Templates reach each other as partials by those names
/// (`{{> result-form-body.html}}`, `{{< layout.html}}`).
public struct TemplateLibrary: Sendable {
    /// Where each template came from (`Templates/minutes.md.mustache` or a user's path), by name.
    public let sources: [String: String]
    /// The user's templates (from a `--templates` folder) in force, in name order; empty when
    /// only the shipped ones are used. A signed paper keeps copies of them (SPEC V11).
    public internal(set) var userSources: [Source] = []
    package let library: MustacheLibrary

    /// One template's text and where it came from.
    public struct Source: Sendable {
        public var name: String
        public var file: String
        public var text: String
        public init(name: String, file: String, text: String) {
            self.name = name
            self.file = file
            self.text = text
        }
    }

    /// Parses `templates`; a later source of the same name replaces an earlier one.
    /// - Throws: `PrinterError.template` naming the file, line and column of the first error.
    public init(_ templates: [Source]) throws(PrinterError) {
        ContentTypes.register()
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for t in templates {
            do {
                library.register(try MustacheTemplate(string: t.text), named: t.name)
            } catch let error as MustacheTemplate.ParserError {
                let (zh, en) = Self.explain(error.error)
                var (line, column) = (error.context.lineNumber, error.context.columnNumber)
                // The parser notices an unclosed tag or section only at the end of the text;
                // point at the tag that was left open instead.
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let open = TagScan.unclosed(in: t.text) {
                    (line, column) = open
                } else if !(error.error is MustacheTemplate.Error), let open = TagScan.unclosed(in: t.text) {
                    (line, column) = open
                }
                throw .template(file: t.file, line: line, column: column, chinese: zh, english: en)
            } catch {
                throw .template(file: t.file, line: 1, column: 1, chinese: "\(error)", english: "\(error)")
            }
            sources[t.name] = t.file
        }
        self.library = library
        self.sources = sources
    }

    /// The templates shipped inside the binary.
    public static func shippedSources() -> [Source] {
        Bundled.paths(under: "Templates").filter { $0.hasSuffix(".mustache") }.compactMap { path in
            guard let text = Bundled.text(path) else { return nil }
            return Source(name: name(ofRelativePath: String(path.dropFirst("Templates/".count))), file: path, text: text)
        }
    }

    /// The shipped templates alone.
    public static func shipped() throws(PrinterError) -> TemplateLibrary {
        try TemplateLibrary(shippedSources())
    }

    /// `minutes.md` for `minutes.md.mustache` (or `sub/x.html` for `sub/x.html.mustache`).
    static func name(ofRelativePath path: String) -> String {
        String(path.dropLast(".mustache".count))
    }

    /// Whether a template of this name exists.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Renders `view` (plain dictionaries, arrays and strings) with the template `name`.
    public func render(_ view: Any, with name: String) throws(PrinterError) -> String {
        guard sources[name] != nil, let text = library.render(view, withTemplate: name) else {
            throw .missingTemplate(name: name)
        }
        return text
    }

    /// The parser's complaint in Chinese and English.
    static func explain(_ error: any Error) -> (String, String) {
        guard let e = error as? MustacheTemplate.Error else {
            return ("模板在标签结束（}}）之前就结束了", "the template ends inside a tag that is never closed with }}")
        }
        switch e {
        case .sectionCloseNameIncorrect: return ("结束标签与开始的段落名称不符", "the closing tag does not match the section it closes")
        case .unfinishedName: return ("标签没有正确结束（缺少 }} 或名称中有不允许的字符）", "a tag is not finished (missing }} or a character not allowed in a name)")
        case .expectedSectionEnd: return ("段落没有结束标签 {{/…}}", "a section is never closed with {{/…}}")
        case .invalidSetDelimiter: return ("更改定界符的标签格式不对", "malformed set-delimiter tag")
        case .transformAppliedToInheritanceSection: return ("继承块不能使用变换", "a transform cannot apply to an inheritance block")
        case .illegalTokenInsideInheritSection: return ("继承模板中只能有 {{$块}} 定义", "only {{$block}} definitions may appear inside an inheriting partial")
        case .textInsideInheritSection: return ("继承模板中不能有文字", "text is not allowed inside an inheriting partial")
        case .invalidConfigVariableSyntax: return ("{{% … }} 设置的格式不对", "malformed {{% … }} setting")
        case .unrecognisedConfigVariable: return ("未知的 {{% … }} 设置（可用 CONTENT_TYPE: HTML、TEXT、MARKDOWN）", "unknown {{% … }} setting (CONTENT_TYPE may be HTML, TEXT or MARKDOWN)")
        }
    }
}
