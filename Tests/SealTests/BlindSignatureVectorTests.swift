import Foundation
import Testing
@testable import Seal

/// One RFC 9474 Appendix A vector, as stored in `Vectors/rfc9474/test_vectors.json`.
struct BlindSignatureVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let p, q, n, e, d: String
    let msg, msg_prefix, input_msg, salt, inv, blinded_msg, blind_sig, sig: String
    let sLen, is_randomized: String
    let encoded_msg: String?

    var testDescription: String { name }

    /// Every vector in the file, read once via `#filePath` (the vectors are not a bundle resource).
    static let all: [BlindSignatureVector] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let data = try! Data(contentsOf: folder.appendingPathComponent("Vectors/rfc9474/test_vectors.json"))
        return try! JSONDecoder().decode([BlindSignatureVector].self, from: data)
    }()

    /// Bytes of a hex field, with or without `0x`.
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array((hex.hasPrefix("0x") ? String(hex.dropFirst(2)) : hex).utf8)
        let padded = digits.count % 2 == 1 ? [UInt8(ascii: "0")] + digits : digits
        return stride(from: 0, to: padded.count, by: 2).map { UInt8(String(decoding: padded[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// `bytes(hex)` left-padded with zeros to `count` bytes (the vectors print integers without leading zeros).
    static func bytes(_ hex: String, padTo count: Int) -> [UInt8] {
        let value = bytes(hex)
        return [UInt8](repeating: 0, count: max(0, count - value.count)) + value
    }
}

/// The four RFC 9474 vectors, step by step, with the vector's randomness injected.
struct BlindSignatureVectorTests {
    @Test("The vector file holds the four variants", .tags(.vectors))
    func allVariantsPresent() {
        #expect(Set(BlindSignatureVector.all.map(\.name)) == Set(BlindSignatureVariant.allCases.map(\.rawValue)))
    }

    @Test("RFC 9474 Appendix A", .tags(.vectors), arguments: BlindSignatureVector.all)
    func vector(_ vector: BlindSignatureVector) throws {
        let variant = try #require(BlindSignatureVariant(rawValue: vector.name))
        #expect(variant.saltLength == Int(vector.sLen.dropFirst(2), radix: 16))
        #expect(variant.isRandomized == (vector.is_randomized == "0x01"))
        let b: (String) -> [UInt8] = BlindSignatureVector.bytes
        let key = try BlindSigningKey(
            modulus: b(vector.n), publicExponent: b(vector.e), privateExponent: b(vector.d),
            prime1: b(vector.p), prime2: b(vector.q), variant: variant)
        let publicKey = key.publicKey
        let k = publicKey.modulusLength
        #expect(k == 512)

        let prepared = publicKey.prepare(b(vector.msg), prefix: b(vector.msg_prefix))
        #expect(prepared == b(vector.input_msg))
        if let encoded = vector.encoded_msg {
            #expect(try PSSEncoding.encode(prepared, salt: b(vector.salt), modulusBits: 4096) == b(encoded))
        }
        let blinding = try publicKey.blind(prepared, salt: b(vector.salt), inverse: BlindSignatureVector.bytes(vector.inv, padTo: k))
        #expect(blinding.blindedMessage == b(vector.blinded_msg))
        #expect(blinding.inverse == BlindSignatureVector.bytes(vector.inv, padTo: k))

        let blindSignature = try key.blindSign(blinding.blindedMessage)
        #expect(blindSignature == b(vector.blind_sig))
        let signature = try publicKey.finalize(blindSignature, for: prepared, inverse: blinding.inverse)
        #expect(signature == b(vector.sig))
        #expect(publicKey.isValidSignature(b(vector.sig), for: b(vector.input_msg)))
        #expect(!publicKey.isValidSignature(b(vector.sig), for: b(vector.msg) + [0]))

        // The stock CLI accepts the vector's signature as plain RSASSA-PSS over the prepared message.
        let scratch = try Scratch()
        try scratch.write("pub.pem", publicKey.pem)
        try scratch.write("sig", signature)
        try scratch.write("msg", prepared)
        try OpenSSLCommand.expectSuccess(
            ["dgst", "-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:\(variant.saltLength)",
             "-verify", "pub.pem", "-signature", "sig", "msg"], in: scratch)
    }
}

extension Tag {
    @Tag static var vectors: Self
}
