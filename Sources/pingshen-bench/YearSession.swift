import Documents
import FileSystem
import Foundation
import Journal
import Records
import Review
import Seal
import TextFormats
import Witness
import Workspace

/// Writes one realistic signed session of the generated year, in memory, straight through the
/// engine (`Review.decide` and `SessionState.apply`, no per-command replay or fsync): roll
/// call with a late arrival and a departure, one electronic round per candidate with every
/// ballot's credential blind-signed for real under the round's own RSA key, a checkpoint signed
/// after every entry from the opening to the close and cosigned by the witness (Ed25519), the
/// recorder's cosignature at the close, and the minutes and result forms signed.
struct YearSession {
    let committee: YearCommittee
    let number: Int
    let date: String
    let candidateCount: Int
    let memberCount: Int
    let roundKeys: [BlindSigningKey]
    /// A benchmark journal's PIN key: its PINs are never checked after it is written.
    static let pinKey = [UInt8](repeating: 7, count: VotingPIN.keyLength)

    private(set) var lines: [UInt8] = []
    private var state: SessionState!
    private var seq = 1
    private var second = 8 * 3600 + 30 * 60
    private var range = CompactRange()
    private var sessionKey: SigningKey!
    private(set) var checkpoints = 0
    private(set) var ballots = 0
    private var random = SystemRandomNumberGenerator()

    init(committee: YearCommittee, number: Int, date: String, candidates: Int, members: Int, roundKeys: [BlindSigningKey]) {
        self.committee = committee
        self.number = number
        self.date = date
        candidateCount = candidates
        memberCount = members
        self.roundKeys = roundKeys
    }

    /// The session's files, by path: the journal, the imported inputs, the seal, the signed documents.
    mutating func make() throws -> [Tar.File] {
        let members = BenchRoster.members(memberCount, idDigits: 2)
        let candidates = (1...candidateCount).map { n in
            BenchRoster.candidate(n, id: String(format: "C%03d", n), name: "申报人\(committee.index)-\(number)-\(n)",
                                  current: "工程师", applied: "高级工程师", level: "高级")
        }
        let inputs = Self.inputs(committee: committee.name, date: date, members: members, candidates: candidates)
        let settings = Settings(name: committee.name, series: "工程", specialty: "电子信息", level: "高级", organizer: "安徽省人力资源和社会保障厅",
                                date: date, venue: "合肥市", size: memberCount, quorum: Settings.minimumQuorum(size: memberCount))
        var session = ""
        for _ in 0..<16 { session += String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }
        let founding = SessionCreated(session: session, settings: settings, members: members, candidates: candidates, registry: [],
                                      registryPath: nil, sources: inputs.mapValues { Digest.sha256Hex($0) })
        try write(.sessionCreated(founding))

        // Roll call: all but one at once; the last arrives after the first deliberation began,
        // another leaves during the third and returns during the fifth.
        var pins: [MemberID: (pin: String, salt: String)] = [:]
        func arrive(_ ids: [MemberID]) throws {
            let issued = ids.map { VotingPIN.issue(to: $0, session: session, key: Self.pinKey) }
            for (m, i) in zip(ids, issued) { pins[m] = (i.pin, i.arrival.pinSalt) }
            try run(.checkIn(issued.map(\.arrival)))
        }
        try arrive(members.dropLast().map(\.id))
        try open(host: members[0].id, members: members)
        try run(.reportMaterials("本次共受理申报 \(candidateCount) 人，材料经审核均符合申报条件。"))
        let late = members[memberCount - 1].id, leaving = members[memberCount - 2].id
        for (index, candidate) in candidates.enumerated() {
            try run(.beginDeliberation([candidate.id], opinion: "评议组意见：符合评审条件。"))
            if index == 0 { try arrive([late]) }
            if index == 2 { try run(.checkOut(leaving, reason: "单位急事")) }
            if index == 4 { try arrive([leaving]) }
            try vote(candidate.id, pins: pins)
            if state.progress[candidate.id]!.result == .rejected { try run(.recordReason(candidate.id, "同意票未达到三分之二。")) }
        }
        try run(.announce)
        try run(.closeMeeting(registered: 0))
        let documents = try signDocuments()
        return inputs.sorted { $0.key < $1.key }.map { Tar.File(path: $0.key, bytes: $0.value) }
            + [Tar.File(path: "committee.pem", bytes: Array(committee.seal.certificate.pem.utf8))]
            + documents + [Tar.File(path: "journal.jsonl", bytes: lines)]
    }

    /// One electronic round: every eligible member blinds a ballot, the round key signs it, the
    /// member unblinds the credential; the block is written sorted at the close.
    private mutating func vote(_ candidate: CandidateID, pins: [MemberID: (pin: String, salt: String)]) throws {
        let key = roundKeys[state.rounds.count % roundKeys.count]
        try run(.openRound([candidate], paper: false, credentialKey: Base64.encode(key.publicKey.subjectPublicKeyInfo)))
        let round = state.openRound!.number
        var block: [Ballot] = []
        for member in state.openRound!.opened.eligible {
            let r = Int.random(in: 0..<100, using: &random)
            let choice: Choice = r < 82 ? .yes : r < 95 ? .no : .abstain
            let choices = [candidate: choice]
            let nonce = Digest.hex(SecureRandom.bytes(16))
            let message = BallotMessage.bytes(session: state.session, round: round, choices: choices, nonce: nonce)
            let prepared = key.publicKey.prepare(message)
            let blinding = try key.publicKey.blind(prepared)
            let blindSignature = try key.blindSign(blinding.blindedMessage)
            let signature = try key.publicKey.finalize(blindSignature, for: prepared, inverse: blinding.inverse)
            block.append(Ballot(id: Digest.sha256Hex(message), choices: choices, nonce: nonce, prefix: Digest.hex(prepared.prefix(32)),
                                signature: Base64.encode(signature)))
            let p = pins[member]!
            try write(try Review.decide(.castBallot(member: member, pinMAC: VotingPIN.mac(p.pin, member: member, salt: p.salt, session: state.session, key: Self.pinKey), choices: choices,
                                                    blinded: Digest.sha256Hex(blinding.blindedMessage)), in: state))
        }
        ballots += block.count
        try run(.closeRound(ballots: block))
    }

    private mutating func open(host: MemberID, members: [Member]) throws {
        sessionKey = try SigningKey.generate(.p256)
        let keyText = Base64.encode(sessionKey.publicKey.subjectPublicKeyInfo)
        let origin = "pingshen.session/\(state.session)", keyName = "pingshen.session.\(state.session.prefix(16))"
        let text = """
        pingshen 开会声明 opening statement v1
        评委会 committee: \(state.settings.name)
        会议编号 session: \(state.session)
        开会日期 date: \(state.settings.date)
        主持人 host: \(host) \(members[0].name)
        记录人 recorder: 记录人
        会议密钥 session key (\(sessionKey.algorithm.rawValue), SubjectPublicKeyInfo, base64): \(keyText)
        检查点 checkpoints: origin \(origin), key name \(keyName)
        见证方 witness: \(committee.witness.cosigner.name) http://witness.example:7380
        本人以主持人身份确认：本次会议的日志检查点由上述会议密钥签署。
        As host I confirm that this meeting's journal checkpoints are signed by the session key above.

        """
        let statement = SignedStatement(text: text, format: "cms",
                                        signature: Base64.encode(try DetachedSignature.sign(Array(text.utf8), signers: [committee.chair]).der),
                                        certificate: Base64.encode(committee.chair.certificate.der))
        let witness = WitnessBinding(url: "http://witness.example:7380", certificate: Base64.encode(committee.witness.certificate.der),
                                     name: committee.witness.cosigner.name)
        let seal = MeetingSeal(committeeCertificate: Base64.encode(committee.seal.certificate.der), sessionKey: keyText,
                               algorithm: sessionKey.algorithm.rawValue, origin: origin, keyName: keyName, statement: statement, witness: witness)
        try run(.openMeeting(host: host, recorder: "记录人", agenda: [], seal: seal))
    }

    /// Decides `command` and writes the event, then the checkpoint the rules call for.
    private mutating func run(_ command: Command) throws {
        let event = try Review.decide(command, in: state)
        let sealed = state.needsCheckpoint(after: event)
        try write(event)
        if sealed { try checkpoint(final: { if case .meetingClosed = event { return true }; return false }()) }
    }

    private mutating func checkpoint(final: Bool) throws {
        let seal = state.seal!
        let checkpoint = try Checkpoint(origin: seal.origin, size: range.size, root: range.root)
        var signers: [any NoteSigner] = [KeyNoteSigner(name: seal.keyName, key: sessionKey)]
        var cosigners: [String] = []
        if final {
            signers.append(KeyNoteSigner(name: "pingshen.recorder.\(committee.secretary.certificate.serialHex.prefix(16))", key: committee.secretary.key))
            cosigners = [Base64.encode(committee.secretary.certificate.der)]
        }
        var note = try SignedNote(text: checkpoint.text, signedBy: signers).bytes
        // The witness cosigns at the time of the entry the checkpoint seals.
        note += Array(try committee.witness.cosigner.cosign(checkpoint.text, at: UInt64(ShanghaiTime.parse(state.lastAt)!)).line.utf8)
        checkpoints += 1
        try write(try Review.decide(.recordCheckpoint(CheckpointSigned(note: String(decoding: note, as: UTF8.self), cosigners: cosigners)), in: state))
    }

    /// Appends one entry (five seconds after the last; a checkpoint in the same second as the
    /// entry it seals) to the journal and the state.
    private mutating func write(_ event: Event) throws {
        if case .checkpointSigned = event {} else { second += 5 }
        let at = "\(date)T\(String(format: "%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60))+08:00"
        let entry = Entry(seq: seq, at: at, event: event)
        let line = try EntryCoding.encode(entry)
        lines += line
        lines.append(0x0A)
        range.append(entry: line)
        if seq == 1 { state = try SessionState.replay([entry]) } else { try state.apply(entry) }
        seq += 1
    }

    /// The shipped templates, parsed once.
    static let renderer = DocumentRenderer(templates: try! TemplateLibrary.shipped())

    /// The minutes (host, recorder) and the result forms as one bundle (host, seal), each
    /// detached-signed in CMS and recorded after the close.
    private mutating func signDocuments() throws -> [Tar.File] {
        let minutes = Array("# 评审会议记录\n\n\(state.settings.name)，\(date)，表决 \(state.countedInOrder.count) 人。\n".utf8)
        // The forms as the session prints them: the verifier prints them again and compares (V11).
        let forms = try Self.renderer.resultFormsTogether(state, format: .md).bytes
        var files: [Tar.File] = [Tar.File(path: "out/minutes.md", bytes: minutes), Tar.File(path: "out/result-forms.md", bytes: forms)]
        for (document, content, signer, identity) in [("minutes", minutes, "host", committee.chair), ("minutes", minutes, "recorder", committee.secretary),
                                                     ("result-forms", forms, "host", committee.chair), ("result-forms", forms, "seal", committee.seal)] {
            let file = document == "minutes" ? "out/minutes.md" : "out/result-forms.md"
            let signature = try DetachedSignature.sign(content, signers: [identity]).der
            files.append(Tar.File(path: "\(file).\(signer).p7s", bytes: signature))
            try run(.recordDocumentSignature(DocumentSigned(document: document, candidate: nil, file: file, sha256: Digest.sha256Hex(content),
                                                            signatureFile: "\(file).\(signer).p7s", signatureSHA256: Digest.sha256Hex(signature),
                                                            signer: signer, certificate: Base64.encode(identity.certificate.der))))
        }
        return files
    }

    /// The session's input files as a committee office would prepare them.
    static func inputs(committee: String, date: String, members: [Member], candidates: [Candidate]) -> [String: [UInt8]] {
        let toml = "name = \"\(committee)\"\nseries = \"工程\"\nspecialty = \"电子信息\"\nlevel = \"高级\"\norganizer = \"安徽省人力资源和社会保障厅\"\ndate = \"\(date)\"\nsize = \(members.count)\n"
        let memberCSV = "id,姓名,职务,工作单位,评议组\n" + members.map { "\($0.id),\($0.name),\($0.office.rawValue),\($0.unit),\($0.panel)\n" }.joined()
        let candidateCSV = "id,姓名,性别,出生年月,工作单位,学历,现职称,申报职称,系列,专业,级别,破格,评议组\n" + candidates.map {
            "\($0.id),\($0.name),\($0.gender),\($0.born),\($0.unit),\($0.education),\($0.currentTitle),\($0.appliedTitle),\($0.series),\($0.specialty),\($0.level),\($0.exceptional ? "是" : "否"),\($0.panel)\n"
        }.joined()
        return ["session.toml": Array(toml.utf8), "members.csv": Array(memberCSV.utf8), "candidates.csv": Array(candidateCSV.utf8)]
    }
}
