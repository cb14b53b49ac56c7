import Foundation
import Seal
import Witness

/// One committee of the generated year: its seal and the chair and secretary it issued, made
/// in memory (no files), valid through the whole year.
struct YearCommittee: Sendable {
    let index: Int
    let name: String
    let seal: Identity
    let chair: Identity
    let secretary: Identity
    /// The HRSS supervisor's witness, cosigning every checkpoint.
    let witness: WitnessIdentity

    static let validity = Date(timeIntervalSince1970: 1_764_547_200)...Date(timeIntervalSince1970: 1_830_297_600)  // 2025-12-01 … 2027-12-31

    init(index: Int) throws {
        self.index = index
        let levels = ["高级", "中级"]
        let specialties = ["电子信息", "机械", "建筑", "化工", "冶金", "电力", "交通", "水利", "农业", "卫生"]
        name = "安徽省工程系列\(specialties[index % specialties.count])专业\(levels[index / specialties.count % 2])职称评审委员会（第\(index + 1)组）"
        let sealKey = try SigningKey.generate(.p256)
        let authority = try CertificateAuthority.create(commonName: name, organization: name, key: sealKey, validity: Self.validity)
        seal = authority.identity
        func member(_ role: CommitteeRole, _ person: String) throws -> Identity {
            let key = try SigningKey.generate(.p256)
            return try Identity(certificate: try authority.issue(commonName: person, role: role, publicKey: key.publicKey, validity: Self.validity), key: key)
        }
        chair = try member(.chair, "委员1")
        secretary = try member(.secretary, "记录人")
        let witnessKey = try Ed25519SigningKey.generate()
        let witnessCertificate = try authority.issue(commonName: "省人社厅监督见证", role: .witness, publicKey: witnessKey.publicKey, validity: Self.validity)
        witness = try WitnessIdentity(certificate: witnessCertificate, key: witnessKey, committee: authority.identity.certificate,
                                      at: Self.validity.lowerBound.addingTimeInterval(86400))
    }
}

/// The inspector the archives are encrypted for, with a seal of their own department.
struct YearInspector {
    let identity: Identity

    init() throws {
        let key = try SigningKey.generate(.p256)
        let authority = try CertificateAuthority.create(commonName: "安徽省人力资源和社会保障厅", organization: "安徽省人力资源和社会保障厅",
                                                        key: key, validity: YearCommittee.validity)
        let inspectorKey = try SigningKey.generate(.p256)
        let certificate = try authority.issue(commonName: "纪检监督", role: .inspector, publicKey: inspectorKey.publicKey, validity: YearCommittee.validity)
        identity = try Identity(certificate: certificate, key: inspectorKey)
    }
}

/// The RSA round keys sessions draw from: a fresh RSA-2048 key for each of 100,000 rounds
/// would take hours to generate, so the year cycles through a pool; within one session every
/// round still has a key of its own (the pool is larger than any session's rounds).
struct RoundKeyPool: Sendable {
    let keys: [BlindSigningKey]

    init(size: Int, jobs: Int) {
        let made = Locked([BlindSigningKey?](repeating: nil, count: size))
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            for i in stride(from: worker, to: size, by: jobs) {
                let key = try! BlindSigningKey.generate()
                made.with { $0[i] = key }
            }
        }
        keys = made.with { $0.map { $0! } }
    }
}

/// A value behind a lock, for the generator's workers.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func with<R>(_ body: (inout T) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
