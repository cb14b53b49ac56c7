import Seal
import Testing

@Suite("ReusableDigest")
struct ReusableDigestTests {
    @Test("equals Digest.hash of the concatenated parts", arguments: DigestAlgorithm.allCases)
    func matchesOneShot(algorithm: DigestAlgorithm) {
        var digest = ReusableDigest(algorithm)
        var state: UInt64 = 0x5EED
        func next() -> UInt8 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        for length in [0, 1, 31, 32, 55, 56, 63, 64, 65, 127, 128, 1000] {
            let input = (0..<length).map { _ in next() }
            let cuts = (length / 3, 2 * length / 3)
            var out = [UInt8](repeating: 0, count: algorithm.byteCount)
            input.withUnsafeBytes { all in
                out.withUnsafeMutableBytes { out in
                    digest.hash(
                        UnsafeRawBufferPointer(rebasing: all[..<cuts.0]),
                        UnsafeRawBufferPointer(rebasing: all[cuts.0..<cuts.1]),
                        UnsafeRawBufferPointer(rebasing: all[cuts.1...]),
                        into: out)
                }
            }
            #expect(out == Digest.hash(input, using: algorithm), "\(algorithm) length \(length)")
        }
    }

    @Test("SHA-256 of the empty string, and copies that hash independently")
    func copies() {
        var a = ReusableDigest(.sha256)
        var b = a  // shares the context until one of them hashes
        var outA = [UInt8](repeating: 0, count: 32), outB = outA
        let abc = Array("abc".utf8)
        abc.withUnsafeBytes { input in
            outA.withUnsafeMutableBytes { a.hash(input, into: $0) }
            outB.withUnsafeMutableBytes { b.hash(UnsafeRawBufferPointer(start: nil, count: 0), into: $0) }
        }
        #expect(Digest.hex(outA) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.hex(outB) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
