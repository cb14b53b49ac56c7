import Foundation
import Testing

/// The voting kiosk driven through its standard input, as members would type.
@Suite("Voting kiosk", .serialized)
struct KioskTests {
    @Test("members vote one after another; a wrong PIN is refused; the screen is cleared after each")
    func kiosk() throws {
        let (dir, pins) = try CLI.openRound(present: 20, ["C01", "C02"])
        let input = [
            "M02", pins["M02"]!, "1", "2", "y", "",      // votes 同意, 不同意
            "M03", "000000",                            // wrong PIN
            "M03", pins["M03"]!, "1", "", "n", "",        // declines to submit
            "M03", pins["M03"]!, "3", "1", "y", "",       // votes 弃权, 同意
            "M02", pins["M02"]!,                        // second ballot: refused
            "q",
        ].joined(separator: "\n") + "\n"
        let r = try CLI.run(["-C", dir, "vote", "kiosk"], input: input)
        #expect(r.status == 0)
        #expect(r.stdout.components(separatedBy: "投票成功").count - 1 == 2)
        #expect(r.stdout.contains("\u{1B}[2J"))
        #expect(r.stderr.contains("PIN 不正确") && r.stderr.contains("不得重复投票"))
        #expect(!r.stdout.contains(pins["M02"]!), "the PIN is never echoed")
        let closed = try CLI.json(try CLI.ok(["-C", dir, "vote", "close", "--json"]))
        let tallies = try #require(closed["tallies"] as? [[String: Any]])
        #expect(tallies[0]["yes"] as? Int == 1 && tallies[0]["abstain"] as? Int == 1)
        #expect(tallies[1]["no"] as? Int == 1 && tallies[1]["yes"] as? Int == 1)
    }

    @Test("five wrong PINs at the kiosk lock the member in the journal, even with the right PIN after; the host unlocks (R16)")
    func lockout() throws {
        let (dir, pins) = try CLI.openRound(present: 20, ["C01"])
        let input = ["M04", "1", "M04", "2", "M04", "3", "M04", "4", "M04", "5", "M04", pins["M04"]!, "q"].joined(separator: "\n") + "\n"
        let r = try CLI.run(["-C", dir, "vote", "kiosk"], input: input)
        #expect(r.stderr.contains("第 5 次") && r.stderr.contains("pingshen unlock M04"), "\(r.stderr)")
        #expect(!r.stdout.contains("投票成功"))
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"event\":\"member.locked\""))
        try CLI.ok(["-C", dir, "unlock", "M04"])
        let again = try CLI.run(["-C", dir, "vote", "kiosk"], input: ["M04", pins["M04"]!, "1", "y", "", "q"].joined(separator: "\n") + "\n")
        #expect(again.stdout.contains("投票成功"), "\(again.stderr)")
    }
}
