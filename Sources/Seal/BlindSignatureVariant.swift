/// The RFC 9474 RSA blind signature variants, all with SHA-384.
///
/// pingshen's ballot credentials use ``sha384PSSRandomized`` (the RFC's recommended
/// variant); the other three exist so that every published test vector runs.
public enum BlindSignatureVariant: String, Sendable, Hashable, CaseIterable {
    /// RSABSSA-SHA384-PSS-Randomized: 48-byte PSS salt, 32-byte random message prefix.
    case sha384PSSRandomized = "RSABSSA-SHA384-PSS-Randomized"
    /// RSABSSA-SHA384-PSSZERO-Randomized: no salt, 32-byte random message prefix.
    case sha384PSSZeroRandomized = "RSABSSA-SHA384-PSSZERO-Randomized"
    /// RSABSSA-SHA384-PSS-Deterministic: 48-byte PSS salt, no prefix.
    case sha384PSSDeterministic = "RSABSSA-SHA384-PSS-Deterministic"
    /// RSABSSA-SHA384-PSSZERO-Deterministic: no salt, no prefix (the signature is a function of the message).
    case sha384PSSZeroDeterministic = "RSABSSA-SHA384-PSSZERO-Deterministic"

    /// The PSS salt length in bytes: 48 (the SHA-384 output length) or 0.
    public var saltLength: Int {
        switch self {
        case .sha384PSSRandomized, .sha384PSSDeterministic: 48
        case .sha384PSSZeroRandomized, .sha384PSSZeroDeterministic: 0
        }
    }

    /// Whether Prepare adds a 32-byte random prefix to the message.
    public var isRandomized: Bool {
        switch self {
        case .sha384PSSRandomized, .sha384PSSZeroRandomized: true
        case .sha384PSSDeterministic, .sha384PSSZeroDeterministic: false
        }
    }

    /// The length of the random prefix Prepare adds.
    static let prefixLength = 32
}

/// What Blind hands back: the message for the signer, and the inverse the client keeps.
///
/// The inverse unblinds the signer's answer; it must stay secret, since it links the
/// blinded message to the final signature. It never appears in a description.
public struct BlindingResult: Sendable, CustomStringConvertible {
    /// Sent to the signer.
    public let blindedMessage: [UInt8]
    /// Kept by the client for Finalize; secret.
    public let inverse: [UInt8]

    public var description: String { "BlindingResult(\(blindedMessage.count)-byte blinded message, inverse withheld)" }
}
