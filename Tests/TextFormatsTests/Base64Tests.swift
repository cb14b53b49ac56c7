import Foundation
import Testing
import TextFormats

/// `Base64` against RFC 4648's vectors and Foundation's codec, and its refusal of every
/// non-canonical spelling.
@Suite("Base64")
struct Base64Tests {
    /// RFC 4648 §10.
    @Test("RFC 4648 test vectors, both ways", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.encodedBytes(Array(plain.utf8)) == Array(encoded.utf8))
        #expect(Base64.decode(encoded) == Array(plain.utf8))
        #expect(Base64.decode(Array(encoded.utf8)) == Array(plain.utf8))
    }

    @Test("every length from 0 to 300 bytes encodes as Foundation does and decodes back")
    func againstFoundation() {
        for count in 0...300 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ count &* 7) }
            let text = Base64.encode(bytes)
            #expect(text == Data(bytes).base64EncodedString(), "\(count) bytes")
            #expect(Base64.decode(text) == bytes, "\(count) bytes")
        }
    }

    /// The canonical spelling as Foundation defines it: it decodes, and encoding gives it back.
    static func foundationCanonical(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }

    @Test("every string of up to four characters over a probing alphabet: accepted exactly when Foundation's decoding is canonical")
    func exhaustiveShortStrings() {
        // Values 0, 1, 16, 32, 48 and 63 probe the bits padding must leave zero; '=' and '-' the rest.
        let alphabet = ["A", "B", "Q", "g", "w", "/", "=", "-"]
        var texts = [""]
        for _ in 0..<4 { texts += texts.filter { $0.count == texts.last!.count }.flatMap { t in alphabet.map { t + $0 } } }
        for text in texts {
            #expect(Base64.decode(text) == Self.foundationCanonical(text), "\(text.debugDescription)")
            #expect(Base64.decode("QUJD" + text) == Self.foundationCanonical("QUJD" + text), "QUJD\(text)")
        }
    }

    @Test("non-canonical spellings are refused", arguments: [
        "Zg=", "Zg", "Zh==", "Zm9=", "Z===", "====", "Zg==Zg==", "Zm9v ", " Zm9v", "Zm9v\n", "Zm-v", "Zm_v", "Zm9vYg=\u{3D}=", "Zm9vY===",
    ])
    func refused(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test("a truncated encoding is refused unless the cut falls on a four-character boundary")
    func truncated() {
        let text = Base64.encode(Array("评审委员会".utf8))
        for end in 0..<text.count {
            let prefix = String(text.prefix(end))
            #expect((Base64.decode(prefix) != nil) == (end % 4 == 0), "\(prefix)")
        }
    }

    @Test("bytes outside ASCII are refused, not read as letters")
    func nonASCII() {
        #expect(Base64.decode([0x5A, 0x6D, 0x39, 0xF6]) == nil)
        #expect(Base64.decode("Ｚｍ９ｖ") == nil)
    }
}
