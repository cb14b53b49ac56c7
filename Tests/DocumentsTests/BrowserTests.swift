import Documents
import Foundation
import Records
import Review
import Testing

/// The HTML documents printed by a real browser (Debian's headless Chromium) to PDF and read
/// back with poppler (`pdfinfo`, `pdftotext`): page counts, paper sizes, what lands on which
/// page. Runs where `chromium` and the poppler tools exist (`scripts/render-check.sh` installs
/// them and keeps the pages as PNG for a person to look at).
@Suite("Printed in a browser", .enabled(if: Browser.available, Comment(rawValue: Browser.missing)))
struct BrowserTests {
    static let state = SampleSession.shared.state
    static let renderer = SampleSession.renderer

    @Test("all result forms together: one A4 page each, every page numbered 第 1 页 共 1 页")
    func resultFormsTogether() throws {
        let printed = try Browser.print(try Self.renderer.resultFormsTogether(Self.state, format: .html).text, name: "result-forms")
        #expect(printed.pages == 14)
        #expect(Browser.isA4(printed.size, landscape: false), "A4 portrait: \(printed.size)")
        for page in 1...printed.pages {
            let text = try printed.text(page)
            let footer = text.filter { $0 != " " }
            #expect(footer.contains("第1页共1页") && !footer.contains("共14页"), "page \(page)")
            #expect(text.contains("（盖章）") && text.contains("主任委员（或主持会议的副主任委员）签字"), "page \(page): the form ends on its page")
        }
    }

    @Test("a form filed on its own is exactly one A4 page, also as a signed print copy", arguments: ["C01", "C05", "C09"])
    func oneForm(id: String) throws {
        let forms = try Self.renderer.resultForms(Self.state, format: .html)
        let form = try #require(forms.first { $0.candidate == id })
        let printed = try Browser.print(form.text, name: "form-\(id)")
        #expect(printed.pages == 1 && Browser.isA4(printed.size, landscape: false), "\(printed)")
        #expect(try printed.text(1).filter { $0 != " " }.contains("第1页共1页"))
        let out = try SampleSession.temporaryDirectory() + "/copies/"
        let r = try SampleSession.run(["-C", SampleSession.shared.folder, "render", "result-forms", "--format", "html", "--out", out])
        #expect(r.status == 0)
        let copy = try String(contentsOfFile: out + "评审表-\(id).html", encoding: .utf8)
        #expect(copy.contains("电子签名"))
        let signed = try Browser.print(copy, name: "copy-\(id)")
        #expect(signed.pages == 1, "the signature lines fit on the form's page")
        #expect(try signed.text(1).contains("SHA-256"))
    }

    @Test("a long name wraps inside its cell, short of the 性别 label; a long unit keeps the form on one page")
    func longName() throws {
        var facts = ResultFormFacts.all(Self.state)[0]
        facts.candidate.name = "阿卜杜热合曼·买买提明·艾合买提江"
        facts.candidate.unit = String(repeating: "安徽省某某市某某区某某科技发展有限责任公司第二研究院", count: 3)
        facts.candidate.appliedTitle = "正高级工程师（教授级高级工程师）"
        let printed = try Browser.print(try Self.renderer.resultForm(facts, format: .html).text, name: "long-name")
        #expect(printed.pages == 1)
        let words = try printed.words(1)
        let gender = try #require(words.first { $0.text == "性" }, "the 性别 label")
        let nameParts = words.filter { w in w.text.count > 1 && facts.candidate.name.contains(w.text) }
        #expect(!nameParts.isEmpty)
        for w in nameParts {
            #expect(w.xMax < gender.xMin, "\(w.text) ends at \(w.xMax), the label starts at \(gender.xMin)")
        }
    }

    @Test("the 一览表 prints on A4 landscape; its last page holds the last rows, the totals and the signature block",
          arguments: [0, 6, 10, 16])
    func overview(extra: Int) throws {
        let state = try Self.withExtraCandidates(extra)
        let printed = try Browser.print(try Self.renderer.overview(state, format: .html).text, name: "overview-\(extra)")
        #expect(Browser.isA4(printed.size, landscape: true), "A4 landscape: \(printed.size)")
        let last = try printed.text(printed.pages)
        #expect(last.contains("合计：申报 \(14 + extra) 人") && last.contains("填表人") && last.contains("审核人"), "\(extra) more rows")
        let lastName = extra == 0 ? "石慧敏" : "补充申报人\(extra)"
        #expect(last.contains(lastName), "\(extra) more rows: the last row shares the page of the totals")
        for row in 1...printed.pages {
            let text = try printed.text(row)
            #expect(text.contains("出生年月") && text.contains("表决情况"), "the header repeats on page \(row)")
        }
        if extra == 0 { #expect(printed.pages == 1) }
    }

    @Test("the minutes print on A4 portrait; the signatures share the last page with the end of the text")
    func minutes() throws {
        let printed = try Browser.print(try Self.renderer.minutes(Self.state, format: .html).text, name: "minutes")
        #expect(printed.pages >= 2 && Browser.isA4(printed.size, landscape: false), "\(printed.size)")
        let last = try printed.text(printed.pages)
        #expect(last.contains("主持人（签名）") && last.contains("记录人（签名）"))
        #expect(last.contains("九、其他需要说明的问题") && last.contains("本记录正文完"))
        #expect(try printed.text(2).contains("保密"), "the mark heads every page")
    }

    /// The sample with `n` more candidates on the roster (not voted on), named 补充申报人1…n.
    static func withExtraCandidates(_ n: Int) throws -> SessionState {
        guard n > 0 else { return state }
        var entries = SampleSession.shared.entries
        guard case .sessionCreated(var founding) = entries[0].event else { throw SampleSession.Failure("no founding entry") }
        for i in 1...n {
            var c = founding.candidates[i % founding.candidates.count]
            c.id = "X\(i)"
            c.name = "补充申报人\(i)"
            founding.candidates.append(c)
        }
        entries[0].event = .sessionCreated(founding)
        return try SessionState.replay(entries)
    }
}

/// The browser and the PDF tools, if installed, and what they make of a page.
enum Browser {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool { tool("chromium") != nil && tool("pdfinfo") != nil && tool("pdftotext") != nil }

    /// Why the suite is skipped where it is.
    static let missing = "chromium、pdfinfo 或 pdftotext 未安装，跳过打印测试 (chromium or poppler is not installed: `apt-get install -y chromium poppler-utils fonts-noto-cjk`)"

    /// A printed PDF: its page count and size, and its text page by page.
    struct Printed: CustomStringConvertible {
        var pdf: String
        var pages: Int
        var size: String
        var description: String { "\(pages) page(s), \(size)" }

        func text(_ page: Int) throws -> String {
            try Browser.run(Browser.tool("pdftotext")!, ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"])
        }

        /// The words of `page` with their boxes (`pdftotext -bbox`), in reading order.
        func words(_ page: Int) throws -> [Word] {
            let html = try Browser.run(Browser.tool("pdftotext")!, ["-f", "\(page)", "-l", "\(page)", "-bbox", pdf, "-"])
            let pattern = try Regex(#"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
            return html.matches(of: pattern).compactMap { m in
                guard let x0 = Double(m.output[1].substring ?? ""), let x1 = Double(m.output[3].substring ?? "") else { return nil }
                return Word(text: String(m.output[5].substring ?? ""), xMin: x0, xMax: x1)
            }
        }
    }

    struct Word { var text: String; var xMin: Double; var xMax: Double }

    /// Prints `html` to PDF in headless Chromium.
    static func print(_ html: String, name: String) throws -> Printed {
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
        return Printed(pdf: pdf, pages: pages, size: size)
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
}
