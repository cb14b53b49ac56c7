import Foundation
import Testing

/// Sealed sessions checked with the stock `openssl` command line, and identities made by it
/// used by pingshen: both directions.
@Suite("Seals and the openssl command line", .serialized)
struct SealInteropTests {
    static let passphrase = "interop-口令-passphrase"
    static let env = ["PINGSHEN_PASSPHRASE": passphrase, "PINGSHEN_CA_PASSPHRASE": passphrase]

    func pingshen(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try CLI.run(arguments, environment: Self.env)
        #expect(r.status == 0, "pingshen \(arguments.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    @Test("a sealed session: keys, statement, checkpoints, ballots and archive all verify with openssl; changed bytes do not")
    func sealedSessionVerifiesWithOpenSSL() throws {
        let dir = try CLI.temporaryDirectory()
        _ = try pingshen(["keys", "committee", "--name", "测试评委会", "--out", dir])
        for (role, name) in [("chair", "陈建国"), ("secretary", "王秘书"), ("inspector", "纪检员")] {
            _ = try pingshen(["keys", "issue", "--role", role, "--name", name, "--ca-cert", dir + "/committee.pem",
                              "--ca-key", dir + "/committee.key", "--out", dir, "--file-name", role])
        }
        for name in ["committee", "chair", "secretary", "inspector"] {
            try OpenSSL.ok(["pkey", "-in", "\(name).key", "-passin", "pass:\(Self.passphrase)", "-out", "\(name)-plain.pem"], in: dir)
        }
        try OpenSSL.ok(["verify", "-CAfile", "committee.pem", "chair.pem", "secretary.pem", "inspector.pem"], in: dir)

        let session = dir + "/session"
        _ = try pingshen(["init", session, "--settings", CLI.samples + "/session.toml", "--members", CLI.samples + "/members.csv",
                          "--candidates", CLI.samples + "/candidates.csv", "--committee-cert", dir + "/committee.pem"])
        let pins = try CLI.json(try pingshen(["-C", session, "checkin", "--json"] + CLI.members(1...18)))["pins"] as! [String: String]
        _ = try pingshen(["-C", session, "open", "--host", "M01", "--recorder", "王秘书", "--host-key", dir + "/chair.key", "--host-cert", dir + "/chair.pem",
                          "--no-witness"])
        _ = try pingshen(["-C", session, "deliberate", "C01", "C02"])
        _ = try pingshen(["-C", session, "vote", "open", "C01", "C02"])
        for m in ["M02", "M03", "M04"] {
            _ = try pingshen(["-C", session, "vote", "cast", "--member", m, "--pin", pins[m]!, "C01=同意", "C02=不同意"])
        }
        _ = try pingshen(["-C", session, "vote", "close"])
        _ = try pingshen(["-C", session, "reason", "C01", "同意票不足"])
        _ = try pingshen(["-C", session, "reason", "C02", "同意票不足"])
        _ = try pingshen(["-C", session, "announce"])
        _ = try pingshen(["-C", session, "close", "--recorder-key", dir + "/secretary.key", "--recorder-cert", dir + "/secretary.pem"])

        let lines = try String(contentsOfFile: session + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        let entries = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let sessionID = (entries[0]["payload"] as! [String: Any])["session"] as! String
        var checkpoints = 0, ballots = 0
        for entry in entries {
            let payload = entry["payload"] as! [String: Any]
            switch entry["event"] as! String {
            case "meeting.opened":
                let seal = payload["seal"] as! [String: Any]
                let statement = seal["statement"] as! [String: Any]
                try write(Array((statement["text"] as! String).utf8), dir + "/statement.txt")
                try write(Array(Data(base64Encoded: statement["signature"] as! String)!), dir + "/statement.p7s")
                try OpenSSL.ok(["cms", "-verify", "-binary", "-inform", "DER", "-in", "statement.p7s", "-content", "statement.txt",
                                "-CAfile", "committee.pem", "-out", "/dev/null"], in: dir)
                try write(Array(((statement["text"] as! String) + " ").utf8), dir + "/statement-changed.txt")
                try OpenSSL.fails(["cms", "-verify", "-binary", "-inform", "DER", "-in", "statement.p7s", "-content", "statement-changed.txt",
                                   "-CAfile", "committee.pem", "-out", "/dev/null"], in: dir)
                try write(Array(Data(base64Encoded: seal["sessionKey"] as! String)!), dir + "/session-key.der")
                try OpenSSL.ok(["pkey", "-pubin", "-inform", "DER", "-in", "session-key.der", "-out", "session-key.pem"], in: dir)
            case "round.opened":
                if let key = payload["credentialKey"] as? String {
                    try write(Array(Data(base64Encoded: key)!), dir + "/round.der")
                    try OpenSSL.ok(["pkey", "-pubin", "-inform", "DER", "-in", "round.der", "-out", "round.pem"], in: dir)
                }
            case "checkpoint.signed":
                // A C2SP note: text, blank line, "— name base64(keyID ‖ signature)" lines.
                let note = payload["note"] as! String
                let parts = note.components(separatedBy: "\n\n")
                try write(Array((parts[0] + "\n").utf8), dir + "/checkpoint.txt")
                let first = parts[1].split(separator: "\n")[0].split(separator: " ")
                let signature = Array(Data(base64Encoded: String(first[2]))!.dropFirst(4))
                try write(signature, dir + "/checkpoint.sig")
                try OpenSSL.ok(["dgst", "-sha256", "-verify", "session-key.pem", "-signature", "checkpoint.sig", "checkpoint.txt"], in: dir)
                try write(Array((parts[0] + "0\n").utf8), dir + "/checkpoint-changed.txt")
                try OpenSSL.fails(["dgst", "-sha256", "-verify", "session-key.pem", "-signature", "checkpoint.sig", "checkpoint-changed.txt"], in: dir)
                checkpoints += 1
            case "round.closed":
                for case let b as [String: Any] in payload["ballots"] as! [Any] {
                    let choices = (b["choices"] as! [String: String]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
                    let message = ["pingshen-ballot-v1", sessionID, "\(payload["round"] as! Int)", choices, b["nonce"] as! String]
                        .map { Array($0.utf8) }.joined(separator: [0])
                    try write(hex(b["prefix"] as! String) + Array(message), dir + "/ballot.msg")
                    try write(Array(Data(base64Encoded: b["signature"] as! String)!), dir + "/ballot.sig")
                    let verify = ["dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:48", "-verify", "round.pem",
                                  "-signature", "ballot.sig", "ballot.msg"]
                    try OpenSSL.ok(verify, in: dir)
                    try write(hex(b["prefix"] as! String) + Array(message) + [0x20], dir + "/ballot.msg")
                    try OpenSSL.fails(verify, in: dir)
                    ballots += 1
                }
            default: break
            }
        }
        // Every entry from the opening to the close is followed by its checkpoint.
        let opening = try #require(entries.firstIndex { $0["event"] as? String == "meeting.opened" })
        let closing = try #require(entries.firstIndex { $0["event"] as? String == "meeting.closed" })
        let sealed = entries[opening...closing].filter { $0["event"] as? String != "checkpoint.signed" }.count
        #expect(sealed == 11 && checkpoints == sealed && ballots == 3)

        _ = try pingshen(["-C", session, "archive", "--to", dir + "/inspector.pem", "--out", dir + "/archive.p7m"])
        try OpenSSL.ok(["cms", "-decrypt", "-inform", "DER", "-in", "archive.p7m", "-recip", "inspector.pem", "-inkey", "inspector-plain.pem",
                        "-out", "archive.tar"], in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/unpacked", withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xf", dir + "/archive.tar", "-C", dir + "/unpacked"]
        try tar.run()
        tar.waitUntilExit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/unpacked/journal.jsonl")) == Data(contentsOf: URL(fileURLWithPath: session + "/journal.jsonl")))
        #expect(!FileManager.default.fileExists(atPath: dir + "/unpacked/keys"))
        // A flipped byte in the archive does not decrypt.
        var archive = try Data(contentsOf: URL(fileURLWithPath: dir + "/archive.p7m"))
        archive[archive.count - 40] ^= 1
        try archive.write(to: URL(fileURLWithPath: dir + "/archive-flipped.p7m"))
        try OpenSSL.fails(["cms", "-decrypt", "-inform", "DER", "-in", "archive-flipped.p7m", "-recip", "inspector.pem",
                           "-inkey", "inspector-plain.pem", "-out", "flipped.tar"], in: dir)
        let extract = try CLI.run(["extract", dir + "/archive-flipped.p7m", "--key", dir + "/inspector.key", "--cert", dir + "/inspector.pem",
                                   "--out", dir + "/x"], environment: Self.env)
        #expect(extract.status == 2 && !FileManager.default.fileExists(atPath: dir + "/x"))
    }

    @Test("a committee seal and a chair's certificate made with openssl are accepted; a certificate from another CA is refused")
    func openSSLMadeIdentities() throws {
        let dir = try CLI.temporaryDirectory()
        try """
        [ca]
        basicConstraints = critical, CA:TRUE, pathlen:0
        keyUsage = critical, keyCertSign, cRLSign, digitalSignature
        subjectKeyIdentifier = hash
        [member]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature, nonRepudiation
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        """.write(toFile: dir + "/ext.cnf", atomically: true, encoding: .utf8)
        for ca in ["committee", "other"] {
            try OpenSSL.ok(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "\(ca).plain"], in: dir)
            try OpenSSL.ok(["req", "-x509", "-new", "-key", "\(ca).plain", "-subj", "/O=测试评委会/CN=\(ca)", "-utf8", "-days", "30",
                            "-config", "ext.cnf", "-extensions", "ca", "-out", "\(ca).pem"], in: dir)
        }
        for (name, ca) in [("chair", "committee"), ("stranger", "other")] {
            try OpenSSL.ok(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "\(name).plain"], in: dir)
            try OpenSSL.ok(["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "\(name).plain", "-passout", "pass:\(Self.passphrase)", "-out", "\(name).key"], in: dir)
            try OpenSSL.ok(["req", "-new", "-key", "\(name).plain", "-subj", "/O=测试评委会/OU=chair/CN=陈建国", "-utf8", "-out", "\(name).csr"], in: dir)
            try OpenSSL.ok(["x509", "-req", "-in", "\(name).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).plain", "-CAcreateserial", "-days", "30",
                            "-extfile", "ext.cnf", "-extensions", "member", "-out", "\(name).pem"], in: dir)
        }
        for (name, expectOK) in [("stranger", false), ("chair", true)] {
            let session = try CLI.newSession()
            _ = try CLI.checkIn(session, CLI.members(1...18))
            let r = try CLI.run(["-C", session, "open", "--host", "M01", "--recorder", "王秘书", "--host-key", dir + "/\(name).key",
                                 "--host-cert", dir + "/\(name).pem", "--committee-cert", dir + "/committee.pem", "--no-witness"], environment: Self.env)
            #expect((r.status == 0) == expectOK, "\(name): \(r.stderr)")
        }
    }

    @Test("open refuses to start an unsigned meeting unless asked (--unsigned), and refuses a passphrase on the command line")
    func unsignedMustBeAsked() throws {
        let session = try CLI.newSession()
        _ = try CLI.checkIn(session, CLI.members(1...18))
        let r = try CLI.run(["-C", session, "open", "--host", "M01", "--recorder", "王秘书"])
        #expect(r.status != 0 && r.stderr.contains("--unsigned"))
        let p = try CLI.run(["-C", session, "open", "--host", "M01", "--recorder", "王秘书", "--passphrase", "x"])
        #expect(p.status != 0)
    }

    func hex(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(text.utf8)[...]
        while chars.count >= 2 {
            out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
            chars = chars.dropFirst(2)
        }
        return out
    }
}
