import FileSystem
import Foundation
import Journal
import Seal
import Workspace

/// `pingshen-bench year DIR [--sessions 40] [--committees 20] [--candidates 50] [--members 25] [--folders] [--jobs N]`
///
/// Writes a year of a province's sessions for the verifier's benchmark: DIR/archives/<committee>/<date>-<n>.p7m
/// (or session folders with --folders), the inspector's key and certificate to open them
/// (DIR/inspector.key, passphrase in DIR/passphrase), every committee seal (DIR/committees.pem),
/// and DIR/manifest.json with the totals the benchmark needs (ballots, checkpoints, …).
/// Everything is signed for real; the full year (2,000 sessions, 100,000 candidates) takes minutes.
enum YearGenerator {
    static func run(_ arguments: [String]) {
        guard let directory = arguments.first else { fail("usage: pingshen-bench year DIR [--sessions N] [--committees K] [--candidates C] [--members M] [--folders] [--jobs J]") }
        var options = ["--sessions": 40, "--committees": 20, "--candidates": 50, "--members": 25, "--jobs": ProcessInfo.processInfo.activeProcessorCount]
        var folders = false
        var i = 1
        while i < arguments.count {
            if arguments[i] == "--folders" { folders = true; i += 1; continue }
            guard options[arguments[i]] != nil, i + 1 < arguments.count, let v = Int(arguments[i + 1]), v > 0 else { fail("bad option \(arguments[i])") }
            options[arguments[i]] = v
            i += 2
        }
        let sessions = options["--sessions"]!, committeeCount = min(options["--committees"]!, sessions), jobs = options["--jobs"]!
        let candidates = options["--candidates"]!, members = options["--members"]!
        let started = Date()
        let asFolders = folders
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let committees = (0..<committeeCount).map { try! YearCommittee(index: $0) }
        let inspector = try! YearInspector()
        let pool = RoundKeyPool(size: max(candidates + 8, 64), jobs: jobs)
        log("identities and \(pool.keys.count) round keys ready in \(Int(Date().timeIntervalSince(started))) s")
        let passphrase = "pingshen-bench"
        try! inspector.identity.key.write(to: directory + "/inspector.key", passphrase: passphrase)
        try! Data(inspector.identity.certificate.pem.utf8).write(to: URL(fileURLWithPath: directory + "/inspector.pem"))
        try! Data((passphrase + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/passphrase"))
        try! Data(committees.map(\.seal.certificate.pem).joined().utf8).write(to: URL(fileURLWithPath: directory + "/committees.pem"))

        let totals = Locked((ballots: 0, checkpoints: 0, entries: 0, bytes: 0, done: 0))
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while true {
                let s = next.with { n -> Int in defer { n += 1 }; return n }
                guard s < sessions else { return }
                let committee = committees[s % committeeCount]
                let date = String(format: "2026-%02d-%02d", 1 + s * 12 / sessions, 1 + s / committeeCount % 28)
                let offset = (s * 7) % pool.keys.count
                var session = YearSession(committee: committee, number: s, date: date, candidates: candidates, members: members,
                                          roundKeys: Array(pool.keys[offset...] + pool.keys[..<offset]))
                let files = try! session.make()
                let folder = directory + (asFolders ? "/sessions/" : "/archives/") + String(format: "committee-%02d", committee.index)
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let name = String(format: "%@-%04d", date, s)
                if asFolders {
                    for file in files {
                        let path = folder + "/" + name + "/" + file.path
                        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                        try! Data(file.bytes).write(to: URL(fileURLWithPath: path))
                    }
                } else {
                    let archive = try! Envelope.seal(Tar.pack(files), for: [inspector.identity.certificate])
                    try! Data(archive).write(to: URL(fileURLWithPath: folder + "/" + name + ".p7m"))
                }
                let entries = session.lines.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                let done = totals.with { t -> Int in
                    t.ballots += session.ballots; t.checkpoints += session.checkpoints; t.entries += entries; t.bytes += session.lines.count; t.done += 1
                    return t.done
                }
                if done % 20 == 0 || done == sessions {
                    log("\(done)/\(sessions) sessions, \(Int(Date().timeIntervalSince(started))) s")
                }
            }
        }
        let t = totals.with { $0 }
        // Per session: one statement (CMS: signer + chain), one recorder cosignature and chain,
        // four document signatures (CMS: signer + chain).
        let manifest = """
        {"sessions":\(sessions),"committees":\(committeeCount),"candidates":\(sessions * candidates),"members":\(members),\
        "ballots":\(t.ballots),"checkpoints":\(t.checkpoints),"otherECDSA":\(sessions * (2 + 2 + 4 * 2)),"entries":\(t.entries),\
        "journalBytes":\(t.bytes),"format":"\(folders ? "folders" : "archives")","seconds":\(Int(Date().timeIntervalSince(started)))}
        """
        try! Data((manifest + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/manifest.json"))
        print(manifest)
    }

    static func log(_ message: String) {
        FileHandle.standardError.write(Data(("year: " + message + "\n").utf8))
    }
}
