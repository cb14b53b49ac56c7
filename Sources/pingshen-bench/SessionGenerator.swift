import Foundation
import Journal
import Records
import Review
import Seal
import TextFormats
import Workspace

/// Writes a finished, realistic session of N candidates and M members straight from the
/// engine (decide + apply, no per-command replay), for timing how long a command takes to
/// replay it. Each round covers `batch` candidates (default 1: the worst case, one round per
/// candidate). With `--signed` it is a sealed meeting: a committee seal and a host in memory,
/// a host-signed opening statement, checkpoints signed as the session key signs them, and every
/// ballot blind-signed for real (one RSA key is reused across rounds to save key generation,
/// which changes nothing a replay or a verifier does per ballot).
final class SessionGenerator {
    let directory: String
    let candidateCount, memberCount, batch: Int
    let signed: Bool

    var lines: [UInt8] = []
    var state: SessionState!
    var seq = 1
    var minute = 8 * 60
    var tree = MerkleTree()
    var hasher = MerkleHasher()
    var sessionSigner: KeyNoteSigner?
    var seal: MeetingSeal?

    init(arguments: [String]) {
        guard let dir = arguments.first else { fail("usage: pingshen-bench generate DIR [options]") }
        directory = dir
        var options: [String: Int] = ["--candidates": 500, "--members": 25, "--batch": 1]
        var signed = false
        var i = 1
        while i < arguments.count {
            if arguments[i] == "--signed" { signed = true; i += 1; continue }
            guard i + 1 < arguments.count, options[arguments[i]] != nil, let v = Int(arguments[i + 1]), v > 0 else {
                fail("bad option \(arguments[i])")
            }
            options[arguments[i]] = v
            i += 2
        }
        candidateCount = options["--candidates"]!
        memberCount = options["--members"]! | 1
        batch = options["--batch"]!
        self.signed = signed
    }

    func stamp() -> String {
        minute += 1
        let h = minute / 60 % 24, m = minute % 60
        return "2026-11-26T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m):00+08:00"
    }

    func write(_ event: Event) {
        let sealed = seq > 1 && state.needsCheckpoint(after: event)
        let entry = Entry(seq: seq, at: stamp(), event: event)
        let line = try! EntryCoding.encode(entry)
        lines += line + [0x0A]
        tree.append(leafHash: hasher.leafHash(line))
        if seq == 1 { state = try! SessionState.replay([entry]) } else { try! state.apply(entry) }
        seq += 1
        if let signer = sessionSigner, let seal, sealed {
            let checkpoint = try! Checkpoint(origin: seal.origin, size: tree.size, root: tree.root)
            let note = try! SignedNote(text: checkpoint.text, signedBy: [signer])
            run(.recordCheckpoint(CheckpointSigned(note: String(decoding: note.bytes, as: UTF8.self), cosigners: [])))
        }
    }

    func run(_ command: Command) {
        do { write(try Review.decide(command, in: state)) } catch { fail("generator refused: \(error)") }
    }

    func run() {
        let members = BenchRoster.members(memberCount, idDigits: 3)
        let candidates = (1...candidateCount).map { n in
            BenchRoster.candidate(n, id: String(format: "C%04d", n), name: "申报人\(n)", current: "助理工程师", applied: "工程师", level: "中级")
        }
        let settings = Settings(name: "基准测试中级评委会", series: "工程", specialty: "电子信息", level: "中级",
                                organizer: "某市人力资源和社会保障局", date: "2026-11-26", size: memberCount,
                                quorum: Settings.minimumQuorum(size: memberCount))
        let session = Digest.hex(SecureRandom.bytes(16))
        let founding = SessionCreated(session: session, settings: settings, members: members,
                                      candidates: candidates, registry: [], registryPath: nil, sources: [:])
        write(.sessionCreated(founding))
        let pinKey = [UInt8](repeating: 7, count: VotingPIN.keyLength)  // a benchmark's journal only: its PINs are never checked later
        run(.checkIn(members.map { Arrival(member: $0.id, pinSalt: "00", pinMAC: VotingPIN.mac("123456", member: $0.id, salt: "00", session: session, key: pinKey)) }))
        var roundKey: BlindSigningKey?
        var files: [(String, [UInt8])] = []
        if signed {
            let (madeSeal, sessionKey, committee) = makeSeal(session: session, host: members[0])
            seal = madeSeal
            sessionSigner = KeyNoteSigner(name: madeSeal.keyName, key: sessionKey)
            roundKey = try! BlindSigningKey.generate()
            files = [("keys/session.key", try! sessionKey.transientPEM()), ("committee.pem", Array(committee.pem.utf8))]
        }
        run(.openMeeting(host: members[0].id, recorder: "记录人", agenda: [], seal: seal))
        run(.reportMaterials("材料审查情况报告"))
        var random = SystemRandomNumberGenerator()
        for start in stride(from: 0, to: candidateCount, by: batch) {
            let ids = candidates[start..<min(start + batch, candidateCount)].map(\.id)
            run(.beginDeliberation(ids, opinion: "初审意见：符合条件"))
            run(.recordSpeech(ids[0], member: members[1].id, text: "发言摘要"))
            let key = roundKey.map { Base64.encode($0.publicKey.subjectPublicKeyInfo) }
            write(try! Review.decide(.openRound(ids, paper: false, credentialKey: key), in: state))
            let round = state.openRound!.number
            var ballots: [Ballot] = []
            for m in members {
                var choices: [CandidateID: Choice] = [:]
                for id in ids { choices[id] = Int.random(in: 0..<10, using: &random) < 8 ? .yes : .no }
                var blinded: String?
                if let roundKey {
                    ballots.append(SealRates.credentialedBallot(choices, session: session, round: round, key: roundKey))
                    blinded = Digest.hex(SecureRandom.bytes(32))
                } else {
                    ballots.append(BallotSpool.make(choices, session: session, round: round))
                }
                write(try! Review.decide(
                    .castBallot(member: m.id, pinMAC: VotingPIN.mac("123456", member: m.id, salt: "00", session: session, key: pinKey), choices: choices, blinded: blinded), in: state))
            }
            run(.closeRound(ballots: ballots))
            for id in ids where state.progress[id]!.result == .rejected { run(.recordReason(id, "同意票未达到三分之二")) }
        }
        run(.announce)

        try? FileManager.default.createDirectory(atPath: directory + "/keys", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/" + SessionFolder.journalName, contents: Data(lines))
        for (name, bytes) in files { _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes)) }
        print("wrote \(directory)/\(SessionFolder.journalName): \(seq - 1) entries, \(lines.count) bytes\(signed ? ", signed" : "")")
    }

    /// A committee seal, a host certificate and the host's signed statement binding a fresh session key.
    func makeSeal(session: String, host: Member) -> (MeetingSeal, SigningKey, Certificate) {
        let now = Date()
        let validity = now.addingTimeInterval(-86400 * 30)...now.addingTimeInterval(86400 * 365)
        let authority = try! CertificateAuthority.create(commonName: "基准测试评委会", organization: "基准测试评委会",
                                                        key: try! SigningKey.generate(), validity: validity)
        let hostKey = try! SigningKey.generate()
        let hostCertificate = try! authority.issue(commonName: host.name, role: .chair, publicKey: hostKey.publicKey, validity: validity)
        let sessionKey = try! SigningKey.generate()
        let keyText = Base64.encode(sessionKey.publicKey.subjectPublicKeyInfo)
        let origin = "pingshen.session/\(session)", keyName = "pingshen.session.\(session.prefix(16))"
        let text = "pingshen 开会声明 opening statement v1 (benchmark)\n会议编号 session: \(session)\n会议密钥 session key: \(keyText)\n"
        let cms = try! DetachedSignature.sign(Array(text.utf8), signers: [try! Identity(certificate: hostCertificate, key: hostKey)])
        let statement = SignedStatement(text: text, format: "cms", signature: Base64.encode(cms.der),
                                        certificate: Base64.encode(hostCertificate.der))
        return (MeetingSeal(committeeCertificate: Base64.encode(authority.certificate.der), sessionKey: keyText,
                            algorithm: sessionKey.algorithm.rawValue, origin: origin, keyName: keyName, statement: statement),
                sessionKey, authority.certificate)
    }
}
