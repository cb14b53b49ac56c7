import Printer
import Records
import Review

extension ElectronicSignature {
    /// Every signature the session recorded, with the name `certificateName` reads from each
    /// signer's certificate (base64 DER) — Documents does not parse certificates itself.
    public static func all(in state: SessionState, certificateName: (String) -> String?) -> [ElectronicSignature] {
        state.documents.map { d in
            let s = d.value
            return ElectronicSignature(role: s.signer, signer: certificateName(s.certificate) ?? "（证书无姓名）", at: d.at,
                                       document: s.document, candidate: s.candidate, file: s.file, sha256: s.sha256)
        }
    }
}
