import Foundation
import Testing

/// A meeting run by the built binary against a live `pingshen witness` (both on loopback), as a
/// chair and an HRSS supervisor would run them on two computers.
@Suite(.serialized)
struct LiveSessionTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples").path

    /// Runs `pingshen arguments…` to completion; its status and everything it printed.
    static func pingshen(_ arguments: [String]) throws -> (status: Int32, printed: String) {
        let process = try WitnessProcess(arguments, environment: WitnessBinaryTests.environment)
        guard let exit = process.waitForExit(within: 120) else { throw WitnessProcessError.noURL("pingshen \(arguments) did not finish") }
        Thread.sleep(forTimeInterval: 0.1)
        return (exit.status, process.printed)
    }

    /// The witness's cosignature lines in the journal, by checkpoint (in order).
    static func witnessed(_ session: String, by name: String) throws -> [Bool] {
        let lines = try String(contentsOfFile: session + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        return try lines.compactMap { line -> Bool? in
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard entry["event"] as? String == "checkpoint.signed", let note = (entry["payload"] as? [String: Any])?["note"] as? String else { return nil }
            return note.contains("— \(name) ")
        }
    }

    /// The witness the opening named.
    static func witnessName(_ session: String) throws -> String {
        let lines = try String(contentsOfFile: session + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        for line in lines {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if entry["event"] as? String == "meeting.opened",
               let witness = ((entry["payload"] as? [String: Any])?["seal"] as? [String: Any])?["witness"] as? [String: Any] {
                return try #require(witness["name"] as? String)
            }
        }
        throw WitnessProcessError.noURL("no witness named at the opening")
    }

    @Test("every checkpoint is cosigned; an unreachable witness is said and caught up by the next contact with one proof; the close insists on the witness; verify passes V2 and V15")
    func liveWitness() throws {
        let keys = try WitnessBinaryTests.Keys()
        var witness: WitnessProcess? = try WitnessProcess(keys.witness(), environment: WitnessBinaryTests.environment)
        let url = try witness!.url()
        let port = url.split(separator: ":").last.map(String.init)!
        let session = keys.path("session")
        func run(_ arguments: [String], expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let r = try Self.pingshen(["-C", session] + arguments)
            #expect(r.status == status, "pingshen \(arguments.joined(separator: " ")): \(r.printed)", sourceLocation: sourceLocation)
            return r.printed
        }
        _ = try Self.pingshen(["init", session, "--settings", Self.samples + "/session.toml", "--members", Self.samples + "/members.csv",
                               "--candidates", Self.samples + "/candidates.csv", "--committee-cert", keys.path("committee.pem")])
        _ = try run(["checkin"] + (1...18).map { $0 < 10 ? "M0\($0)" : "M\($0)" })
        _ = try run(["open", "--host", "M01", "--recorder", "李记录", "--host-key", keys.path("chair.key"), "--host-cert", keys.path("chair.pem"),
                     "--witness", url, "--witness-cert", keys.path("witness.pem")])
        _ = try run(["report", "材料审查情况"])
        let name = try Self.witnessName(session)
        #expect(try Self.witnessed(session, by: name) == [true, true])

        // The supervisor's computer goes away: the command still happens, and says so.
        witness?.process.terminate()
        _ = witness?.waitForExit(within: 30)
        witness = nil
        let unwitnessed = try run(["deliberate", "C01"])
        #expect(unwitnessed.contains("见证方") && unwitnessed.contains("无法连接"))
        #expect(try Self.witnessed(session, by: name) == [true, true, false])
        // ... but the close cannot happen without it: nothing is written.
        let journal = try Data(contentsOf: URL(fileURLWithPath: session + "/journal.jsonl"))
        _ = try run(["close", "--recorder-key", keys.path("secretary.key"), "--recorder-cert", keys.path("secretary.pem")], expect: 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: session + "/journal.jsonl")) == journal)

        // Back on the same state and port: the next checkpoint is cosigned with one proof from the last cosigned size.
        var arguments = keys.witness()
        arguments[arguments.count - 1] = "127.0.0.1:\(port)"
        witness = try WitnessProcess(arguments, environment: WitnessBinaryTests.environment)
        _ = try witness!.url()
        _ = try run(["speech", "C01", "--member", "M04", "发言摘要"])
        #expect(try Self.witnessed(session, by: name) == [true, true, false, true])
        _ = try run(["matter", "无其他事项"])
        _ = try run(["close", "--recorder-key", keys.path("secretary.key"), "--recorder-cert", keys.path("secretary.pem")])
        let cosigned = try Self.witnessed(session, by: name)
        #expect(cosigned.last == true && cosigned.filter { $0 }.count == cosigned.count - 1)

        let verify = try Self.pingshen(["verify", session, "--json", "--committee-cert", keys.path("committee.pem")])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verify.printed.utf8)) as? [String: Any])
        let checks = try #require((report["sessions"] as? [[String: Any]])?.first?["checks"] as? [[String: Any]])
        let passed = Dictionary(uniqueKeysWithValues: checks.map { ($0["id"] as! String, $0["passed"] as! Bool) })
        #expect(passed["V2"] == true && passed["V3"] == true && passed["V15"] == true, "\(verify.printed)")
        witness?.process.terminate()
    }
}
