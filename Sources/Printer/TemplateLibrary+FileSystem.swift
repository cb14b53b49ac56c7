import Foundation

extension TemplateLibrary {
    /// The shipped templates, with every `*.mustache` under `directory` (recursively) replacing
    /// the shipped one of the same name or adding a new one.
    public init(overridingWith directory: String?) throws(PrinterError) {
        let user = try directory.map { (d) throws(PrinterError) in try Self.sources(in: d) } ?? []
        try self.init(Self.shippedSources() + user)
        userSources = user
    }

    /// The templates in `directory` and its subfolders, sorted by name.
    static func sources(in directory: String) throws(PrinterError) -> [Source] {
        var out: [Source] = []
        for relative in try files(in: directory, ending: ".mustache") {
            let path = joined(directory, relative)
            out.append(Source(name: name(ofRelativePath: relative), file: path, text: try readText(path)))
        }
        return out
    }
}

extension TemplateLibrary {
    /// Paths relative to `directory` of the regular files ending in `suffix`, sorted.
    package static func files(in directory: String, ending suffix: String, mustExist: Bool = true) throws(PrinterError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            if !mustExist { return [] }
            throw .file(path: directory, chinese: "模板文件夹不存在", english: "the templates folder does not exist")
        }
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        for case let path as String in walker where path.hasSuffix(suffix) && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            out.append(path)
        }
        return out.sorted()
    }
}

package func joined(_ directory: String, _ relative: String) -> String {
    directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
}

/// A file's contents as UTF-8 text (a leading BOM dropped).
package func readText(_ path: String) throws(PrinterError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw .file(path: path, chinese: "无法读取文件", english: "cannot read the file")
    }
    var bytes = Array(data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw .file(path: path, chinese: "不是 UTF-8 编码的文本", english: "not UTF-8 text")
    }
    return text
}
