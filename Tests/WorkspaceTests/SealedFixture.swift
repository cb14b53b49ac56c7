import Foundation
import Journal
import Records
import Review
@testable import Seal
@testable import Workspace

/// A committee seal with a chair, a secretary and two tellers (甲, 乙), made in a temporary folder.
struct Committee {
    static let passphrase = "测试口令 test passphrase"
    /// Keys are written with 1,000 PBKDF2 iterations instead of 600,000 (a test-only setting).
    static let cheapIterations = 1000
    let directory: String
    let seal: IdentityPaths
    let chair: IdentityPaths
    let secretary: IdentityPaths
    /// The tellers' identities (role teller), by name.
    let tellers: [String: IdentityPaths]

    init(algorithm: SigningAlgorithm = .p256, notBefore: Date? = Date(timeIntervalSince1970: 1_790_000_000)) throws {
        try self = KeyEncryption.$testingIterations.withValue(Self.cheapIterations) {
            try Committee(cheap: algorithm, notBefore: notBefore)
        }
    }

    private init(cheap algorithm: SigningAlgorithm, notBefore: Date?) throws {
        directory = try SessionFixture.temporaryDirectory()
        seal = try Identities.makeCommitteeSeal(name: "测试评委会", organization: "测试评委会", algorithm: algorithm, days: 30,
                                                notBefore: notBefore, passphrase: Self.passphrase, directory: directory)
        let sealFiles = IdentityFiles(key: seal.key, certificate: seal.certificate, passphrase: Self.passphrase)
        chair = try Identities.issue(role: .chair, name: "陈建国", algorithm: nil, days: 30, notBefore: notBefore, seal: sealFiles,
                                     passphrase: Self.passphrase, directory: directory, fileName: "chair")
        secretary = try Identities.issue(role: .secretary, name: "王秘书", algorithm: nil, days: 30, notBefore: notBefore, seal: sealFiles,
                                         passphrase: Self.passphrase, directory: directory, fileName: "secretary")
        var tellers: [String: IdentityPaths] = [:]
        for (name, file) in [("甲", "teller-1"), ("乙", "teller-2")] {
            tellers[name] = try Identities.issue(role: .teller, name: name, algorithm: nil, days: 30, notBefore: notBefore, seal: sealFiles,
                                                 passphrase: Self.passphrase, directory: directory, fileName: file)
        }
        self.tellers = tellers
    }

    /// The identity files of teller `name`.
    func teller(_ name: String) -> IdentityFiles { files(tellers[name]!) }

    func files(_ paths: IdentityPaths) -> IdentityFiles {
        IdentityFiles(key: paths.key, certificate: paths.certificate, passphrase: Self.passphrase)
    }

    func certificate(_ paths: IdentityPaths) throws -> Certificate { try Credentials.certificate(at: paths.certificate) }
}

extension SessionFixture {
    /// A signed meeting: members 1…`count` present, opened by M01 with the chair's identity.
    mutating func openSigned(present count: Int, committee: Committee) throws {
        let ids = (1...count).map { $0 < 10 ? "M0\($0)" : "M\($0)" }
        for (m, pin) in try folder.openForWriting().checkIn(ids).pins { pins[m] = pin }
        _ = try folder.openForWriting().openMeeting(host: "M01", recorder: "王秘书", agenda: [], identity: committee.files(committee.chair),
                                   committeeCertificate: committee.seal.certificate)
    }
}
