import Foundation

/// Standard padded base64 for the journal's binary fields (keys, certificates, signatures).
public enum Base64Text {
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of canonical padded base64, or nil.
    public static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }
}
