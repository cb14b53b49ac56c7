import Documents
import Foundation
import Testing

/// The HTML documents printed by a real browser (Debian's headless Chromium) to PDF: one page
/// per result form, A4 (landscape for the 一览表). Runs where `chromium` and `pdfinfo` exist
/// (`scripts/render-check.sh` installs them and keeps the pages as PNG for a person to look at).
@Suite("Printed in a browser", .enabled(if: Browser.available, Comment(rawValue: Browser.missing)))
struct BrowserTests {
    static func tool(_ name: String) -> String? { Browser.tool(name) }

    /// Prints `html` to PDF and returns pdfinfo's page count and page size.
    static func print(_ html: String, name: String) throws -> (pages: Int, size: String) {
        let dir = try SampleSession.temporaryDirectory()
        let page = dir + "/" + name + ".html", pdf = dir + "/" + name + ".pdf"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        try run(tool("chromium")!, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                    "--print-to-pdf=" + pdf, "file://" + page])
        let info = try run(tool("pdfinfo")!, [pdf])
        var pages = 0, size = ""
        for line in info.split(separator: "\n") {
            if line.hasPrefix("Pages:") { pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("Page size:") { size = String(line.dropFirst(10).trimmingCharacters(in: .whitespaces)) }
        }
        return (pages, size)
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `594.96 x 841.92 pts (A4)`: A4, the long side down (portrait) or across (landscape).
    static func isA4(_ size: String, landscape: Bool) -> Bool {
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        guard size.contains("(A4)"), numbers.count == 2 else { return false }
        return landscape ? numbers[0] > numbers[1] : numbers[0] < numbers[1]
    }

    @Test("the result forms print one per A4 page")
    func resultForms() throws {
        let html = try SampleSession.renderer.resultFormsTogether(SampleSession.shared.state, format: .html).text
        let printed = try Self.print(html, name: "result-forms")
        #expect(printed.pages == 14)
        #expect(Self.isA4(printed.size, landscape: false), "A4 portrait: \(printed.size)")
    }

    @Test("the 一览表 prints on A4 landscape; the minutes on A4 portrait")
    func pageSizes() throws {
        let overview = try Self.print(try SampleSession.renderer.overview(SampleSession.shared.state, format: .html).text, name: "overview")
        #expect(Self.isA4(overview.size, landscape: true), "A4 landscape: \(overview.size)")
        let minutes = try Self.print(try SampleSession.renderer.minutes(SampleSession.shared.state, format: .html).text, name: "minutes")
        #expect(minutes.pages >= 2 && Self.isA4(minutes.size, landscape: false), "\(minutes.size)")
    }
}

/// Where the browser and the PDF tools are, if installed.
enum Browser {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool { tool("chromium") != nil && tool("pdfinfo") != nil }

    /// Why the suite is skipped where it is.
    static let missing = "chromium 或 pdfinfo 未安装，跳过打印测试 (chromium or pdfinfo is not installed: `apt-get install -y chromium poppler-utils fonts-noto-cjk`)"
}
