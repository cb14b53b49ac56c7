import Foundation
import Testing

/// The exit-status contract through the built binary: 0 success, 3 a rule's refusal, 2 bad
/// input, 1 anything else — one case of each, and the inputs that used to land wrong.
@Suite("Exit status", .serialized)
struct ExitStatusTests {
    /// A new session with M01…M17 signed in and an unsigned meeting open; and the members' PINs.
    static func openMeeting() throws -> (dir: String, pins: [String: String]) {
        let dir = try CLI.newSession()
        let pins = try CLI.checkIn(dir, CLI.members(1...17))
        try CLI.ok(["-C", dir, "open", "--host", "M01", "--recorder", "王秘书", "--unsigned"])
        return (dir, pins)
    }

    /// Runs `arguments` and expects `status`, a message on standard error, and nothing written to the journal.
    func expect(_ status: Int32, _ arguments: [String], journal: String? = nil, mentions: String? = nil,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try journal.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let r = try CLI.run(arguments)
        #expect(r.status == status, "pingshen \(arguments.joined(separator: " ")) → \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.isEmpty, "no message for \(arguments)", sourceLocation: sourceLocation)
        if let mentions { #expect(r.stderr.contains(mentions), "\(r.stderr)", sourceLocation: sourceLocation) }
        if let journal, let before {
            #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "the journal changed", sourceLocation: sourceLocation)
        }
    }

    @Test("0: an accepted command")
    func success() throws {
        let dir = try CLI.newSession()
        #expect(try CLI.run(["-C", dir, "checkin", "M01"]).status == 0)
    }

    @Test("3: a rule's refusal (R3: a member who arrived after the deliberation began)")
    func refusal() throws {
        let (dir, _) = try Self.openMeeting()
        try CLI.ok(["-C", dir, "deliberate", "C01"])
        let pins = try CLI.checkIn(dir, ["M18"])
        try CLI.ok(["-C", dir, "vote", "open", "C01"])
        try expect(3, ["-C", dir, "vote", "cast", "--member", "M18", "--pin", pins["M18"]!, "C01=同意"], journal: dir + "/journal.jsonl", mentions: "R3")
    }

    @Test("2: bad input on the command line", arguments: [
        (["vote", "cast", "--member", "M03", "--pin", "1", "C01"], "C01=同意"),     // no '='
        (["checkin"], "MEMBER"),                                                     // no member
        (["vote", "paper", "--teller", "甲", "--sheet", "-1", "C01=同意"], "--sheet"),
        (["vote", "paper", "--teller", "甲", "--sheet=-1", "C01=同意"], "-1"),
        (["keys", "issue", "--role", "organizer", "--name", "组建单位"], "organizer"),
        (["render", "minutes", "--format", "csv"], "CSV"),
        (["render", "overview", "--out", "一览表.xlsx"], ".xlsx"),
        (["observer", "某记者", "--kind", "press"], "press"),
        (["minutes", "sign", "--as", "seal", "--key", "k", "--cert", "c"], "seal"),
    ])
    func badArguments(arguments: [String], mentions: String) throws {
        let (dir, _) = try Self.openMeeting()
        try CLI.ok(["-C", dir, "deliberate", "C01"])
        try CLI.ok(["-C", dir, "vote", "open", "C01", "--paper", "--tellers", "甲", "乙"])
        try expect(2, ["-C", dir] + arguments, journal: dir + "/journal.jsonl", mentions: mentions)
    }

    @Test("2: init into a folder that is not empty, with nothing changed in it")
    func initIntoNonEmptyFolder() throws {
        let dir = try CLI.temporaryDirectory()
        try "笔记".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        try expect(2, ["init", dir, "--settings", CLI.samples + "/session.toml", "--members", CLI.samples + "/members.csv",
                       "--candidates", CLI.samples + "/candidates.csv"], mentions: "not an empty folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["notes.txt"])
    }

    @Test("2: a folder that does not exist or is not a session, named by -C, --session or --sessions")
    func notASession() throws {
        let missing = try CLI.temporaryDirectory() + "/nope"
        try expect(2, ["-C", missing, "status"], mentions: "pingshen init")
        try expect(2, ["-C", "/tmp", "status"], mentions: "not a session folder")
        try expect(2, ["status", "--session", "/"], mentions: "not a session folder")
        try expect(2, ["render", "analysis", "--sessions", missing], mentions: missing)
        #expect(!FileManager.default.fileExists(atPath: missing), "nothing was created")
    }

    @Test("1: a damaged journal (a complete line that does not parse)")
    func damagedJournal() throws {
        let dir = try CLI.newSession()
        try CLI.ok(["-C", dir, "checkin", "M01"])
        var journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        journal = journal.replacingOccurrences(of: "\"event\":\"members.arrived\"", with: "\"event\":\"members.arrived\",")
        try journal.write(toFile: dir + "/journal.jsonl", atomically: true, encoding: .utf8)
        try expect(1, ["-C", dir, "status"], mentions: "line 2")
        try expect(1, ["-C", dir, "checkin", "M02"], journal: dir + "/journal.jsonl", mentions: "line 2")
    }

    @Test("usage errors print the usage and exit 2; --help prints to standard output and exits 0")
    func usage() throws {
        let help = try CLI.run(["render", "--help"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        // The enumerated values are listed with what they mean.
        for value in ["minutes", "result-forms", "overview", "analysis", "publicity", "report", "text", "md", "html", "csv", "评审会议记录"] {
            #expect(help.stdout.contains(value), "render --help lacks \(value)")
        }
        let keys = try CLI.run(["keys", "issue", "--help"])
        for value in ["chair", "secretary", "teller", "inspector", "witness", "p256", "sm2", "ed25519", "--role inspector"] {
            #expect(keys.stdout.contains(value), "keys issue --help lacks \(value)")
        }
        let unknown = try CLI.run(["frobnicate"])
        #expect(unknown.status == 2 && unknown.stderr.contains("frobnicate"))
    }

    @Test("the spellings accepted before the options became lists still work: p-256, 国密, 组建单位, 人社")
    func aliases() throws {
        let (dir, _) = try Self.openMeeting()
        try CLI.ok(["-C", dir, "observer", "李明", "--unit", "安徽省人力资源和社会保障厅", "--kind", "组建单位"])
        try CLI.ok(["-C", dir, "observer", "赵华", "--unit", "合肥市人力资源和社会保障局", "--kind", "人社"])
        let keys = try CLI.temporaryDirectory()
        let env = ["PINGSHEN_CA_PASSPHRASE": "测试用的私钥口令一二三四", "PINGSHEN_PASSPHRASE": "测试用的私钥口令一二三四"]
        for (name, algorithm, expected) in [("a", "p-256", "p256"), ("b", "国密", "sm2")] {
            let r = try CLI.run(["keys", "committee", "--name", "评委会", "--algorithm", algorithm, "--out", keys + "/" + name, "--json"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try CLI.json(r.stdout)["algorithm"] as? String == expected)
        }
    }
}
