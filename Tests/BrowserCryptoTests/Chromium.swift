import Foundation

/// Debian's headless Chromium, loading the pages under `Web/test/` from disk and handing back
/// the DOM after their scripts ran (`--dump-dom`).
enum Chromium {
    /// The browser binary, if installed.
    static let path: String? = ["/usr/bin/chromium", "/usr/local/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The reason printed when the suite is skipped.
    static let missing = "chromium 未安装，跳过浏览器密码学测试 (chromium is not installed: `apt-get install -y chromium`)"

    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The DOM of `Web/test/<page>` (with `#fragment`, if given) after its scripts ran. Each run
    /// gets a profile directory of its own, so that parallel tests do not share one.
    static func dumpDOM(page: String, fragment: String? = nil) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-chromium-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: profile) }
        var url = "file://" + root + "/Web/test/" + page
        if let fragment { url += "#" + fragment }
        let arguments = [
            "120", path!, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
            "--user-data-dir=" + profile.path, "--dump-dom", url,
        ]
        let (status, output) = try Command.run("/usr/bin/timeout", arguments)
        guard status == 0 else { throw Failure(description: "chromium exited with status \(status) on \(page)") }
        return String(decoding: output, as: UTF8.self)
    }

    /// Runs `Web/test/bridge.html` on `request` (a JSON object) and returns its JSON answer.
    static func bridge(_ request: [String: Any]) throws -> Any {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys]), as: UTF8.self)
        let dom = try dumpDOM(page: "bridge.html", fragment: json.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        guard let text = element("pre", id: "output", in: dom), !text.isEmpty else {
            throw Failure(description: "bridge.html wrote no answer")
        }
        let answer = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        if let object = answer as? [String: Any], let error = object["error"] {
            throw Failure(description: "bridge.html: \(error) (\(object["code"] ?? "-"))")
        }
        return answer
    }

    /// The text inside `<tag id="id" …>…</tag>` in `dom` (pages escape what would need entities).
    static func element(_ tag: String, id: String, in dom: String) -> String? {
        guard let open = dom.range(of: "<\(tag) id=\"\(id)\""), let end = dom.range(of: ">", range: open.upperBound..<dom.endIndex),
              let close = dom.range(of: "</\(tag)>", range: end.upperBound..<dom.endIndex) else { return nil }
        return String(dom[end.upperBound..<close.lowerBound])
    }
}

/// Runs a program and collects its standard output.
enum Command {
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]? = nil) throws -> (status: Int32, output: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        try process.run()
        if let input {
            feed.fileHandleForWriting.write(Data(input))
            try feed.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(data))
    }
}
