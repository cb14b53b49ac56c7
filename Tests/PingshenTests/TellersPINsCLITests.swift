import Foundation
import Testing

/// R15 tellers and R16 PINs through the built binary, in a sealed meeting, and the round nobody voted in.
@Suite("Tellers and PINs through the command line", .serialized)
struct TellersPINsCLITests {
    static let passphrase = "计票人测试用的私钥口令一二"
    static let env = ["PINGSHEN_PASSPHRASE": passphrase, "PINGSHEN_CA_PASSPHRASE": passphrase]

    @discardableResult
    func pingshen(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try CLI.run(arguments, environment: Self.env)
        #expect(r.status == 0, "pingshen \(arguments.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// A committee seal and its chair, secretary and three tellers; a sealed session open under M01 with 18 present.
    func sealedSession() throws -> (keys: String, session: String, pins: [String: String]) {
        let keys = try CLI.temporaryDirectory()
        try pingshen(["keys", "committee", "--name", "测试评委会", "--out", keys])
        for (role, name) in [("chair", "陈建国"), ("secretary", "王秘书"), ("teller", "孙计票"), ("teller", "周监票"), ("teller", "李四")] {
            try pingshen(["keys", "issue", "--role", role, "--name", name, "--ca-cert", keys + "/committee.pem", "--ca-key", keys + "/committee.key", "--out", keys])
        }
        let session = keys + "/session"
        try pingshen(["init", session, "--settings", CLI.samples + "/session.toml", "--members", CLI.samples + "/members.csv",
                      "--candidates", CLI.samples + "/candidates.csv", "--committee-cert", keys + "/committee.pem"])
        let pins = try #require(try CLI.json(try pingshen(["-C", session, "checkin", "--json"] + CLI.members(1...18)))["pins"] as? [String: String])
        try pingshen(["-C", session, "open", "--host", "M01", "--recorder", "王秘书", "--host-key", keys + "/chair-陈建国.key", "--host-cert", keys + "/chair-陈建国.pem", "--no-witness"])
        return (keys, session, pins)
    }

    func teller(_ keys: String, _ name: String) -> [String] {
        ["--key", keys + "/teller-\(name).key", "--cert", keys + "/teller-\(name).pem"]
    }

    @Test("R15: a paper round names two tellers; only they enter, each signing with their own certificate; the verifier agrees")
    func tellers() throws {
        let (keys, session, _) = try sealedSession()
        try pingshen(["-C", session, "deliberate", "C01", "C02"])
        for bad in [[], ["孙计票"], ["孙计票", "孙计票"]] {
            let r = try CLI.run(["-C", session, "vote", "open", "C01", "C02", "--paper"] + (bad.isEmpty ? [] : ["--tellers"] + bad), environment: Self.env)
            #expect(r.status == 3 && r.stderr.contains("R15"), "\(bad): \(r.stderr)")
        }
        let opened = try pingshen(["-C", session, "vote", "open", "C01", "C02", "--paper", "--tellers", "孙计票", "周监票"])
        #expect(opened.contains("计票人 孙计票、周监票"))
        let sheet = ["--sheet", "1", "C01=同意+不同意", "C02=？"]
        let stranger = try CLI.run(["-C", session, "vote", "paper", "--teller", "李四"] + teller(keys, "李四") + sheet, environment: Self.env)
        #expect(stranger.status == 3 && stranger.stderr.contains("R15"))
        let unsigned = try CLI.run(["-C", session, "vote", "paper", "--teller", "孙计票"] + sheet, environment: Self.env)
        #expect(unsigned.status == 2 && unsigned.stderr.contains("--cert"))
        let borrowed = try CLI.run(["-C", session, "vote", "paper", "--teller", "孙计票"] + teller(keys, "周监票") + sheet, environment: Self.env)
        #expect(borrowed.status == 3 && borrowed.stderr.contains("R15") && borrowed.stderr.contains("周监票"))
        try pingshen(["-C", session, "vote", "paper", "--teller", "孙计票"] + teller(keys, "孙计票") + sheet)
        // The same marks written the other way round, and the full-width question mark as a plain one.
        let second = try pingshen(["-C", session, "vote", "paper", "--teller", "周监票"] + teller(keys, "周监票")
                                   + ["--sheet", "1", "C01=不同意+同意", "C02=?"])
        #expect(second.contains("两名计票人录入一致"))
        let closed = try pingshen(["-C", session, "vote", "close", "--json"])
        let tallies = try #require(try CLI.json(closed)["tallies"] as? [[String: Any]])
        // Two marks for C01 and an unreadable one for C02: void for each, on the one sheet returned.
        #expect(tallies.count == 2 && tallies.allSatisfy { $0["yes"] as? Int == 0 && $0["void"] as? Int == 18 })
        for c in ["C01", "C02"] { try pingshen(["-C", session, "reason", c, "同意票不足"]) }
        try pingshen(["-C", session, "announce"])
        try pingshen(["-C", session, "close", "--recorder-key", keys + "/secretary-王秘书.key", "--recorder-cert", keys + "/secretary-王秘书.pem"])
        let verify = try CLI.run(["verify", session, "--committee-cert", keys + "/committee.pem", "--json"])
        let report = try CLI.json(verify.stdout)
        let checks = try #require((report["sessions"] as? [[String: Any]])?.first?["checks"] as? [[String: Any]])
        let v10 = try #require(checks.first { $0["id"] as? String == "V10" })
        #expect(v10["passed"] as? Bool == true && v10["count"] as? Int == 2, "\(v10)")
        // The verifier fails a sheet entry whose signature is not the teller's own.
        var journal = try String(contentsOfFile: session + "/journal.jsonl", encoding: .utf8)
        let lines = journal.split(separator: "\n").map(String.init)
        let entries = lines.filter { $0.contains("\"event\":\"sheet.entered\"") }
        #expect(entries.count == 2)
        journal = journal.replacingOccurrences(of: entries[0], with: entries[0].replacingOccurrences(of: "\"teller\":\"孙计票\"", with: "\"teller\":\"李四\""))
        try journal.write(toFile: session + "/journal.jsonl", atomically: true, encoding: .utf8)
        let tampered = try CLI.json(try CLI.run(["verify", session, "--committee-cert", keys + "/committee.pem", "--json"]).stdout)
        let failed = ((tampered["sessions"] as? [[String: Any]])?.first?["checks"] as? [[String: Any]])?.filter { $0["passed"] as? Bool == false }.map { $0["id"] as! String }
        #expect(failed?.contains("V10") == true, "\(failed ?? [])")
    }

    @Test("R16: five wrong PINs lock (journaled, so across commands); the host unlocks; a PIN is re-issued in place; the PIN key goes at the close")
    func pins() throws {
        let (keys, session, pins) = try sealedSession()
        try pingshen(["-C", session, "deliberate", "C01"])
        try pingshen(["-C", session, "vote", "open", "C01"])
        for n in 1...5 {
            let r = try CLI.run(["-C", session, "vote", "cast", "--member", "M05", "--pin", "000000", "C01=同意"], environment: Self.env)
            #expect(r.status == 3 && r.stderr.contains("R16") && r.stderr.contains("第 \(n) 次"), "\(r.stderr)")
        }
        let locked = try CLI.run(["-C", session, "vote", "cast", "--member", "M05", "--pin", pins["M05"]!, "C01=同意"], environment: Self.env)
        #expect(locked.status == 3 && locked.stderr.contains("pingshen unlock M05"))
        let journal = try String(contentsOfFile: session + "/journal.jsonl", encoding: .utf8)
        #expect(journal.components(separatedBy: "\"event\":\"pin.failed\"").count == 5 && journal.contains("\"event\":\"member.locked\""))
        try pingshen(["-C", session, "unlock", "M05"])
        try pingshen(["-C", session, "vote", "cast", "--member", "M05", "--pin", pins["M05"]!, "C01=同意"])

        let reissued = try pingshen(["-C", session, "checkin", "--reissue", "M06", "--json"])
        let pin = try #require((try CLI.json(reissued)["pins"] as? [String: String])?["M06"])
        if pin != pins["M06"]! {
            let old = try CLI.run(["-C", session, "vote", "cast", "--member", "M06", "--pin", pins["M06"]!, "C01=同意"], environment: Self.env)
            #expect(old.status == 3 && old.stderr.contains("R16"))
        }
        try pingshen(["-C", session, "vote", "cast", "--member", "M06", "--pin", pin, "C01=同意"])
        let absent = try CLI.run(["-C", session, "checkin", "--reissue", "M24"], environment: Self.env)
        #expect(absent.status == 2)

        #expect(FileManager.default.fileExists(atPath: session + "/keys/pin.key"))
        try pingshen(["-C", session, "vote", "close"])
        try pingshen(["-C", session, "reason", "C01", "同意票不足"])
        try pingshen(["-C", session, "announce"])
        try pingshen(["-C", session, "close", "--recorder-key", keys + "/secretary-王秘书.key", "--recorder-cert", keys + "/secretary-王秘书.pem"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: session + "/keys").isEmpty)
        for (path, mode) in [(session, 0o700), (session + "/journal.jsonl", 0o600), (session + "/session.toml", 0o600)] {
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == mode, "\(path)")
        }
        // The verifier re-derives the lock from the journal (V6) and finds no key left (V13); the
        // papers are not signed here (V11) and the meeting had no witness (V15, not met).
        let report = try CLI.json(try CLI.run(["verify", session, "--committee-cert", keys + "/committee.pem", "--json"]).stdout)
        let checks = try #require((report["sessions"] as? [[String: Any]])?.first?["checks"] as? [[String: Any]])
        #expect(checks.filter { $0["passed"] as? Bool == false }.map { $0["id"] as! String } == ["V11", "V15"])
    }

    @Test("a round nobody voted in closes (0 returned) and leaves no round key in a sealed meeting")
    func emptyRound() throws {
        let (_, session, _) = try sealedSession()
        try pingshen(["-C", session, "deliberate", "C01"])
        try pingshen(["-C", session, "vote", "open", "C01"])
        #expect(FileManager.default.fileExists(atPath: session + "/keys/round-1.key"))
        let out = try pingshen(["-C", session, "vote", "close"])
        #expect(out.contains("收回选票 0 张"), "\(out)")
        #expect(!FileManager.default.fileExists(atPath: session + "/keys/round-1.key"))
    }
}
