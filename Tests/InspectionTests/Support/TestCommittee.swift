import Foundation
@testable import Seal
import Witness
import Workspace

/// A committee seal with the identities it issued (chair, secretary, inspector, the tellers of
/// the scenarios' paper rounds), made in a temporary folder, with their keys loaded.
struct TestCommittee: @unchecked Sendable {
    static let passphrase = "测试口令 test passphrase"
    /// Keys are written with 1,000 PBKDF2 iterations instead of 600,000: the suite makes and
    /// opens dozens of keys (a test-only setting; `KeyEncryptionTests` holds the real cost).
    static let cheapIterations = 1000
    static let notBefore = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21, before the sample meeting

    let directory: String
    let sealPaths: IdentityPaths
    let chairPaths: IdentityPaths
    let secretaryPaths: IdentityPaths
    /// The HRSS supervisor's witness (Ed25519, role witness).
    let witnessPaths: (certificate: String, key: String)
    let witness: WitnessIdentity
    let seal: Identity
    let chair: Identity
    let secretary: Identity
    let inspector: Identity
    /// The tellers' identity files (role teller), by name, and their identities.
    let tellerPaths: [String: IdentityPaths]
    let tellers: [String: Identity]

    init(name: String = "安徽省工程系列电子信息专业高级职称评审委员会", algorithm: SigningAlgorithm = .p256, chairName: String = "陈建国") throws {
        try self = KeyEncryption.$testingIterations.withValue(Self.cheapIterations) {
            try TestCommittee(cheap: name, algorithm: algorithm, chairName: chairName)
        }
    }

    private init(cheap name: String, algorithm: SigningAlgorithm, chairName: String) throws {
        let directory = try Temporary.directory("committee")
        self.directory = directory
        let p = Self.passphrase
        let sealPaths = try Identities.makeCommitteeSeal(name: name, organization: name, algorithm: algorithm, days: 3650,
                                                         notBefore: Self.notBefore, passphrase: p, directory: directory)
        let files = IdentityFiles(key: sealPaths.key, certificate: sealPaths.certificate, passphrase: p)
        func issue(_ role: CommitteeRole, _ person: String, _ file: String, _ algorithm: SigningAlgorithm? = nil) throws -> IdentityPaths {
            try Identities.issue(role: role, name: person, algorithm: algorithm, days: 3650, notBefore: Self.notBefore, seal: files,
                                 passphrase: p, directory: directory, fileName: file)
        }
        func load(_ paths: IdentityPaths) throws -> Identity {
            try Identity(certificate: try Credentials.certificate(at: paths.certificate), key: try SigningKey(contentsOf: paths.key, passphrase: p))
        }
        let chairPaths = try issue(.chair, chairName, "chair")
        let secretaryPaths = try issue(.secretary, "王秘书", "secretary")
        let inspectorPaths = try issue(.inspector, "纪检监督", "inspector", .p256)
        let authority = try CertificateAuthority(identity: try load(sealPaths))
        let witnessPaths = try WitnessIdentity.issue(name: "省人社厅监督见证", validity: Self.notBefore...Self.notBefore.addingTimeInterval(3650 * 86400),
                                                     seal: authority, passphrase: p, directory: directory, fileName: "witness")
        self.witnessPaths = witnessPaths
        witness = try WitnessIdentity(keyFile: witnessPaths.key, certificateFile: witnessPaths.certificate, passphrase: p,
                                      committee: try Credentials.certificate(at: sealPaths.certificate))
        var tellerPaths: [String: IdentityPaths] = [:]
        for (i, name) in ["孙计票", "周监票", "甲", "乙"].enumerated() { tellerPaths[name] = try issue(.teller, name, "teller-\(i)") }
        self.tellerPaths = tellerPaths
        tellers = try tellerPaths.mapValues(load)
        self.sealPaths = sealPaths
        self.chairPaths = chairPaths
        self.secretaryPaths = secretaryPaths
        seal = try load(sealPaths)
        chair = try load(chairPaths)
        secretary = try load(secretaryPaths)
        inspector = try load(inspectorPaths)
    }

    /// Teller `name`'s identity files.
    func teller(_ name: String) -> IdentityFiles { files(tellerPaths[name]!) }

    func files(_ paths: IdentityPaths) -> IdentityFiles {
        IdentityFiles(key: paths.key, certificate: paths.certificate, passphrase: Self.passphrase)
    }
}

enum Temporary {
    static func directory(_ tag: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pingshen-inspect-\(tag)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// The witness of a test session, in this process, on the session's test clock: the time a
/// `SampleSession.at(_:)` sets is the witness's time too, so V15's clocks agree.
final class TestWitness: @unchecked Sendable {
    static let url = "http://witness.test:7380"
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_795_000_000)
    /// How far the witness's clock stands from the session's (a laptop clock set wrong, or PINGSHEN_TIME).
    private var offset: TimeInterval
    let service: WitnessService
    let client: WitnessClient

    init(_ committee: TestCommittee, offset: TimeInterval = 0) throws {
        self.offset = offset
        let state = try WitnessState(path: try Temporary.directory("witness"))
        let box = Box()
        service = WitnessService(identity: committee.witness, committee: committee.seal.certificate, state: state,
                                 clock: { box.witness?.time ?? Date() })
        client = WitnessClient(inProcess: service, baseURL: URL(string: Self.url)!)
        box.witness = self
    }

    var time: Date { lock.withLock { now } }
    func set(_ date: Date) { lock.withLock { now = date.addingTimeInterval(offset) } }
    /// Moves the witness's clock away from the session's from now on.
    func shift(by seconds: TimeInterval) { lock.withLock { offset = seconds } }

    private final class Box: @unchecked Sendable { weak var witness: TestWitness? }
}
