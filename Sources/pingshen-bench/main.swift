import Foundation
import Journal
import Seal
import Records
import Review
import Workspace

// pingshen-bench generate DIR [--candidates N] [--members M] [--batch B]
//
// Writes a finished, realistic session journal of N candidates and M members straight from the
// engine (decide + apply, no per-command replay), for timing how long a command takes to replay
// it. Each round covers B candidates (default 1: the worst case, one round per candidate).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "year" {
    YearGenerator.run(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "open-micro" {
    openMicro(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "seal-micro" {
    sealMicro(count: arguments.count > 1 ? Int(arguments[1]) ?? 20000 : 20000)
    exit(0)
}
if arguments.first == "seal" {
    // Verification rates of what an inspector checks most: checkpoints (ECDSA P-256 signed notes,
    // parsed and verified) and ballots (RSABSSA-SHA384-PSS credentials), keys parsed once.
    let count = arguments.count > 1 ? Int(arguments[1]) ?? 20000 : 20000
    let clock = ContinuousClock()
    let key = try! SigningKey.generate(.p256)
    let verifier = KeyNoteVerifier(name: "pingshen.session.bench", key: key.publicKey)
    struct Signer: NoteSigner { let name: String; let keyID: UInt32; let key: SigningKey
        func sign(_ m: [UInt8]) throws -> [UInt8] { try key.signature(for: m) } }
    let signer = Signer(name: verifier.name, keyID: verifier.keyID, key: key)
    var notes: [[UInt8]] = []
    for i in 0..<count {
        let checkpoint = try! Checkpoint(origin: "pingshen.session/bench", size: UInt64(i + 1), root: TreeHash(SecureRandom.bytes(32))!)
        notes.append(try! SignedNote(text: checkpoint.text, signedBy: [signer]).bytes)
    }
    var good = 0
    let checkpointTime = clock.measure {
        for n in notes where (try? SignedCheckpoint(parsing: n))?.verify(with: [verifier]).isAccepted == true { good += 1 }
    }
    precondition(good == count)
    let roundKey = try! BlindSigningKey.generate()
    let opened = RoundOpened(round: 1, candidates: ["C01"], eligible: [], denominators: [:], paper: false, yesCap: 0,
                             credentialKey: Base64Text.encode(roundKey.publicKey.subjectPublicKeyInfo))
    let publicKey = try! RoundCredentials.publicKey(opened)
    var ballots: [Ballot] = []
    for _ in 0..<count {
        let nonce = Digest.hex(SecureRandom.bytes(16))
        let message = BallotMessage.bytes(session: "bench", round: 1, choices: ["C01": .yes], nonce: nonce)
        let prepared = publicKey.prepare(message)
        let blinding = try! publicKey.blind(prepared)
        let signature = try! publicKey.finalize(try! roundKey.blindSign(blinding.blindedMessage), for: prepared, inverse: blinding.inverse)
        ballots.append(Ballot(id: Digest.sha256Hex(message), choices: ["C01": .yes], nonce: nonce,
                              prefix: Digest.hex(prepared.prefix(32)), signature: Base64Text.encode(signature)))
    }
    good = 0
    let ballotTime = clock.measure {
        for b in ballots where RoundCredentials.verify(b, session: "bench", round: 1, key: publicKey) { good += 1 }
    }
    precondition(good == count)
    func rate(_ d: Duration) -> Int { Int(Double(count) / (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)) }
    print("checkpoint verify/s \(rate(checkpointTime))")
    print("ballot verify/s \(rate(ballotTime))")
    exit(0)
}
if arguments.first == "phases", arguments.count == 2 {
    // Times the phases of loading a session: read, split, decode, replay.
    let clock = ContinuousClock()
    let journal = JournalFile(path: arguments[1] + "/" + SessionFolder.journalName)
    var text: JournalText?
    let read = clock.measure { text = try! journal.read() }
    var entries: [Entry] = []
    let decode = clock.measure { entries = try! EntryCoding.decodeLines(text!.bytes, text!.lines) }
    let replay = clock.measure { _ = try! SessionState.replay(entries) }
    print("read+split \(read), decode \(decode), replay \(replay) for \(entries.count) entries")
    exit(0)
}
guard arguments.first == "generate", arguments.count >= 2 else {
    fail("usage: pingshen-bench generate DIR [--candidates 500] [--members 25] [--batch 1]")
}
let directory = arguments[1]
var options: [String: Int] = ["--candidates": 500, "--members": 25, "--batch": 1]
var i = 2
while i + 1 < arguments.count {
    guard options[arguments[i]] != nil, let v = Int(arguments[i + 1]), v > 0 else { fail("bad option \(arguments[i])") }
    options[arguments[i]] = v
    i += 2
}
let candidateCount = options["--candidates"]!, memberCount = options["--members"]! | 1, batch = options["--batch"]!

let members = (1...memberCount).map { n in
    Member(id: String(format: "M%03d", n), name: "委员\(n)", office: n == 1 ? .chair : (n <= 3 ? .viceChair : .member),
           unit: "单位\(n)", panel: "评议组\(n % 3 + 1)")
}
let candidates = (1...candidateCount).map { n in
    Candidate(id: String(format: "C%04d", n), name: "申报人\(n)", gender: n % 2 == 0 ? "女" : "男",
              born: "19\(70 + n % 25)-0\(n % 9 + 1)", unit: "企业\(n % 97)", education: ["博士研究生", "硕士研究生", "大学本科"][n % 3],
              currentTitle: "助理工程师", appliedTitle: "工程师", series: "工程", specialty: "电子信息", level: "中级",
              exceptional: n % 17 == 0, panel: "评议组\(n % 3 + 1)")
}
let settings = Settings(name: "基准测试中级评委会", series: "工程", specialty: "电子信息", level: "中级",
                        organizer: "某市人力资源和社会保障局", date: "2026-11-26", size: memberCount,
                        quorum: Settings.minimumQuorum(size: memberCount))
let founding = SessionCreated(session: "00112233445566778899aabbccddeeff", settings: settings, members: members,
                              candidates: candidates, registry: [], registryPath: nil, sources: [:])

var lines: [UInt8] = []
var state = SessionState(founding: founding)
var seq = 1
var minute = 8 * 60
@MainActor func stamp() -> String {
    minute += 1
    let h = minute / 60 % 24, m = minute % 60
    return "2026-11-26T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m):00+08:00"
}
@MainActor func write(_ event: Event) {
    let entry = Entry(seq: seq, at: stamp(), event: event)
    lines += try! EntryCoding.encode(entry) + [0x0A]
    if seq == 1 { state = try! SessionState.replay([entry]) } else { try! state.apply(entry) }
    seq += 1
}
@MainActor func run(_ command: Command) {
    do { write(try Review.decide(command, in: state)) } catch { fail("generator refused: \(error)") }
}

write(.sessionCreated(founding))
var pins: [MemberID: String] = [:]
let arrivals = members.map { m -> Arrival in
    let salt = "00", pin = "123456"
    pins[m.id] = pin
    return Arrival(member: m.id, pinSalt: salt, pinHash: VotingPIN.hash(pin, salt: salt))
}
run(.checkIn(arrivals))
run(.openMeeting(host: members[0].id, recorder: "记录人", agenda: [], seal: nil))
run(.reportMaterials("材料审查情况报告"))
var random = SystemRandomNumberGenerator()
for start in stride(from: 0, to: candidateCount, by: batch) {
    let ids = candidates[start..<min(start + batch, candidateCount)].map(\.id)
    run(.beginDeliberation(ids, opinion: "初审意见：符合条件"))
    run(.recordSpeech(ids[0], member: members[1].id, text: "发言摘要"))
    run(.openRound(ids, paper: false))
    let round = state.openRound!.number
    var ballots: [Ballot] = []
    for m in members {
        var choices: [CandidateID: Choice] = [:]
        for id in ids { choices[id] = Int.random(in: 0..<10, using: &random) < 8 ? .yes : .no }
        run(.castBallot(member: m.id, pinHash: VotingPIN.hash(pins[m.id]!, salt: "00"), choices: choices))
        ballots.append(BallotSpool.make(choices, session: founding.session, round: round))
    }
    run(.closeRound(ballots: ballots))
    for id in ids where state.progress[id]!.result == .rejected { run(.recordReason(id, "同意票未达到三分之二")) }
}
run(.announce)

try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
_ = FileManager.default.createFile(atPath: directory + "/" + SessionFolder.journalName, contents: Data(lines))
print("wrote \(directory)/\(SessionFolder.journalName): \(seq - 1) entries, \(lines.count) bytes")
