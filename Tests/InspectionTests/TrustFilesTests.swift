import Foundation
import Inspection
import Records
import Seal
import Testing
import Workspace

/// `TrustFiles`: the certificates and registries an inspector brings, read as the session wrote
/// them or as `openssl` converts them, and every unusable file refused with its own error.
@Suite("Trust files")
struct TrustFilesTests {
    static let committee = Fixtures.main.committee

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = try Temporary.directory("trust") + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a PEM bundle gives every certificate in order; one DER certificate (converted by openssl) gives itself")
    func certificates() throws {
        let seal = Self.committee.seal.certificate, chair = Self.committee.chair.certificate
        let bundle = try Self.write(Array(("# 评委会印章\n" + seal.pem + "\n" + chair.pem).utf8), "bundle.pem")
        #expect(try TrustFiles.certificates(atPath: bundle).map(\.der) == [seal.der, chair.der])
        let der = try Temporary.directory("trust") + "/seal.der"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "x509", "-in", Self.committee.sealPaths.certificate, "-outform", "DER", "-out", der]
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        #expect(try TrustFiles.certificates(atPath: der).map(\.der) == [seal.der])
    }

    @Test("a missing, unreadable or malformed certificate file is refused, naming the file")
    func badCertificates() throws {
        let dir = try Temporary.directory("trust")
        #expect(throws: TrustFileError.unreadableCertificates(path: dir + "/none.pem", reason: nil)) {
            try TrustFiles.certificates(atPath: dir + "/none.pem")
        }
        let folder = try #require(throws: TrustFileError.self) { try TrustFiles.certificates(atPath: dir) }
        guard case .unreadableCertificates(dir, let reason?) = folder else { Issue.record("\(folder)"); return }
        #expect(reason.contains(dir))
        let pem = Self.committee.seal.certificate.pem
        for (name, text) in [("garbage.pem", "not a certificate"), ("cut.pem", String(pem.prefix(pem.count / 2))),
                             ("second-bad.pem", pem + "\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")] {
            let path = try Self.write(Array(text.utf8), name)
            let error = try #require(throws: TrustFileError.self) { try TrustFiles.certificates(atPath: path) }
            guard case .notCertificates(path, _) = error else { Issue.record("\(name): \(error)"); continue }
            #expect(error.description.contains(path) && error.description.contains("不是有效的证书"))
        }
    }

    static let decisions = [
        PastDecision(committee: "评委会", session: String(repeating: "a", count: 32), date: "2025-11-20", candidate: "C01",
                     applicant: ApplicantKey(name: "张三", gender: "男", born: "1980-05", appliedTitle: "高级工程师", idNumber: nil),
                     unit: "某单位", outcome: .passed, yes: 18, denominator: 21),
        PastDecision(committee: "评委会", session: String(repeating: "b", count: 32), date: "2026-11-26", candidate: "C02",
                     applicant: ApplicantKey(name: "李四", gender: "女", born: "1985-01", appliedTitle: "高级工程师", idNumber: "34010219850101002X"),
                     unit: "另一单位", outcome: .rejected, yes: 9, denominator: 21),
    ]

    @Test("a registry the session wrote reads back decision by decision; blank lines are skipped")
    func registry() throws {
        let path = try Temporary.directory("trust") + "/registry.jsonl"
        try Registry(path: path).append(Self.decisions)
        #expect(try TrustFiles.decisions(atPath: path) == Self.decisions)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes = Data("\n".utf8) + bytes + Data("\n".utf8)
        let padded = try Self.write(Array(bytes), "padded.jsonl")
        #expect(try TrustFiles.decisions(atPath: padded) == Self.decisions)
    }

    @Test("a registry with a line that is not a decision, or cut off mid-line, is refused where it breaks")
    func badRegistry() throws {
        let dir = try Temporary.directory("trust")
        let path = dir + "/registry.jsonl"
        try Registry(path: path).append(Self.decisions)
        let whole = Array(try #require(FileManager.default.contents(atPath: path)))
        #expect(throws: TrustFileError.unreadableRegistry(path: dir + "/none.jsonl", reason: nil)) {
            try TrustFiles.decisions(atPath: dir + "/none.jsonl")
        }
        let broken = try Self.write(whole + Array("{\"committee\":1}\n".utf8), "broken.jsonl")
        let error = try #require(throws: TrustFileError.self) { try TrustFiles.decisions(atPath: broken) }
        guard case .notDecision(broken, 3, _) = error else { Issue.record("\(error)"); return }
        // Every cut that leaves part of a line is refused: mid-record as not a decision or, at
        // the end of a whole record, as an incomplete line.
        let firstEnd = whole.firstIndex(of: 0x0A)!
        for end in stride(from: 1, to: whole.count, by: 13) where end != firstEnd + 1 {
            let cut = try Self.write(Array(whole[..<end]), "cut-\(end).jsonl")
            #expect(throws: TrustFileError.self, "cut at \(end)") { try TrustFiles.decisions(atPath: cut) }
        }
        let torn = try Self.write(Array(whole.dropLast()), "torn.jsonl")
        #expect(throws: TrustFileError.incompleteRegistry(path: torn)) { try TrustFiles.decisions(atPath: torn) }
    }

    @Test("glibc takes the allocator settings that keep a batch's buffers for the next session")
    func heapReuse() {
        #if canImport(Glibc)
        #expect(HeapReuse.keepLargeBuffers())
        #endif
    }
}
