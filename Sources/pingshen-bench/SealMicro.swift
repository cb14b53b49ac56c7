import Foundation
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
