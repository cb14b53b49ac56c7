import Testing
@testable import Seal

/// SHA-256, SHA-384 and SM3 against published vectors and against the `openssl` CLI.
struct DigestTests {
    /// FIPS 180-2 appendix B and GB/T 32905-2016 appendix A examples.
    static let knownAnswers: [(DigestAlgorithm, String, String)] = [
        (.sha256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (.sha256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (.sha256, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (.sha384, "abc",
         "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
        (.sm3, "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
        (.sm3, String(repeating: "abcd", count: 16),
         "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
    ]

    @Test(arguments: knownAnswers.indices)
    func knownAnswer(_ index: Int) {
        let (algorithm, input, expected) = Self.knownAnswers[index]
        #expect(Digest.hex(Digest.hash(Array(input.utf8), using: algorithm)) == expected)
    }

    @Test("Incremental hashing equals one-shot hashing", arguments: DigestAlgorithm.allCases)
    func incremental(_ algorithm: DigestAlgorithm) {
        let bytes = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = Digest.Hasher(algorithm)
        hasher.update(bytes[..<333])
        hasher.update(bytes[333...])
        #expect(hasher.finalize() == Digest.hash(bytes, using: algorithm))
    }

    @Test("The CLI computes the same digest", arguments: DigestAlgorithm.allCases)
    func matchesCLI(_ algorithm: DigestAlgorithm) throws {
        let scratch = try Scratch()
        let bytes = SecureRandom.bytes(777)
        try scratch.write("input", bytes)
        let output = try OpenSSLCommand.expectSuccess(
            ["dgst", "-\(algorithm.rawValue.lowercased())", "-binary", "input"], in: scratch)
        #expect(output == Digest.hash(bytes, using: algorithm))
    }
}
