import Foundation
import Testing

/// One meaning of `--out` everywhere, nothing overwritten without `--force`, nothing written over
/// a session folder's own records, and the seal's passphrase from `PINGSHEN_CA_PASSPHRASE`.
@Suite("Output files", .serialized)
struct OutputTests {
    /// The sample session the demo leaves (closed, signed).
    static let sample = RenderTests.sample

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a trailing / or an existing folder is a folder, made with its parents; a file must carry the format's extension")
    func folderOrFile() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.ok(["-C", Self.sample, "render", "minutes", "--format", "html", "--out", dir + "/a/b/"])
        #expect(FileManager.default.fileExists(atPath: dir + "/a/b/评审会议记录.html"))
        try CLI.ok(["-C", Self.sample, "render", "report", "--out", dir + "/a"])  // exists: a folder
        #expect(FileManager.default.fileExists(atPath: dir + "/a/评审情况综合报告.txt"))
        try CLI.ok(["-C", Self.sample, "render", "overview", "--out", dir + "/c/d/一览表.csv"])  // parents made for a file too
        #expect(try Self.bytes(dir + "/c/d/一览表.csv").prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        for (arguments, mentions) in [
            (["render", "overview", "--out", dir + "/一览表.xlsx"], ".xlsx"),
            (["render", "overview", "--format", "md", "--out", dir + "/一览表.csv"], ".md"),
            (["render", "minutes", "--out", dir + "/会议记录"], "/"),
            (["archive", "--to", Self.sample + ".keys/committee.pem", "--out", dir + "/归档.tar"], ".p7m"),
        ] {
            let r = try CLI.run(["-C", Self.sample] + arguments)
            #expect(r.status == 2 && r.stderr.contains(mentions), "\(arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/一览表.xlsx") && !FileManager.default.fileExists(atPath: dir + "/会议记录"))
        // result-forms: a folder gets one file per candidate, a file gets them all.
        try CLI.ok(["-C", Self.sample, "render", "result-forms", "--format", "html", "--out", dir + "/评审表.html"])
        #expect(try String(contentsOfFile: dir + "/评审表.html", encoding: .utf8).components(separatedBy: "曹国平").count > 1)
    }

    @Test("an existing file is never replaced without --force; with it, it is")
    func neverOverwrite() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir + "/一览表.csv"
        try "别人的表格".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["-C", Self.sample, "render", "overview", "--out", path])
        #expect(refused.status == 2 && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "别人的表格")
        // Result forms into a folder: one existing form stops them all, before any is written.
        try FileManager.default.createDirectory(atPath: dir + "/forms", withIntermediateDirectories: true)
        try "旧".write(toFile: dir + "/forms/评审表-C14.md", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["-C", Self.sample, "render", "result-forms", "--format", "md", "--out", dir + "/forms/"]).status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/forms") == ["评审表-C14.md"])
        try CLI.ok(["-C", Self.sample, "render", "overview", "--out", path, "--force"])
        #expect(try Self.bytes(path).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        // Keys: never replaced, not even with a folder to put them in.
        let env = ["PINGSHEN_CA_PASSPHRASE": "测试用的私钥口令一二三四"]
        #expect(try CLI.run(["keys", "committee", "--name", "评委会", "--out", dir + "/印章"], environment: env).status == 0)
        let seal = try Self.bytes(dir + "/印章/committee.key")
        #expect(try CLI.run(["keys", "committee", "--name", "评委会", "--out", dir + "/印章"], environment: env).status == 2)
        #expect(try Self.bytes(dir + "/印章/committee.key") == seal)
    }

    @Test("render, archive, extract and keys never write over a session folder's own records", arguments: [
        ["render", "minutes", "--format", "md", "--out", "S/journal.md", "--force"],  // a new name beside the records: allowed
        ["render", "overview", "--out", "S/members.csv", "--force"],
        ["render", "minutes", "--out", "S/out/", "--force"],
        ["render", "minutes", "--out", "S/keys/x.txt"],
        ["render", "minutes", "--out", "S/../sample/spool/x.txt"],  // the sample folder is named `sample`
        ["archive", "--to", "K/committee.pem", "--out", "S/out/归档.p7m"],
        ["keys", "committee", "--name", "x", "--out", "S/keys"],
    ])
    func sessionRecords(arguments: [String]) throws {
        let s = Self.sample, k = Self.sample + ".keys"
        let args = arguments.map { $0.replacingOccurrences(of: "S/", with: s + "/").replacingOccurrences(of: "K/", with: k + "/") }
        let journal = try Self.bytes(s + "/journal.jsonl")
        let out = try FileManager.default.contentsOfDirectory(atPath: s + "/out").sorted()
        let members = try Self.bytes(s + "/members.csv")
        let r = try CLI.run(["-C", s] + args, environment: ["PINGSHEN_CA_PASSPHRASE": "测试用的私钥口令一二三四"])
        if arguments.contains(where: { $0.hasSuffix("journal.md") }) {
            // A new file beside the records is fine; the journal itself is untouched.
            #expect(r.status == 0, "\(r.stderr)")
            try FileManager.default.removeItem(atPath: s + "/journal.md")
        } else {
            #expect(r.status == 2 && r.stderr.contains("records"), "\(args): \(r.stderr)")
        }
        #expect(try Self.bytes(s + "/journal.jsonl") == journal)
        #expect(try Self.bytes(s + "/members.csv") == members)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s + "/out").sorted() == out)
        #expect(!FileManager.default.fileExists(atPath: s + "/keys/x.txt") && !FileManager.default.fileExists(atPath: s + "/spool/x.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s + "/keys").isEmpty)
    }

    @Test("keys --out makes the folder; keys issue then uses it (no blame on the seal)")
    func keysIntoNewFolders() throws {
        let dir = try CLI.temporaryDirectory()
        let env = ["PINGSHEN_CA_PASSPHRASE": "测试用的印章私钥口令一二", "PINGSHEN_PASSPHRASE": "测试用的个人私钥口令一二"]
        let seal = try CLI.run(["keys", "committee", "--name", "评委会", "--out", dir + "/印章", "--json"], environment: env)
        #expect(seal.status == 0, "\(seal.stderr)")
        #expect(try CLI.json(seal.stdout)["certificate"] as? String == dir + "/印章/committee.pem")
        let issued = try CLI.run(["keys", "issue", "--role", "inspector", "--name", "安徽省人力资源和社会保障厅", "--file-name", "组建单位",
                                  "--ca-cert", dir + "/印章/committee.pem", "--ca-key", dir + "/印章/committee.key",
                                  "--out", dir + "/证书/组建单位", "--json"], environment: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        let json = try CLI.json(issued.stdout)
        #expect(json["key"] as? String == dir + "/证书/组建单位/组建单位.key" && json["role"] as? String == "inspector")
        // The seal's key opens with PINGSHEN_CA_PASSPHRASE only: the personal passphrase does not open it.
        try OpenSSL.ok(["pkey", "-in", "印章/committee.key", "-passin", "pass:测试用的印章私钥口令一二", "-noout"], in: dir)
        try OpenSSL.fails(["pkey", "-in", "印章/committee.key", "-passin", "pass:测试用的个人私钥口令一二", "-noout"], in: dir)
        try OpenSSL.ok(["pkey", "-in", "证书/组建单位/组建单位.key", "-passin", "pass:测试用的个人私钥口令一二", "-noout"], in: dir)
    }

    @Test("forms sign --as seal reads the seal's passphrase from PINGSHEN_CA_PASSPHRASE; --json lists what was signed")
    func sealPassphrase() throws {
        let dir = try CLI.temporaryDirectory()
        let env = ["PINGSHEN_CA_PASSPHRASE": "测试用的印章私钥口令一二", "PINGSHEN_PASSPHRASE": "测试用的个人私钥口令一二"]
        func pingshen(_ arguments: [String], _ environment: [String: String] = env) throws -> CLI.Output {
            let r = try CLI.run(arguments, environment: environment)
            #expect(r.status == 0, "pingshen \(arguments.joined(separator: " ")): \(r.stderr)")
            return r
        }
        _ = try pingshen(["keys", "committee", "--name", "评委会", "--out", dir + "/印章"])
        let ca = ["--ca-cert", dir + "/印章/committee.pem", "--ca-key", dir + "/印章/committee.key", "--out", dir + "/证书"]
        _ = try pingshen(["keys", "issue", "--role", "chair", "--name", "陈建国", "--file-name", "chair"] + ca)
        _ = try pingshen(["keys", "issue", "--role", "secretary", "--name", "王秘书", "--file-name", "secretary"] + ca)
        let s = dir + "/会议"
        _ = try pingshen(["init", s, "--settings", CLI.samples + "/session.toml", "--members", CLI.samples + "/members.csv",
                          "--candidates", CLI.samples + "/candidates.csv", "--committee-cert", dir + "/印章/committee.pem"])
        let pins = try CLI.json(try pingshen(["-C", s, "checkin", "--json"] + CLI.members(1...17)).stdout)["pins"] as! [String: String]
        _ = try pingshen(["-C", s, "open", "--host", "M01", "--recorder", "王秘书", "--host-key", dir + "/证书/chair.key", "--host-cert", dir + "/证书/chair.pem", "--no-witness"])
        _ = try pingshen(["-C", s, "deliberate", "C01"])
        _ = try pingshen(["-C", s, "vote", "open", "C01"])
        for m in CLI.members(1...12) { _ = try pingshen(["-C", s, "vote", "cast", "--member", m, "--pin", pins[m]!, "C01=同意"]) }
        _ = try pingshen(["-C", s, "vote", "close"])
        _ = try pingshen(["-C", s, "announce"])
        _ = try pingshen(["-C", s, "close", "--recorder-key", dir + "/证书/secretary.key", "--recorder-cert", dir + "/证书/secretary.pem"])
        // With only the personal passphrase the seal's key does not open (bad input, nothing signed) …
        let wrong = try CLI.run(["-C", s, "forms", "sign", "--as", "seal", "--key", dir + "/印章/committee.key", "--cert", dir + "/印章/committee.pem"],
                                environment: ["PINGSHEN_CA_PASSPHRASE": "测试用的个人私钥口令一二", "PINGSHEN_PASSPHRASE": "测试用的印章私钥口令一二"])
        #expect(wrong.status == 2, "\(wrong.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s + "/out/评审表-C01.html.seal.p7s"))
        // … and with PINGSHEN_CA_PASSPHRASE it does.
        let sealed = try pingshen(["-C", s, "forms", "sign", "--as", "seal", "--key", dir + "/印章/committee.key", "--cert", dir + "/印章/committee.pem", "--json"])
        let signed = try #require(try CLI.json(sealed.stdout)["signed"] as? [[String: String]])
        #expect(signed.map { $0["file"] } == [s + "/out/评审表-C01.html"])
        #expect(signed.map { $0["signature"] } == [s + "/out/评审表-C01.html.seal.p7s"])
        try OpenSSL.ok(["cms", "-verify", "-binary", "-inform", "DER", "-in", "会议/out/评审表-C01.html.seal.p7s", "-content", "会议/out/评审表-C01.html",
                        "-CAfile", "印章/committee.pem", "-out", "/dev/null"], in: dir)
        // The archive says which signatures are still missing (the minutes, the host's forms).
        let archived = try CLI.json(try pingshen(["-C", s, "archive", "--to", dir + "/印章/committee.pem", "--out", dir + "/归档/", "--json"]).stdout)
        #expect((archived["archive"] as? String)?.hasPrefix(dir + "/归档/pingshen-") == true)
        #expect(archived["unsignedPapers"] as? [String] == ["会议记录·主持人", "会议记录·记录人", "评审表·主持人"])
    }
}
