import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// kill -9 at random moments while members cast: no acknowledged ballot may be lost.
@Suite("Crash safety (kill -9 while casting)", .serialized)
struct CrashTests {
    /// Starts `pingshen arguments…` and kills it with SIGKILL after `delay` unless it finished first.
    /// Returns whether it finished by itself with status 0 (the ballot was acknowledged).
    func castAndMaybeKill(_ arguments: [String], after delay: useconds_t) throws -> (acknowledged: Bool, killed: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(delay)
        var killed = false
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            killed = true
        }
        process.waitUntilExit()
        let byItself = process.terminationReason == .exit
        return (byItself && process.terminationStatus == 0, killed && !byItself)
    }

    /// The moments of the kills come from this run's seed (`PINGSHEN_TEST_SEED`), which a
    /// failure names as the test's argument.
    @Test("kill -9 in a loop while casting loses no acknowledged ballot; the journal always replays", arguments: [Seeds.run])
    func killLoop(seed: UInt64) throws {
        let (dir, pins) = try CLI.openRound(present: 25, ["C01", "C02"])
        var generator = SeededRandom(seed: seed)
        var acknowledged: Set<String> = []
        var kills = 0
        for member in CLI.members(1...25) {
            let args = ["-C", dir, "vote", "cast", "--member", member, "--pin", pins[member]!, "C01=同意", "C02=不同意"]
            let delay = useconds_t.random(in: 0...60_000, using: &generator)
            let outcome = try castAndMaybeKill(args, after: delay)
            if outcome.acknowledged { acknowledged.insert(member) }
            if outcome.killed { kills += 1 }
            // Whatever happened, the journal replays (a torn tail is reported, then repaired).
            let status = try CLI.json(try CLI.ok(["-C", dir, "status", "--json"]))
            if status["tornTail"] is Int { try CLI.ok(["-C", dir, "repair"]) }
            // A killed cast is retried: it either goes through or is refused as a second ballot.
            if !outcome.acknowledged {
                let retry = try CLI.run(args)
                #expect(retry.status == 0 || (retry.status == 3 && retry.stderr.contains("已在第 1 轮投过票")), "seed \(seed), retry: \(retry.stderr)")
                if retry.status == 0 { acknowledged.insert(member) }
            }
        }
        let status = try CLI.json(try CLI.ok(["-C", dir, "status", "--json"]))
        let round = try #require(status["round"] as? [String: Any])
        let voted = Set(try #require(round["voted"] as? [String]))
        #expect(acknowledged.isSubset(of: voted), "seed \(seed): acknowledged but not recorded: \(acknowledged.subtracting(voted))")
        #expect(voted.count == 25, "seed \(seed): every member ends up with exactly one recorded ballot")
        let closed = try CLI.json(try CLI.ok(["-C", dir, "vote", "close", "--json"]))
        let tallies = try #require(closed["tallies"] as? [[String: Any]])
        #expect(tallies.first?["yes"] as? Int == 25)
        #expect(tallies.last?["no"] as? Int == 25)
        print("kill -9 loop (seed \(seed)): \(kills) casts killed, \(acknowledged.count) acknowledged, 25 ballots counted")
    }
}
