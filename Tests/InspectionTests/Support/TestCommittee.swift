import Foundation
import Seal
import Workspace

/// A committee seal with the identities it issued (chair, secretary, inspector, the tellers of
/// the scenarios' paper rounds), made in a temporary folder, with their keys loaded.
struct TestCommittee: @unchecked Sendable {
    static let passphrase = "测试口令 test"
    static let notBefore = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21, before the sample meeting

    let directory: String
    let sealPaths: IdentityPaths
    let chairPaths: IdentityPaths
    let secretaryPaths: IdentityPaths
    let seal: Identity
    let chair: Identity
    let secretary: Identity
    let inspector: Identity
    /// The tellers' identity files (role teller), by name, and their identities.
    let tellerPaths: [String: IdentityPaths]
    let tellers: [String: Identity]

    init(name: String = "安徽省工程系列电子信息专业高级职称评审委员会", algorithm: SigningAlgorithm = .p256, chairName: String = "陈建国") throws {
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
