import Records
import Seal

/// The one-time voting PINs handed to members when they sign in (R4, R16).
///
/// The journal keeps only a keyed MAC of each PIN: HMAC-SHA-256 under the session's PIN key,
/// which lives in the session's key store (`keys/pin.key`, 0600) while the meeting runs and is
/// destroyed when it closes. An unkeyed hash of a 6-digit PIN could be found by trying all
/// 10⁶ PINs against a copy of the folder; the MAC cannot be checked without the key. The PIN
/// itself is printed once, for the member's slip, and never stored.
public enum VotingPIN {
    /// Digits in a PIN.
    public static let length = 6
    /// Bytes of a session's PIN key.
    public static let keyLength = 32

    /// A fresh PIN for `member` and the arrival record that stores its MAC.
    public static func issue(to member: MemberID, session: String, key: [UInt8]) -> (pin: String, arrival: Arrival) {
        let pin = SecureRandom.digits(length)
        let salt = Digest.hex(SecureRandom.bytes(16))
        return (pin, Arrival(member: member, pinSalt: salt, pinMAC: mac(pin, member: member, salt: salt, session: session, key: key)))
    }

    /// HMAC-SHA-256(key, `pingshen-pin-v2` 0x00 session 0x00 member 0x00 salt 0x00 PIN), hex;
    /// the PIN as typed, without surrounding blanks.
    public static func mac(_ pin: String, member: MemberID, salt: String, session: String, key: [UInt8]) -> String {
        var message: [UInt8] = []
        for (i, field) in ["pingshen-pin-v2", session, member, salt, pin.trimmingWhitespace()].enumerated() {
            if i > 0 { message.append(0) }
            message += Array(field.utf8)
        }
        return Digest.hex(HMAC.sha256(key: key, message: message))
    }
}
