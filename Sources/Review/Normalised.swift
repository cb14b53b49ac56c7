import Foundation

/// How names, units and marks are compared, so that text that looks the same is the same.
///
/// Without it `余洋` and `余洋\u{00A0}` would be two people (R8), `合肥市人社局` and its
/// full-width twin two units (R11), `？` and `?` two marks (R15). In order:
///
/// 1. no-break spaces (U+00A0, U+2007, U+202F) and invisible characters are dropped: format
///    characters (Unicode category Cf: U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD …), controls
///    other than whitespace, variation selectors and the Hangul fillers;
/// 2. Unicode NFKC (full-width letters, digits and punctuation become their plain forms);
/// 3. every run of whitespace (ideographic space included) becomes one space, none at either end.
///
/// The verifier applies the same three steps with its own code (`Inspection`).
public enum Normalised {
    /// `text` normalised for comparison.
    public static func text(_ text: String) -> String {
        var visible = String.UnicodeScalarView()
        for s in text.unicodeScalars where !isDropped(s) { visible.append(s) }
        let folded = String(visible).precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in folded.unicodeScalars where !isDropped(s) {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        return String(out)
    }

    /// Whether two texts are the same once normalised.
    public static func same(_ a: String, _ b: String) -> Bool {
        a == b || text(a) == text(b)
    }

    /// Characters that carry nothing a reader can see.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00A0, 0x2007, 0x202F: return true  // no-break spaces
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true  // variation selectors
        case 0x115F, 0x1160, 0x3164, 0xFFA0: return true  // Hangul fillers
        case 0x034F: return true  // combining grapheme joiner
        default: break
        }
        switch s.properties.generalCategory {
        case .format: return true
        case .control: return !s.properties.isWhitespace
        default: return false
        }
    }
}
