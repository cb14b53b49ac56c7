/// The exact CMS profile pingshen makes and accepts, checked on the fields no signature or
/// authentication tag covers.
///
/// RFC 5652 leaves a SignedData's version numbers, its encapsulated content type and each
/// SignerInfo's signatureAlgorithm outside the signature, and RFC 5083 leaves an
/// AuthEnvelopedData's versions, content type and GCM ICV length outside the tag; OpenSSL
/// 3.0 accepts altered values there. Pinning them means a changed byte anywhere in a record
/// is refused, as an inspector expects, instead of verifying as a different file.
enum CMSProfile {
    static let idData: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]
    static let idSignedData: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]
    static let idAuthEnvelopedData: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17]
    static let sha256: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
    static let ecdsaWithSHA256: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]
    static let aes256GCM: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2e]
    static let aes256Wrap: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2d]
    /// dhSinglePass-stdDH-sha1kdf-scheme (OpenSSL's default) and dhSinglePass-stdDH-sha256kdf-scheme.
    /// The cofactor variants are refused: on P-256 they derive the same key, so accepting them
    /// would let a changed byte pass unnoticed.
    static let keyAgreements: [[UInt8]] = [
        [0x2b, 0x81, 0x05, 0x10, 0x86, 0x48, 0x3f, 0x00, 0x02],
        [0x2b, 0x81, 0x04, 0x01, 0x0b, 0x01],
    ]

    /// Checks a detached SignedData: version 1, data content with no eContent, the signers'
    /// certificates included, and every SignerInfo version 1 with SHA-256 and
    /// ECDSA-with-SHA256, naming an included certificate by its issuer and serial number
    /// byte for byte (OpenSSL matches names in canonical form, so an altered name encoding
    /// would otherwise still verify).
    static func checkSignedData(_ der: [UInt8]) throws(SealError) {
        guard let body = contentInfo(der, type: idSignedData), let fields = body.children, fields.count >= 5,
              fields[0].smallInteger == 1,
              let encapsulated = fields[2].children, encapsulated.count == 1, encapsulated[0].isObject(idData),
              fields[3].tag == DERElement.context(0), let certificates = fields[3].children,
              let signerInfos = fields.last, signerInfos.tag == DERElement.set,
              let signers = signerInfos.children, !signers.isEmpty
        else { throw violation("SignedData") }
        let names = Set(certificates.compactMap(issuerAndSerialNumber))
        guard signers.allSatisfy({ isPingshenSignerInfo($0, naming: names) }) else { throw violation("SignedData") }
    }

    /// Checks an AuthEnvelopedData: version 0; key-agreement recipients only (version 3, the
    /// ephemeral P-256 key as an uncompressed point, standard ECDH with AES-256 key wrap);
    /// data content under AES-256-GCM with a 12-byte nonce and a 16-byte tag.
    static func checkAuthEnvelopedData(_ der: [UInt8]) throws(SealError) {
        guard let body = contentInfo(der, type: idAuthEnvelopedData), let fields = body.children, fields.count >= 3,
              fields[0].smallInteger == 0, fields[1].tag == DERElement.set,
              let recipients = fields[1].children, !recipients.isEmpty,
              recipients.allSatisfy(isPingshenKeyAgreement),
              let encrypted = fields[2].children, encrypted.count == 3, encrypted[0].isObject(idData),
              encrypted[1].isAlgorithm(aes256GCM), let parameters = encrypted[1].children, parameters.count == 2,
              let gcm = parameters[1].children, gcm.count == 2,
              gcm[0].tag == DERElement.octetString, gcm[0].content.count == 12, gcm[1].smallInteger == 16
        else { throw violation("AuthEnvelopedData") }
    }

    /// The body inside `ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }`.
    private static func contentInfo(_ der: [UInt8], type: [UInt8]) -> DERElement? {
        guard let outer = DERElement.elements(of: der[...]), outer.count == 1, outer[0].tag == DERElement.sequence,
              let parts = outer[0].children, parts.count == 2, parts[0].isObject(type),
              parts[1].tag == DERElement.context(0), let body = parts[1].onlyChild, body.tag == DERElement.sequence
        else { return nil }
        return body
    }

    /// `[1] KeyAgreeRecipientInfo` version 3 whose originator is `[0] { [1] OriginatorPublicKey }`
    /// with a 65-byte uncompressed point (a hybrid or padded encoding would be the same key),
    /// and whose recipients are named by issuer and serial number in well-formed names
    /// (OpenSSL matches names in canonical form, so an altered tag would still match).
    private static func isPingshenKeyAgreement(_ recipient: DERElement) -> Bool {
        guard recipient.tag == DERElement.context(1), let fields = recipient.children, fields.count == 4,
              fields[0].smallInteger == 3, fields[1].tag == DERElement.context(0),
              let originator = fields[1].onlyChild, originator.tag == DERElement.context(1),
              let key = originator.children, key.count == 2, key[1].tag == 0x03,  // BIT STRING
              key[1].content.count == 66, key[1].content.prefix(2).elementsEqual([0x00, 0x04]),
              keyAgreements.contains(where: fields[2].isAlgorithm), let agreement = fields[2].children,
              agreement.count == 2, agreement[1].isAlgorithm(aes256Wrap), agreement[1].children?.count == 1,
              let encryptedKeys = fields[3].children, !encryptedKeys.isEmpty
        else { return false }
        return encryptedKeys.allSatisfy { encryptedKey in
            guard let parts = encryptedKey.children, parts.count == 2, let rid = parts[0].children, rid.count == 2 else { return false }
            return parts[0].tag == DERElement.sequence && isWellFormedName(rid[0]) && rid[1].tag == DERElement.integer
        }
    }

    /// `Name ::= SEQUENCE OF SET OF SEQUENCE { OBJECT IDENTIFIER, value }`, tag by tag.
    private static func isWellFormedName(_ name: DERElement) -> Bool {
        guard name.tag == DERElement.sequence, let names = name.children else { return false }
        return names.allSatisfy { rdn in
            guard rdn.tag == DERElement.set, let attributes = rdn.children, !attributes.isEmpty else { return false }
            return attributes.allSatisfy {
                $0.tag == DERElement.sequence && $0.children?.count == 2 && $0.children?.first?.tag == DERElement.objectIdentifier
            }
        }
    }

    private static func isPingshenSignerInfo(_ signer: DERElement, naming certificates: Set<[UInt8]>) -> Bool {
        guard signer.tag == DERElement.sequence, let fields = signer.children, fields.count >= 6,
              let sid = fields[1].children, sid.count == 2
        else { return false }
        return fields[0].smallInteger == 1 && isWellFormedName(sid[0])
            && certificates.contains(encoding(sid[0]) + encoding(sid[1]))
            && fields[2].isAlgorithm(sha256) && fields[3].tag == DERElement.context(0)
            && fields[4].isAlgorithm(ecdsaWithSHA256) && fields[5].tag == DERElement.octetString
    }

    /// A certificate's issuer Name and serial INTEGER, as the bytes a SignerInfo's
    /// `IssuerAndSerialNumber` must repeat.
    private static func issuerAndSerialNumber(_ certificate: DERElement) -> [UInt8]? {
        guard let tbs = certificate.children?.first, let fields = tbs.children, fields.count >= 4 else { return nil }
        let rest = fields.first?.tag == DERElement.context(0) ? fields.dropFirst() : fields[...]
        guard rest.count >= 3 else { return nil }
        let serial = rest[rest.startIndex], issuer = rest[rest.startIndex + 2]
        return encoding(issuer) + encoding(serial)
    }

    /// Tag and content of an element: enough to compare two DER elements for equality.
    private static func encoding(_ element: DERElement) -> [UInt8] {
        [element.tag] + withUnsafeBytes(of: element.content.count.bigEndian, Array.init) + element.content
    }

    private static func violation(_ kind: String) -> SealError {
        SealError(
            operation: "CMS \(kind) 不符合 pingshen 的格式要求 (CMS \(kind) does not follow pingshen's profile)",
            code: .malformed)
    }
}
