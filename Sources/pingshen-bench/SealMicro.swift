import FileSystem
import Foundation
import Inspection
import Journal
import Records
import Seal

/// `pingshen-bench seal-micro [COUNT]`: the per-call cost of each way Seal checks a signature,
/// keys parsed once, one core: the old one-context-per-call paths beside the batch verifiers,
/// and the cost of parsing a round key.
func sealMicro(count: Int) {
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    func report(_ name: String, _ n: Int, _ d: Duration) {
        print("\(name): \(Int(Double(n) / seconds(d)))/s (\(String(format: "%.2f", seconds(d) / Double(n) * 1e6)) µs each)")
    }
    // ECDSA P-256 over checkpoint-sized notes.
    let key = try! SigningKey.generate(.p256)
    let messages = (0..<count).map { i in Array("pingshen.session/bench\n\(i)\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".utf8) }
    let signatures = messages.map { try! key.signature(for: $0) }
    var good = 0
    report("ecdsa VerifyingKey.isValidSignature", count, clock.measure {
        for i in 0..<count where key.publicKey.isValidSignature(signatures[i], for: messages[i]) { good += 1 }
    })
    let batch = try! SignatureBatchVerifier(key.publicKey)
    report("ecdsa SignatureBatchVerifier", count, clock.measure {
        for i in 0..<count where batch.isValidSignature(signatures[i], for: messages[i]) { good += 1 }
    })
    precondition(good == 2 * count)

    // RSABSSA-SHA384-PSS credentials.
    let roundKey = try! BlindSigningKey.generate()
    var prepared: [[UInt8]] = []
    var credentials: [[UInt8]] = []
    for i in 0..<count {
        let p = roundKey.publicKey.prepare(Array("ballot \(i)".utf8))
        let b = try! roundKey.publicKey.blind(p)
        credentials.append(try! roundKey.publicKey.finalize(try! roundKey.blindSign(b.blindedMessage), for: p, inverse: b.inverse))
        prepared.append(p)
    }
    good = 0
    report("rsa-pss BlindVerifyingKey.isValidSignature", count, clock.measure {
        for i in 0..<count where roundKey.publicKey.isValidSignature(credentials[i], for: prepared[i]) { good += 1 }
    })
    let rsaBatch = try! BlindSignatureBatchVerifier(subjectPublicKeyInfo: roundKey.publicKey.subjectPublicKeyInfo)
    report("rsa-pss BlindSignatureBatchVerifier", count, clock.measure {
        for i in 0..<count {
            let ok = credentials[i].withUnsafeBytes { s in prepared[i].withUnsafeBytes { p in
                rsaBatch.isValidSignature(s, prefix: UnsafeRawBufferPointer(rebasing: p[..<32]), message: UnsafeRawBufferPointer(rebasing: p[32...]))
            } }
            if ok { good += 1 }
        }
    })
    precondition(good == 2 * count)
    let spki = roundKey.publicKey.subjectPublicKeyInfo
    let parses = max(1, count / 4)
    report("parse BlindVerifyingKey(subjectPublicKeyInfo:)", parses, clock.measure {
        for _ in 0..<parses { _ = try! BlindVerifyingKey(subjectPublicKeyInfo: spki) }
    })
    report("parse BlindSignatureBatchVerifier(subjectPublicKeyInfo:)", parses, clock.measure {
        for _ in 0..<parses { _ = try! BlindSignatureBatchVerifier(subjectPublicKeyInfo: spki) }
    })
    let keySPKI = key.publicKey.subjectPublicKeyInfo
    report("parse VerifyingKey(subjectPublicKeyInfo:)", parses, clock.measure {
        for _ in 0..<parses { _ = try! VerifyingKey(subjectPublicKeyInfo: keySPKI) }
    })
}

/// `pingshen-bench open-micro ARCHIVE KEY CERT PASSPHRASE [COUNT]`: what opening one archive costs.
func openMicro(_ arguments: [String]) {
    let count = arguments.count > 4 ? Int(arguments[4]) ?? 50 : 50
    let archive = Array(FileManager.default.contents(atPath: arguments[0])!)
    let identity = try! Identity(certificate: try! Certificate(pem: String(contentsOfFile: arguments[2], encoding: .utf8)),
                                 key: try! SigningKey(contentsOf: arguments[1], passphrase: arguments[3]))
    let clock = ContinuousClock()
    var tar: [UInt8] = []
    let open = clock.measure { for _ in 0..<count { tar = try! Envelope.open(archive, as: identity) } }
    var files = 0
    let unpack = clock.measure { for _ in 0..<count { files = try! Tar.unpack(tar).count } }
    print("archive \(archive.count) bytes: Envelope.open \(open / count), Tar.unpack \(unpack / count) (\(files) files)")
    let journal = try! Tar.unpack(tar).first { $0.path == "journal.jsonl" }!.bytes
    let text = JournalText(bytes: journal)
    var entries = 0
    let decode = clock.measure { for _ in 0..<count { entries = try! EntryCoding.decodeLines(text.bytes, text.lines).count } }
    var hasher = MerkleHasher()
    let hash = clock.measure {
        for _ in 0..<count {
            var range = CompactRange()
            text.bytes.withUnsafeBytes { file in for line in text.lines { range.append(leafHash: hasher.leafHash(UnsafeRawBufferPointer(rebasing: file[line]))) } }
        }
    }
    let report = clock.measure { for _ in 0..<count { _ = Inspector().verify(.archive(["journal.jsonl": journal]), path: "x") } }
    var totals: [String: Duration] = [:]
    var order: [String] = []
    let sessionFiles = SessionFiles.archive(Dictionary(uniqueKeysWithValues: try! Tar.unpack(tar).map { ($0.path, $0.bytes) }))
    for _ in 0..<count {
        for (phase, d) in Inspector().timings(sessionFiles) {
            if totals[phase] == nil { order.append(phase) }
            totals[phase, default: .zero] += d
        }
    }
    print(order.map { "\($0) \(String(format: "%.2f", Double(totals[$0]!.components.attoseconds) / 1e15 / Double(count) + Double(totals[$0]!.components.seconds) * 1000 / Double(count))) ms" }.joined(separator: ", "))
    print("journal \(journal.count) bytes, \(entries) entries: decode \(decode / count), leaf hashes \(hash / count), all checks (journal only) \(report / count)")
}
