import Documents
import Review
import Seal
import TextFormats

/// The signatures recorded on the session's papers, for the print copies `render` makes after
/// signing: each with the common name read from the signer's certificate in the journal.
func electronicSignatures(_ state: SessionState) -> [ElectronicSignature] {
    ElectronicSignature.all(in: state) { base64 in
        guard let der = Base64.decode(base64), let certificate = try? Certificate(der: der) else { return nil }
        return certificate.subject.commonName
    }
}
