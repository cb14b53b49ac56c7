import TextFormats
import Foundation
import Journal
import Seal

/// The witness's answer to a registration: who it is and where the log stands.
///
/// As JSON (members sorted):
///
///     {"certificate":"<base64 DER of the witness certificate>","name":"pingshen.witness.…",
///      "origin":"pingshen.session/…","size":0}
///
/// `size` is the size the witness last cosigned for the origin (0 for a new log): the `old`
/// of the session's next add-checkpoint.
public struct RegistrationReceipt: Sendable, Equatable {
    /// The witness's cosignature key name.
    public let name: String
    /// The witness's certificate, issued by the committee seal (role witness).
    public let certificate: Ed25519Certificate
    public let origin: String
    public let size: UInt64

    public init(name: String, certificate: Ed25519Certificate, origin: String, size: UInt64) {
        self.name = name
        self.certificate = certificate
        self.origin = origin
        self.size = size
    }

    private struct Wire: Codable {
        let certificate, name, origin: String
        let size: UInt64
    }

    /// The JSON body.
    public var body: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let wire = Wire(certificate: Base64.encode(certificate.der), name: name, origin: origin, size: size)
        return Array(try! encoder.encode(wire))  // strings and an integer: encoding cannot fail
    }

    /// Parses the JSON body; nil if it is not one.
    public init?(body: [UInt8]) {
        guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(body)),
              let der = Base64.decode(wire.certificate),
              let certificate = try? Ed25519Certificate(der: der) else { return nil }
        self.init(name: wire.name, certificate: certificate, origin: wire.origin, size: wire.size)
    }

    /// The verifier for the witness's cosignatures, once its certificate is checked: issued by
    /// `committee`, valid at `time`, role witness, and `name` the one derived from it
    /// (``WitnessIdentity/keyName(for:)``).
    public func witness(trusting committee: Certificate, at time: Date = Date()) throws(WitnessError) -> CosignatureVerifier {
        try WitnessIdentity.check(certificate, committee: committee, at: time)
        guard name == WitnessIdentity.keyName(for: certificate) else {
            throw .identity("见证方名称 \(name) 与其证书不符", "the witness name \(name) does not match its certificate")
        }
        return CosignatureVerifier(name: name, key: certificate.publicKey)
    }
}
