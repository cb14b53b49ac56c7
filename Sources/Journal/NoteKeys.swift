import Seal

/// Signs note text with one key; the note layer never sees the key itself.
///
/// The session key, the secretary's key and any test double all look the same from here:
/// a name, a key ID and a signing function. Concrete P-256 and SM2 signers live with the keys
/// (in `Seal`), not in `Journal`.
public protocol NoteSigner: Sendable {
    /// The key name written on the signature line: non-empty, no Unicode spaces, no `+`.
    var name: String { get }
    /// The 32-bit key ID that prefixes each signature (see `NoteKeyID.derive`).
    var keyID: UInt32 { get }
    /// The signature over `message` — the note text, byte for byte — without the key ID.
    func sign(_ message: [UInt8]) throws -> [UInt8]
}

/// Checks note signatures for one trusted key.
public protocol NoteVerifier: Sendable {
    /// The key name a signature line must carry to be checked by this verifier.
    var name: String { get }
    /// The key ID a signature must start with to be checked by this verifier.
    var keyID: UInt32 { get }
    /// Whether `signature` (without the key ID) is valid over `message`, the note text exactly
    /// as read.
    func verify(_ signature: [UInt8], for message: [UInt8]) -> Bool
}

/// The signature-type identifier of C2SP signed-note key IDs: which algorithm a key signs
/// with, so that one key name can never be confused across algorithms.
///
/// pingshen's choices (c2sp.org/signed-note, "Signature types"):
///
/// - ECDSA P-256 uses the assigned byte **`0x02`** ("ECDSA signatures as implemented by
///   github.com/transparency-dev/witness"), exactly as that scheme defines it: the signature
///   is the ASN.1 DER `ECDSA-Sig-Value` over SHA-256 of the note text, and the key ID is the
///   first four bytes of SHA-256 of the key's DER `SubjectPublicKeyInfo` — *without* the key
///   name and type byte (the one exception C2SP makes to its recommended key ID). Using the
///   assigned byte with its assigned meaning lets an inspector check pingshen checkpoints with
///   existing tools (e.g. transparency-dev/formats `note.NewECDSAVerifier`, Sigstore's Rekor
///   verifiers) rather than only with pingshen.
/// - SM2 has no assigned byte, so it uses **`0xff`**, which C2SP reserves for signature types
///   without an assigned byte and recommends following with "a longer identifier that is
///   unlikely to collide": here the 16 ASCII bytes `pingshen.sm2-sm3`. The signature is the
///   ASN.1 DER SM2 signature (GB/T 32918.2) with SM3 over the note text, with the
///   distinguishing ID `1234567812345678`; the public key bytes are the DER
///   `SubjectPublicKeyInfo`. The key ID is C2SP's recommended one:
///   `SHA-256(name ‖ 0x0A ‖ 0xff ‖ "pingshen.sm2-sm3" ‖ SPKI)[:4]`.
/// - Ed25519 (`0x01`) is listed for completeness and for checking key IDs against published
///   C2SP/Go examples; SPEC.md does not use it for signing.
public struct NoteSignatureType: Hashable, Sendable {
    /// The type byte, followed (for `0xff`) by the longer identifier.
    public let identifier: [UInt8]

    /// A type given by its identifier bytes; the first is the C2SP type byte.
    public init(identifier: [UInt8]) {
        precondition(!identifier.isEmpty, "a signature type needs at least its type byte")
        self.identifier = identifier
    }

    /// A type without an assigned byte: `0xff` followed by the UTF-8 of `name`.
    public static func unassigned(_ name: String) -> NoteSignatureType {
        NoteSignatureType(identifier: [0xff] + Array(name.utf8))
    }

    /// `0x01`: Ed25519 over the note text.
    public static let ed25519 = NoteSignatureType(identifier: [0x01])
    /// `0x02`: ECDSA P-256 with SHA-256, DER signature, key ID from the SPKI alone (see above).
    public static let ecdsaP256 = NoteSignatureType(identifier: [0x02])
    /// `0xff ‖ "pingshen.sm2-sm3"`: SM2 with SM3 and ID `1234567812345678`, DER signature.
    public static let sm2 = NoteSignatureType.unassigned("pingshen.sm2-sm3")
}

/// Key IDs of C2SP signed notes.
public enum NoteKeyID {
    /// The key ID of the key named `name`, of signature type `type`, with public key bytes
    /// `publicKey`.
    ///
    /// For every type but `0x02` this is C2SP's recommended
    /// `SHA-256(name ‖ 0x0A ‖ type ‖ publicKey)[:4]`, read big-endian. For `0x02`
    /// (`NoteSignatureType.ecdsaP256`) it is `SHA-256(publicKey)[:4]` with `publicKey` the DER
    /// `SubjectPublicKeyInfo`, as that signature type specifies; `name` is not used.
    public static func derive(name: String, type: NoteSignatureType, publicKey: some Collection<UInt8>) -> UInt32 {
        let digest: [UInt8]
        if type == .ecdsaP256 {
            digest = Digest.hash(publicKey, using: .sha256)
        } else {
            digest = Digest.hash(Array(name.utf8) + [0x0A] + type.identifier + Array(publicKey), using: .sha256)
        }
        return bigEndian(digest.prefix(4))
    }

    static func bigEndian(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func bytes(_ id: UInt32) -> [UInt8] {
        [UInt8(id >> 24), UInt8(id >> 16 & 0xff), UInt8(id >> 8 & 0xff), UInt8(id & 0xff)]
    }
}
