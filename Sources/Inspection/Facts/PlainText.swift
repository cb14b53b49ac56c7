import Foundation

/// Text as the rules compare it (R8, R11, R15), computed here without the session engine's code.
///
///     drop U+00A0 U+2007 U+202F, format (Cf) and non-space control characters, variation
///       selectors, U+034F and the Hangul fillers;  NFKC;  drop them again;
///     whitespace runs → one space; none at either end
enum PlainText {
    static func of(_ text: String) -> String {
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.filter { !invisible($0) }))
            .precomposedStringWithCompatibilityMapping
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for s in folded.unicodeScalars where !invisible(s) {
            if s.properties.isWhitespace {
                if !word.isEmpty { words.append(String(word)) }
                word = String.UnicodeScalarView()
            } else {
                word.append(s)
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words.joined(separator: " ")
    }

    static func same(_ a: String, _ b: String) -> Bool { of(a) == of(b) }

    private static let dropped: Set<UInt32> = [0x00A0, 0x2007, 0x202F, 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0]

    private static func invisible(_ s: Unicode.Scalar) -> Bool {
        if dropped.contains(s.value) || (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value) { return true }
        let category = s.properties.generalCategory
        return category == .format || (category == .control && !s.properties.isWhitespace)
    }
}
