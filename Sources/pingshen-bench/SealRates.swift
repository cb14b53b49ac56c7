import Journal
import Records
import Seal
import TextFormats
import Workspace

/// Verification rates of what an inspector checks most: checkpoints (ECDSA P-256 signed notes,
/// parsed and verified) and ballots (RSABSSA-SHA384-PSS credentials), keys parsed once.
enum SealRates {
    static func run(count: Int) {
        let clock = ContinuousClock()
        let key = try! SigningKey.generate(.p256)
        let verifier = KeyNoteVerifier(name: "pingshen.session.bench", key: key.publicKey)
        let signer = KeyNoteSigner(name: verifier.name, key: key)
        let notes = (0..<count).map { i in
            let checkpoint = try! Checkpoint(origin: "pingshen.session/bench", size: UInt64(i + 1), root: TreeHash(SecureRandom.bytes(32))!)
            return try! SignedNote(text: checkpoint.text, signedBy: [signer]).bytes
        }
        var good = 0
        let checkpointTime = clock.measure {
            for n in notes where (try? SignedCheckpoint(parsing: n))?.verify(with: [verifier]).isAccepted == true { good += 1 }
        }
        precondition(good == count)
        let roundKey = try! BlindSigningKey.generate()
        let opened = RoundOpened(round: 1, candidates: ["C01"], eligible: [], denominators: [:], paper: false, yesCap: 0,
                                 credentialKey: Base64.encode(roundKey.publicKey.subjectPublicKeyInfo))
        let publicKey = try! RoundCredentials.publicKey(opened)
        let ballots = (0..<count).map { _ in credentialedBallot(["C01": .yes], session: "bench", round: 1, key: roundKey) }
        good = 0
        let ballotTime = clock.measure {
            for b in ballots where RoundCredentials.verify(b, session: "bench", round: 1, key: publicKey) { good += 1 }
        }
        precondition(good == count)
        func rate(_ d: Duration) -> Int { Int(Double(count) / (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)) }
        print("checkpoint verify/s \(rate(checkpointTime))")
        print("ballot verify/s \(rate(ballotTime))")
    }

    /// A ballot with a real blind-signed credential, made as `vote cast` makes it.
    static func credentialedBallot(_ choices: [CandidateID: Choice], session: String, round: Int, key: BlindSigningKey) -> Ballot {
        let nonce = Digest.hex(SecureRandom.bytes(16))
        let message = BallotMessage.bytes(session: session, round: round, choices: choices, nonce: nonce)
        let prepared = key.publicKey.prepare(message)
        let blinding = try! key.publicKey.blind(prepared)
        let signature = try! key.publicKey.finalize(try! key.blindSign(blinding.blindedMessage), for: prepared, inverse: blinding.inverse)
        return Ballot(id: Digest.sha256Hex(message), choices: choices, nonce: nonce,
                      prefix: Digest.hex(prepared.prefix(32)), signature: Base64.encode(signature))
    }
}
