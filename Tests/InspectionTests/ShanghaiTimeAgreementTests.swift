import Records
import Testing
@testable import Inspection

/// The session's clock (`Records.ShanghaiTime`) accepts exactly the timestamps the verifier's
/// own reader (`Inspection.ShanghaiTime`, kept separate on purpose) accepts, with the same value.
@Suite struct ShanghaiTimeAgreementTests {
    @Test("every one-character change of a few timestamps: both accept it with the same seconds, or both refuse it")
    func agreement() {
        let replacements: [Character] = ["0", "1", "2", "3", "5", "6", "9", "+", "-", ":", "T", " ", "Z", "８"]
        for base in ["2024-02-29T23:59:59+08:00", "2026-11-26T09:30:05+08:00", "1970-01-01T00:00:00+08:00", "2100-12-31T19:09:29+08:00"] {
            let chars = Array(base)
            var texts = [base]
            for i in chars.indices {
                for r in replacements where r != chars[i] {
                    var changed = chars
                    changed[i] = r
                    texts.append(String(changed))
                }
                texts.append(String(chars.prefix(i)))
            }
            for text in texts {
                #expect(Records.ShanghaiTime.parse(text) == Inspection.ShanghaiTime.seconds(text), "\(text)")
            }
        }
    }
}
