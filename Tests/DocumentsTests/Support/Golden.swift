import Foundation
import Testing

/// Expected documents kept as files under `Tests/DocumentsTests/Golden/`, reviewed by eye once.
/// `PINGSHEN_UPDATE_GOLDEN=1 swift test --filter DocumentsTests` rewrites them from the output.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden").path

    static var updating: Bool { ProcessInfo.processInfo.environment["PINGSHEN_UPDATE_GOLDEN"] == "1" }

    /// Checks `text` against the golden file `name`, or writes it when updating.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = folder + "/" + name
        if updating {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(name); run with PINGSHEN_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text {
            let a = expected.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let line = first < b.count ? b[first] : "(end of output)"
            let want = first < a.count ? a[first] : "(end of golden file)"
            Issue.record("\(name) differs from its golden file at line \(first + 1):\n  golden: \(want)\n  output: \(line)", sourceLocation: sourceLocation)
        }
    }
}
