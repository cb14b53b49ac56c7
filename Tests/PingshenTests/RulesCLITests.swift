import Foundation
import Testing

/// The rules as the regulation reads them, through the built binary: N, the deliberation quorum,
/// the recused host, one review per application, observers by list, an empty round, the date.
@Suite("Rules through the command line", .serialized)
struct RulesCLITests {
    /// A session from the samples with `settings` edited by `edit` (and `candidates` if given).
    static func session(registry: String? = nil, settings edit: (String) -> String = { $0 },
                        candidates: ((String) -> String)? = nil) throws -> String {
        let dir = try CLI.temporaryDirectory()
        let toml = edit(try String(contentsOfFile: CLI.samples + "/session.toml", encoding: .utf8))
        try toml.write(toFile: dir + "/session.toml", atomically: true, encoding: .utf8)
        var candidatesPath = CLI.samples + "/candidates.csv"
        if let candidates {
            candidatesPath = dir + "/candidates.csv"
            try candidates(try String(contentsOfFile: CLI.samples + "/candidates.csv", encoding: .utf8))
                .write(toFile: candidatesPath, atomically: true, encoding: .utf8)
        }
        var args = ["init", dir + "/session", "--settings", dir + "/session.toml", "--members", CLI.samples + "/members.csv",
                    "--candidates", candidatesPath]
        if let registry { args += ["--registry", registry] }
        try CLI.ok(args)
        return dir + "/session"
    }

    /// Members 1…`present` signed in and the meeting opened (unsigned) under M01; returns the PINs.
    static func open(_ dir: String, present: Int) throws -> [String: String] {
        let pins = try CLI.checkIn(dir, CLI.members(1...present))
        try CLI.ok(["-C", dir, "open", "--host", "M01", "--recorder", "王秘书", "--unsigned"])
        return pins
    }

    @Test("R7: by default N is the members present when the vote opens, less the recused")
    func presentIsTheDefault() throws {
        let dir = try CLI.newSession()
        _ = try Self.open(dir, present: 20)
        try CLI.ok(["-C", dir, "recuse", "M05", "--candidate", "C01", "--reason", "同一单位"])
        try CLI.ok(["-C", dir, "deliberate", "C01"])
        _ = try CLI.checkIn(dir, ["M21"])
        let out = try CLI.ok(["-C", dir, "vote", "open", "C01"])
        // 21 present − 1 recused = 20; 14 同意 needed; 19 may vote (M21 arrived late).
        #expect(out.contains("投票人 19 名") && out.contains("基数 N=20，同意须达 14 票"), "\(out)")
    }

    @Test("R1: under denominator = eligible, 4 who attended the deliberation cannot vote though 17 are present")
    func deliberationQuorum() throws {
        let dir = try Self.session { $0.replacingOccurrences(of: "denominator = \"present\"", with: "denominator = \"eligible\"") }
        _ = try Self.open(dir, present: 17)
        try CLI.ok(["-C", dir, "deliberate", "C01"])
        for m in CLI.members(5...17) {
            try CLI.ok(["-C", dir, "checkout", m])
            _ = try CLI.checkIn(dir, [m])
        }
        let r = try CLI.run(["-C", dir, "vote", "open", "C01"])
        #expect(r.status == 3 && r.stderr.contains("R1") && r.stderr.contains("仅 4 人"), "\(r.stderr)")
    }

    @Test("R2: a host recused by same_employer_recusal cannot lead that candidate; the refusal names who can; a vice-chair takes over")
    func recusedHost() throws {
        let dir = try Self.session(settings: { $0.replacingOccurrences(of: "same_employer_recusal = false", with: "same_employer_recusal = true") },
                                   candidates: { $0.replacingOccurrences(of: "C01,许文博,男,1984-03,合肥长城电子有限公司", with: "C01,许文博,男,1984-03,中国科学技术大学") })
        let pins = try Self.open(dir, present: 20)
        let r = try CLI.run(["-C", dir, "deliberate", "C01"])
        #expect(r.status == 3 && r.stderr.contains("R2") && r.stderr.contains("pingshen host M02") && r.stderr.contains("M03（吴海燕）"), "\(r.stderr)")
        try CLI.ok(["-C", dir, "host", "M02"])
        try CLI.ok(["-C", dir, "deliberate", "C01"])
        try CLI.ok(["-C", dir, "vote", "open", "C01"])
        for m in CLI.members(2...15) { try CLI.ok(["-C", dir, "vote", "cast", "--member", m, "--pin", pins[m]!, "C01=同意"]) }
        try CLI.ok(["-C", dir, "vote", "close"])
        try CLI.ok(["-C", dir, "host", "M01"])
        let announce = try CLI.run(["-C", dir, "announce"])
        #expect(announce.status == 3 && announce.stderr.contains("R2"))
        try CLI.ok(["-C", dir, "host", "M03"])
        try CLI.ok(["-C", dir, "announce"])
    }

    @Test("R8: two sessions prepared before the first closes cannot both count the same rejected application")
    func twoSessionsOneReview() throws {
        let registry = try CLI.temporaryDirectory() + "/评审登记.jsonl"
        let first = try Self.session(registry: registry)
        let second = try Self.session(registry: registry)
        let pins = try Self.open(first, present: 20)
        _ = try Self.open(second, present: 20)
        try CLI.ok(["-C", second, "deliberate", "C06"])
        // The first session rejects C05 and C06 and closes: its decisions go to the registry.
        try CLI.ok(["-C", first, "deliberate", "C05", "C06"])
        try CLI.ok(["-C", first, "vote", "open", "C05", "C06"])
        for m in CLI.members(1...5) { try CLI.ok(["-C", first, "vote", "cast", "--member", m, "--pin", pins[m]!, "C05=同意", "C06=同意"]) }
        try CLI.ok(["-C", first, "vote", "close"])
        for c in ["C05", "C06"] { try CLI.ok(["-C", first, "reason", c, "同意票不足"]) }
        try CLI.ok(["-C", first, "announce"])
        try CLI.ok(["-C", first, "close"])
        // The second session, prepared before, reads the registry again at the deliberation …
        let deliberate = try CLI.run(["-C", second, "deliberate", "C05"])
        #expect(deliberate.status == 3 && deliberate.stderr.contains("R8") && deliberate.stderr.contains("2026 评审年度"), "\(deliberate.stderr)")
        // … and at the vote opening (C06's deliberation began before the first session closed).
        let open = try CLI.run(["-C", second, "vote", "open", "C06"])
        #expect(open.status == 3 && open.stderr.contains("R8"), "\(open.stderr)")
        try CLI.ok(["-C", second, "deliberate", "C07"])
        let status = try CLI.json(try CLI.ok(["-C", second, "status", "--json"]))
        #expect((status["candidates"] as! [[String: Any]]).allSatisfy { $0["state"] as? String != "counted" })
    }

    @Test("R11: hrss observers only from units listed in observer_units, by exact name", arguments: [
        ("合肥市人力资源和社会保障局", Int32(0)), ("安徽省人力资源和社会保障厅", 0), ("安徽某某人力资源服务有限公司", 3), ("合肥人社咨询有限公司", 3),
        ("合肥市人社局", 3),
    ])
    func observers(unit: String, status: Int32) throws {
        let dir = try CLI.newSession()
        let r = try CLI.run(["-C", dir, "observer", "某人", "--unit", unit, "--kind", "hrss"])
        #expect(r.status == status, "\(unit): \(r.stderr)")
        if status == 3 { #expect(r.stderr.contains("R11") && r.stderr.contains("observer_units")) }
    }

    @Test("a meeting opened on another day than planned says so; the date recorded is the day it was held")
    func anotherDay() throws {
        /// A sample session founded and signed in on `day` (08:30), opened at 09:00.
        func opened(on day: String) throws -> (dir: String, open: CLI.Output) {
            let dir = try CLI.temporaryDirectory() + "/session"
            let early = ["PINGSHEN_TIME": "\(day)T08:30:00+08:00"]
            #expect(try CLI.run(["init", dir, "--settings", CLI.samples + "/session.toml", "--members", CLI.samples + "/members.csv",
                                 "--candidates", CLI.samples + "/candidates.csv"], environment: early).status == 0)
            #expect(try CLI.run(["-C", dir, "checkin"] + CLI.members(1...18), environment: early).status == 0)
            return (dir, try CLI.run(["-C", dir, "open", "--host", "M01", "--recorder", "王秘书", "--unsigned"],
                                     environment: ["PINGSHEN_TIME": "\(day)T09:00:00+08:00"]))
        }
        let (dir, r) = try opened(on: "2026-11-27")
        #expect(r.status == 0 && r.stderr.contains("2026-11-27") && r.stderr.contains("2026-11-26"), "\(r.stderr)")
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"at\":\"2026-11-27T09:00:00+08:00\",\"event\":\"meeting.opened\""))
        // The minutes print the day it was held, and the planned day beside it.
        let minutes = try CLI.ok(["-C", dir, "render", "minutes", "--format", "md"])
        #expect(minutes.contains("开会日期：2026年11月27日（原定 2026年11月26日）"), "\(minutes.prefix(600))")
        // On the planned day, no notice.
        let (plannedDir, onTime) = try opened(on: "2026-11-26")
        #expect(onTime.status == 0 && !onTime.stderr.contains("开会日期"), "\(onTime.stderr)")
        #expect(!(try CLI.ok(["-C", plannedDir, "render", "minutes", "--format", "md"])).contains("原定"))
    }
}
