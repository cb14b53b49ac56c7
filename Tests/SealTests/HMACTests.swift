import Foundation
import Seal
import Testing

/// HMAC-SHA-256 against RFC 4231 §4 (test cases 1–4, 6, 7; case 5 tests truncation, which HMAC.sha256 does not do).
@Suite("HMAC-SHA-256")
struct HMACTests {
    struct Vector: Decodable {
        var name: String
        var key: String
        var data: String
        var mac: String
    }

    /// Every vector of `Vectors/rfc4231/hmac-sha256.json`, read once via `#filePath`.
    static let vectors: [Vector] = {
        struct File: Decodable { var vectors: [Vector] }
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let data = try! Data(contentsOf: folder.appendingPathComponent("Vectors/rfc4231/hmac-sha256.json"))
        return try! JSONDecoder().decode(File.self, from: data).vectors
    }()

    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            out.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    @Test("all six vectors are in the file")
    func allVectorsPresent() {
        #expect(Self.vectors.map(\.name) == ["Test Case 1", "Test Case 2", "Test Case 3", "Test Case 4", "Test Case 6", "Test Case 7"])
    }

    @Test("RFC 4231 test vectors", arguments: 0..<6)
    func rfc4231(_ i: Int) {
        let v = Self.vectors[i]
        #expect(Digest.hex(HMAC.sha256(key: Self.bytes(v.key), message: Self.bytes(v.data))) == v.mac, "\(v.name)")
    }

    @Test("a different key, or one changed byte of the message, gives another MAC")
    func keyed() {
        let key = [UInt8](repeating: 7, count: 32)
        let mac = HMAC.sha256(key: key, message: Array("123456".utf8))
        #expect(HMAC.sha256(key: key.map { $0 ^ 1 }, message: Array("123456".utf8)) != mac)
        #expect(HMAC.sha256(key: key, message: Array("123457".utf8)) != mac)
        #expect(HMAC.sha256(key: key, message: Array("123456".utf8)) == mac)
    }
}
