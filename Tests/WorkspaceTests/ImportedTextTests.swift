import Foundation
import Records
import Testing
import TextFormats
@testable import Workspace

/// Control characters in imported files are refused where they are (file:line:column); a name
/// or unit a spreadsheet would run as a formula is imported with a notice.
@Suite("Control characters and formulas in imported files")
struct ImportedTextTests {
    /// The sample members.csv with `value` as the 姓名 (column 2) of its third line.
    static func membersWithName(_ value: String) -> [UInt8] {
        var lines = Sample.text("members.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = value
        lines[2] = fields.joined(separator: ",")
        return utf8(lines.joined(separator: "\n"))
    }

    @Test("a control character anywhere in a roster cell is refused at its line and column", arguments: [
        ("张\u{1B}[2J三", "U+001B"), ("\"张\n三\"", "U+000A"), ("张\t三", "U+0009"), ("张三\u{7F}", "U+007F"),
        ("张\u{9B}三", "U+009B"), ("\u{202E}三张", "U+202E"), ("张\u{2066}三", "U+2066"), ("\"张\r三\"", "U+000D"), ("\u{0}", "U+0000"),
    ])
    func rosterControls(_ value: String, _ named: String) throws {
        let error = try #require(throws: ImportError.self) { try RosterFile.members(Self.membersWithName(value), file: "members.csv") }
        #expect(error.file == "members.csv" && error.line == 3 && error.column == 2)
        #expect(error.chinese.contains("控制字符 \(named)") && error.english.contains(named))
    }

    @Test("a control character in a candidates.csv cell of an otherwise sound file is refused too")
    func candidateControls() throws {
        var text = Sample.text("candidates.csv")
        let range = try #require(text.range(of: "\n", options: .backwards, range: text.startIndex..<text.index(before: text.endIndex)))
        text.insert(contentsOf: "\u{85}", at: text.index(range.upperBound, offsetBy: 0))  // NEL, first cell of the last line
        let lastLine = text.split(separator: "\n").count
        let settings = try SettingsFile.read(Sample.settings, file: "session.toml").settings
        let error = try #require(throws: ImportError.self) { try RosterFile.candidates(utf8(text), file: "candidates.csv", settings: settings) }
        #expect(error.line == lastLine && error.column == 1 && error.chinese.contains("U+0085"))
    }

    @Test("session.toml: an escaped control character in a string value is refused at the value")
    func settingsControls() throws {
        let text = settingsTOML(without: ["name"]) + "\nname = \"评委会\\u001b[2J\"\n"
        let error = try #require(throws: ImportError.self) { try SettingsFile.read(utf8(text), file: "session.toml") }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("name = ") }! + 1
        #expect(error.line == line && error.column == 8 && error.chinese.contains("“name”含有控制字符 U+001B"))
    }

    @Test("a registry line with a control character, raw or escaped, is refused at its line and column")
    func registryControls() throws {
        try withTemporaryFolder { dir in
            let decision = PastDecision(committee: "评委会", session: String(repeating: "a", count: 32), date: "2025-11-20", candidate: "C01",
                                        applicant: ApplicantKey(name: "许文博", gender: "男", born: "1984-03", appliedTitle: "高级工程师", idNumber: nil), unit: "合肥公司",
                                        outcome: .passed, yes: 20, denominator: 25)
            var line = String(decoding: try JSONLine.encode(decision), as: UTF8.self)
            try write(line + "\n", to: dir + "/r.jsonl")
            #expect(try Registry(path: dir + "/r.jsonl").decisions() == [decision])
            for (bad, named) in [("许文博\\u001b", "U+001B"), ("许文博\\t", "U+0009"), ("许文博\u{9B}", "U+009B")] {
                line = String(decoding: try JSONLine.encode(decision), as: UTF8.self).replacingOccurrences(of: "\"许文博\"", with: "\"\(bad)\"")
                try write("\n" + line + "\n", to: dir + "/r.jsonl")
                let error = try #require(throws: WorkspaceError.self) { try Registry(path: dir + "/r.jsonl").decisions() }
                guard case .badInput(let e) = error else { Issue.record("\(error)"); continue }
                let column = line.distance(from: line.startIndex, to: line.range(of: bad)!.lowerBound) + 4
                #expect(e.line == 2 && e.column == column && e.chinese.contains(named), "\(e)")
            }
        }
    }

    @Test("a name or unit beginning with = + - @ is imported with a notice naming the file, line and column")
    func formulaNotices() throws {
        try withTemporaryFolder { dir in
            try write(Self.membersWithName("=1+2|cmd"), to: dir + "/members.csv")
            try write(Sample.settings, to: dir + "/session.toml")
            try write(Sample.candidates, to: dir + "/candidates.csv")
            let sources = SessionSources(settings: dir + "/session.toml", members: dir + "/members.csv", candidates: dir + "/candidates.csv")
            let (founding, _, notices) = try SessionFolder.founding(from: sources)
            #expect(founding.members[1].name == "=1+2|cmd")
            let formula = notices.filter { $0.contains("公式") }
            #expect(formula.count == 1)
            #expect(formula.first?.contains("\(dir)/members.csv 第 3 行“姓名”") == true && formula.first?.contains("以“=”开头") == true)
            // Plain names and numbers-looking units raise nothing.
            #expect(ImportedText.looksLikeFormula("-3") == false && ImportedText.looksLikeFormula("-x") && ImportedText.looksLikeFormula("@a"))
        }
    }
}
