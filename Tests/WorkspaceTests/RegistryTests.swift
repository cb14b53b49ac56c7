import Journal
import Records
import Testing
import TextFormats
@testable import Workspace

/// `Registry`: the committee's line file of past decisions (R8).
@Suite struct RegistryTests {
    static func decision(candidate: String, name: String, session: String = "0123456789abcdef0123456789abcdef") -> PastDecision {
        PastDecision(committee: "安徽省工程系列电子信息专业高级职称评审委员会", session: session, date: "2026-06-20", candidate: candidate,
                     applicant: ApplicantKey(name: name, gender: "男", born: "1984-03", appliedTitle: "高级工程师", idNumber: nil),
                     unit: "合肥长城电子有限公司", outcome: .rejected, yes: 10, denominator: 20)
    }

    static let first = decision(candidate: "C01", name: "许文博")
    static let second: PastDecision = {
        var d = decision(candidate: "C02", name: "钱晓梅 \"小梅\"\\", session: "fedcba9876543210fedcba9876543210")
        d.applicant.idNumber = "34010119860701002X"
        d.outcome = .passed
        d.yes = 18
        return d
    }()

    func line(_ d: PastDecision) throws -> [UInt8] { try EntryCoding.encodeValue(d) + [0x0A] }

    func decisions(_ bytes: [UInt8]) throws -> [PastDecision] {
        try withTemporaryFolder { dir throws in
            try write(bytes, to: dir + "/registry.jsonl")
            return try Registry(path: dir + "/registry.jsonl").decisions()
        }
    }

    func refusal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> ImportError {
        let error = try #require(throws: WorkspaceError.self, sourceLocation: sourceLocation) { _ = try decisions(bytes) }
        guard case .badInput(let e) = error else {
            Issue.record("expected bad input, got \(error)", sourceLocation: sourceLocation)
            throw error
        }
        return e
    }

    @Test func aMissingFileReadsAsNoDecisions() throws {
        try withTemporaryFolder { dir throws in
            #expect(try Registry(path: dir + "/none.jsonl").decisions().isEmpty)
        }
    }

    @Test func validLinesReadBackAndBlankLinesAreSkipped() throws {
        #expect(try decisions([]).isEmpty)
        #expect(try decisions(try line(Self.first) + [0x0A] + line(Self.second)) == [Self.first, Self.second])
    }

    @Test func aTornLastLineIsNamed() throws {
        let bytes = try line(Self.first) + line(Self.second).dropLast()
        let e = try refusal(bytes)
        #expect(e.line == 2)
        #expect(e.english.contains("incomplete"))
    }

    @Test func aMalformedLineIsNamed() throws {
        let bad = Array(try line(Self.second).dropLast(2)) + [0x0A]
        let e = try refusal(try line(Self.first) + bad + line(Self.first))
        #expect(e.line == 2)
        #expect(e.english.contains("not a valid decision record"))
    }

    @Test(arguments: [
        #"{"applicant":{"appliedTitle":"t","born":"1984-03","gender":"男","name":"n"},"candidate":"C1","committee":"c","date":"d","denominator":3,"outcome":"passed","session":"s","unit":"u","yes":2,"extra":1}"#,
        #"{"applicant":{"appliedTitle":"t","born":"1984-03","gender":"男","name":"n"},"candidate":"C1","committee":"c","date":"d","denominator":3,"outcome":"passed","session":"s","unit":"u"}"#,
        #"{"applicant":{"appliedTitle":"t","born":"1984-03","gender":"男","name":"n"},"candidate":"C1","committee":"c","date":"d","denominator":3,"outcome":"通过","session":"s","unit":"u","yes":2}"#,
        #"[]"#, #"null"#, "\u{FEFF}{}",
    ])
    func aLineThatIsNotADecisionIsNamed(_ text: String) throws {
        let e = try refusal(try line(Self.first) + line(Self.first) + utf8(text + "\n"))
        #expect(e.line == 3)
    }

    @Test func appendingSkipsWhatIsAlreadyThere() throws {
        try withTemporaryFolder { dir throws in
            let registry = Registry(path: dir + "/registry.jsonl")
            #expect(try registry.append([Self.first]) == 1)
            #expect(try registry.append([Self.first, Self.second]) == 1)
            #expect(try registry.append([Self.second]) == 0)
            #expect(try registry.decisions() == [Self.first, Self.second])
        }
    }

    /// A cut registry is either a shorter registry (cut at a line end) or refused at a line inside it.
    @Test func everyTruncatedPrefixIsWholeLinesOrRefused() throws {
        let whole = try line(Self.first) + line(Self.second)
        let firstLength = try line(Self.first).count
        try withTemporaryFolder { dir throws in
            for end in 0..<whole.count {
                let prefix = Array(whole[..<end])
                try write(prefix, to: dir + "/registry.jsonl")
                do throws(WorkspaceError) {
                    let read = try Registry(path: dir + "/registry.jsonl").decisions()
                    #expect(end == 0 || end == firstLength, "prefix of \(end) bytes")
                    #expect(read == Array([Self.first].prefix(end == 0 ? 0 : 1)))
                } catch {
                    guard case .badInput(let e) = error else { Issue.record("\(error)"); continue }
                    #expect(e.line == (end < firstLength ? 1 : 2), "prefix of \(end) bytes")
                }
            }
        }
    }
}
