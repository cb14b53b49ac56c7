import Foundation
import Testing

/// The command-line contract later work and acceptance checks drive: names, flags, JSON fields, exit codes.
@Suite("Command-line contract", .serialized)
struct ContractTests {
    @Test("the sample session runs end to end and gives the expected results")
    func demo() throws {
        let dir = try CLI.temporaryDirectory() + "/sample"
        let out = try CLI.ok(["demo", dir])
        #expect(out.contains("会议于 12:05 结束：表决 14 人，通过 13 人，未通过 1 人"))
        let status = try CLI.json(try CLI.ok(["-C", dir, "status", "--json"]))
        #expect(status["closed"] as? Bool == true && status["open"] as? Bool == false)
        let candidates = try #require(status["candidates"] as? [[String: Any]])
        #expect(candidates.count == 14)
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0["id"] as! String, $0) })
        #expect(byID["C05"]?["result"] as? String == "rejected")
        #expect(byID["C05"]?["yes"] as? Int == 11 && byID["C05"]?["denominator"] as? Int == 21)
        // C08 passes exactly at the bound: 15 of 22 (3 × 15 = 45 ≥ 44).
        #expect(byID["C08"]?["yes"] as? Int == 15 && byID["C08"]?["denominator"] as? Int == 22 && byID["C08"]?["result"] as? String == "passed")
        for c in candidates {
            let yes = c["yes"] as! Int, no = c["no"] as! Int, abstain = c["abstain"] as! Int, void = c["void"] as! Int, n = c["denominator"] as! Int
            #expect(yes + no + abstain + void == n)
            #expect((c["result"] as! String == "passed") == (3 * yes >= 2 * n))
        }
        // The sealed sample's papers verify with the stock openssl CLI.
        let papers = try FileManager.default.contentsOfDirectory(atPath: dir + "/out")
        let signatures = papers.filter { $0.hasSuffix(".p7s") }
        #expect(signatures.count == 2 + 14 * 2)
        for p7s in signatures {
            let content = String(p7s.dropLast(4).split(separator: ".").dropLast().joined(separator: "."))
            try OpenSSL.ok(["cms", "-verify", "-binary", "-inform", "DER", "-in", "out/" + p7s, "-content", "out/" + content,
                            "-CAfile", dir + ".keys/committee.pem", "-out", "/dev/null"], in: dir)
        }
        // A second run into the same folder is refused unless asked to replace it.
        #expect(try CLI.run(["demo", dir]).status == 2)
        try CLI.ok(["demo", dir, "--replace"])
    }

    @Test("checkin --json prints {\"pins\": {...}}; status --json has the promised fields")
    func jsonShapes() throws {
        let dir = try CLI.newSession()
        let pins = try CLI.checkIn(dir, CLI.members(1...17))
        #expect(pins.count == 17)
        #expect(pins.values.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        let status = try CLI.json(try CLI.ok(["-C", dir, "status", "--json"]))
        for key in ["present", "quorum", "open", "closed", "candidates"] { #expect(status[key] != nil, "missing \(key)") }
        #expect((status["present"] as? [String])?.count == 17)
        #expect(status["quorum"] as? Int == 17)
        let first = try #require((status["candidates"] as? [[String: Any]])?.first)
        for key in ["id", "state", "result", "yes", "no", "abstain", "void", "denominator"] {
            #expect(first.keys.contains(key), "candidate lacks \(key)")
        }
        #expect(first["state"] as? String == "pending")
        #expect(first["result"] is NSNull)
    }

    @Test("a refusal exits 3, names the rule and the article in Chinese and English, and writes nothing")
    func refusal() throws {
        let dir = try CLI.newSession()
        let pins = try CLI.checkIn(dir, CLI.members(1...20))
        try CLI.ok(["-C", dir, "open", "--host", "M01", "--recorder", "王秘书", "--unsigned"])
        try CLI.ok(["-C", dir, "deliberate", "C01"])
        try CLI.ok(["-C", dir, "checkout", "M07", "--reason", "接电话"])
        _ = try CLI.checkIn(dir, ["M07"])
        try CLI.ok(["-C", dir, "vote", "open", "C01"])
        let journal = dir + "/journal.jsonl"
        var before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let r = try CLI.run(["-C", dir, "vote", "cast", "--member", "M07", "--pin", pins["M07"]!, "C01=同意"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("R3") && r.stderr.contains("第二十三条第五项") && r.stderr.contains("中途离会"))
        #expect(r.stderr.contains("Refused (R3)") && r.stderr.contains("Art. 23(5)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)

        let proxy = try CLI.run(["-C", dir, "vote", "cast", "--member", "M05", "--pin", pins["M06"]!, "C01=同意"])
        #expect(proxy.status == 3 && proxy.stderr.contains("R16") && proxy.stderr.contains("不得代投"))
        // A wrong PIN is the one refusal that is journaled (pin.failed), so five lock the member (R16).
        let after = try Data(contentsOf: URL(fileURLWithPath: journal))
        #expect(after.count > before.count && after.prefix(before.count) == before)
        #expect(String(decoding: after.dropFirst(before.count), as: UTF8.self).contains("\"event\":\"pin.failed\""))
        before = after
        let unknown = try CLI.run(["-C", dir, "vote", "cast", "--member", "M99", "--pin", "1", "C01=同意"])
        #expect(unknown.status == 2 && unknown.stderr.contains("M99"))
        let badMark = try CLI.run(["-C", dir, "vote", "cast", "--member", "M05", "--pin", pins["M05"]!, "C01=也许"])
        #expect(badMark.status == 2)
        let twice = try CLI.run(["-C", dir, "vote", "cast", "--member", "M05", "--pin", pins["M05"]!, "C01=同意", "C01=不同意"])
        #expect(twice.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
        try CLI.ok(["-C", dir, "vote", "cast", "--member", "M05", "--pin", pins["M05"]!, "C01=yes"])
    }

    @Test("init refuses bad input with file, line and column, and leaves nothing behind")
    func initBadInput() throws {
        let tmp = try CLI.temporaryDirectory()
        var members = try String(contentsOfFile: CLI.samples + "/members.csv", encoding: .utf8)
        members = members.replacingOccurrences(of: "M07,刘洋,委员", with: "M07,刘洋,组长")
        try members.write(toFile: tmp + "/members.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["init", tmp + "/s", "--settings", CLI.samples + "/session.toml", "--members", tmp + "/members.csv",
                             "--candidates", CLI.samples + "/candidates.csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("members.csv:8:3") && r.stderr.contains("职务"))
        #expect(!FileManager.default.fileExists(atPath: tmp + "/s"))
    }

    @Test("-C DIR names the session folder before the subcommand, --session DIR after it; other paths stay as typed")
    func directoryOption() throws {
        let dir = try CLI.newSession()
        let a = try CLI.ok(["-C", dir, "status", "--json"])
        let b = try CLI.ok(["status", "--json", "--session", dir])
        #expect(a == b)
        let missing = try CLI.run(["-C", dir + "/nope", "status"])
        #expect(missing.status == 2 && missing.stderr.contains("pingshen init"))
        #expect(try CLI.run(["-C", "/", "status"]).status == 2)
    }
}

/// `--json` on every command that reports something: one JSON object on standard output, with the keys README.md documents.
@Suite("JSON output", .serialized)
struct JSONOutputTests {
    func object(_ arguments: [String], _ keys: [String], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let r = try CLI.run(arguments + ["--json"], environment: environment)
        #expect(r.status == 0, "pingshen \(arguments.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        let json = try CLI.json(r.stdout)
        #expect(Set(json.keys) == Set(keys), "pingshen \(arguments.joined(separator: " ")) --json: \(json.keys.sorted())", sourceLocation: sourceLocation)
        return json
    }

    @Test("appending commands print {entry, notices}; close, announce and init add their results")
    func appending() throws {
        let tmp = try CLI.temporaryDirectory()
        let created = try object(["init", tmp + "/s", "--settings", CLI.samples + "/session.toml", "--members", CLI.samples + "/members.csv",
                                  "--candidates", CLI.samples + "/candidates.csv"], ["entry", "notices", "status"])
        #expect((created["entry"] as? [String: Any])?["event"] as? String == "session.created")
        let dir = tmp + "/s"
        let pins = try CLI.checkIn(dir, CLI.members(1...17))
        for (arguments, event) in [
            (["open", "--host", "M01", "--recorder", "王秘书", "--unsigned"], "meeting.opened"),
            (["observer", "李明", "--unit", "安徽省人力资源和社会保障厅", "--kind", "organizer"], "observer.admitted"),
            (["deliberate", "C01"], "deliberation.began"),
            (["vote", "open", "C01"], "round.opened"),
            (["vote", "cast", "--member", "M02", "--pin", pins["M02"]!, "C01=不同意"], "ballot.issued"),
        ] {
            let json = try object(["-C", dir] + arguments, ["entry", "notices"])
            let entry = try #require(json["entry"] as? [String: Any])
            #expect(Set(entry.keys) == ["seq", "at", "event", "payload"] && entry["event"] as? String == event, "\(arguments): \(entry)")
        }
        let closed = try object(["-C", dir, "vote", "close"], ["entry", "notices", "tallies"])
        let tally = try #require((closed["tallies"] as? [[String: Any]])?.first)
        #expect(tally["candidate"] as? String == "C01" && tally["no"] as? Int == 1 && tally["outcome"] as? String == "rejected")
        _ = try object(["-C", dir, "reason", "C01", "同意票未达到三分之二"], ["entry", "notices"])
        let announced = try object(["-C", dir, "announce"], ["entry", "notices", "results"])
        #expect((announced["results"] as? [[String: Any]])?.first?["result"] as? String == "rejected")
        _ = try object(["-C", dir, "close"], ["entry", "notices"])
        _ = try object(["-C", dir, "repair"], ["repaired"])
        _ = try object(["-C", dir, "status"], ["session", "committee", "date", "phase", "open", "closed", "size", "quorum", "present", "host",
                                               "recorder", "round", "candidates", "unannounced", "rejectedWithoutReason", "tornTail"])
    }

    @Test("commands that write files print what they wrote")
    func files() throws {
        let tmp = try CLI.temporaryDirectory()
        let samples = try object(["samples", tmp + "/示例"], ["written"])
        #expect(samples["written"] as? [String] == ["session.toml", "members.csv", "candidates.csv"].map { tmp + "/示例/" + $0 })
        let sample = RenderTests.sample
        let rendered = try object(["-C", sample, "render", "publicity", "--start", "2026-11-30", "--out", tmp + "/公示/"], ["kind", "format", "written", "period"])
        #expect(rendered["written"] as? [String] == [tmp + "/公示/评审结果公示.txt"])
        #expect((rendered["period"] as? [String: Any])?["last"] as? String == "2026-12-04")
        let env = ["PINGSHEN_PASSPHRASE": "pingshen-demo", "PINGSHEN_CA_PASSPHRASE": "pingshen-demo"]
        let keys = sample + ".keys"
        _ = try object(["keys", "issue", "--role", "inspector", "--name", "纪检员", "--ca-cert", keys + "/committee.pem", "--ca-key", keys + "/committee.key",
                        "--out", tmp + "/证书"], ["certificate", "key", "role", "algorithm"], environment: env)
        let archived = try object(["-C", sample, "archive", "--to", tmp + "/证书/inspector-纪检员.pem", "--out", tmp + "/归档.p7m"],
                                  ["archive", "bytes", "recipients", "unsignedPapers"])
        #expect(archived["unsignedPapers"] as? [String] == [])
        let extracted = try object(["extract", tmp + "/归档.p7m", "--key", tmp + "/证书/inspector-纪检员.key", "--cert", tmp + "/证书/inspector-纪检员.pem",
                                    "--out", tmp + "/解开"], ["folder", "files"], environment: env)
        #expect((extracted["files"] as? [String])?.contains("journal.jsonl") == true)
        let demo = try object(["demo", tmp + "/demo"], ["session", "keys", "status"])
        #expect((demo["status"] as? [String: Any])?["closed"] as? Bool == true)
    }
}
