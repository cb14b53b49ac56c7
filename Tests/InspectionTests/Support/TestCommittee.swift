import Foundation
@testable import Seal
import Workspace

/// A committee seal with the identities it issued (chair, secretary, inspector), made in a
/// temporary folder, with their keys loaded.
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
    let seal: Identity
    let chair: Identity
    let secretary: Identity
    let inspector: Identity

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
        self.sealPaths = sealPaths
        self.chairPaths = chairPaths
        self.secretaryPaths = secretaryPaths
        seal = try load(sealPaths)
        chair = try load(chairPaths)
        secretary = try load(secretaryPaths)
        inspector = try load(inspectorPaths)
    }

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
