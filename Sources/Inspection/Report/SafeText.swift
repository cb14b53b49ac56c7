/// Text from the records made safe to print: nothing in it can move a terminal's cursor,
/// clear its screen, recolour it, or reorder what it shows.
///
/// A record is written by whoever held the laptop: a signer's name holding `ESC [2J` and a
/// forged "✓ PASSED" line would otherwise clear the inspector's screen and print a verdict the
/// verifier never reached. The human report writes every hazard visibly (`\u{1B}`); the JSON
/// report escapes it (`\u001b`), so the value survives and the JSON stays valid.
public enum SafeText {
    /// Whether `scalar` is something a terminal acts on rather than shows: a C0 control (tab and
    /// newline included — a report line is one line), DEL, a C1 control (U+0080–U+009F, among
    /// them the one-byte CSI U+009B), a bidirectional embedding, override or isolate
    /// (U+202A–U+202E, U+2066–U+2069), a direction mark (U+200E, U+200F, U+061C), or the line
    /// and paragraph separators (U+2028, U+2029).
    @inline(__always)
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `text` with every hazard written as `\u{XX}` (uppercase hex): one line of plain characters.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHazard) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isHazard(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a JSON string literal: `"` and `\` escaped, every hazard (not only the C0
    /// controls JSON requires) as `\uXXXX`.
    public static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isHazard(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
