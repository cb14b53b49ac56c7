import Records
import Seal

/// The one-time voting PINs handed to members when they sign in (R4).
///
/// The journal keeps only a salted SHA-256 of each PIN; the PIN itself is printed once, to be
/// handed to the member on a slip, and never stored.
public enum VotingPIN {
    /// Digits in a PIN.
    public static let length = 6

    /// A fresh PIN for `member` and the arrival record that stores its salted hash.
    public static func issue(to member: MemberID) -> (pin: String, arrival: Arrival) {
        let pin = SecureRandom.digits(length)
        let salt = Digest.hex(SecureRandom.bytes(16))
        return (pin, Arrival(member: member, pinSalt: salt, pinHash: hash(pin, salt: salt)))
    }

    /// SHA-256(`pingshen-pin-v1` 0x00 salt 0x00 PIN), hex.
    public static func hash(_ pin: String, salt: String) -> String {
        Digest.sha256Hex(Array("pingshen-pin-v1".utf8) + [0] + Array(salt.utf8) + [0] + Array(pin.trimmingWhitespace().utf8))
    }
}
