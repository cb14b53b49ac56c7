import COpenSSL

/// PEM armour (RFC 7468) around DER, through OpenSSL's own reader and writer.
enum PEM {
    /// The DER inside the first PEM block of `text`, which must carry `label`.
    static func decode(_ text: String, label: String) throws(SealError) -> [UInt8] {
        let operation = "读取 PEM「\(label)」(reading PEM \(label))"
        return try MemoryBIO.reading(Array(text.utf8)) { (bio) throws(SealError) -> [UInt8] in
            var name: UnsafeMutablePointer<CChar>?
            var header: UnsafeMutablePointer<CChar>?
            var data: UnsafeMutablePointer<UInt8>?
            var length = 0
            let status = PEM_read_bio(bio, &name, &header, &data, &length)
            defer {
                pingshen_OPENSSL_free(name)
                pingshen_OPENSSL_free(header)
                pingshen_OPENSSL_free(data)
            }
            try check(status, operation, code: .malformed)
            let found = name.map { String(cString: $0) } ?? ""
            guard found == label else {
                throw SealError(operation: operation + "：标签为「\(found)」(label is \(found))", code: .malformed)
            }
            guard let data, length > 0 else { throw SealError(operation: operation, code: .malformed) }
            return Array(UnsafeBufferPointer(start: data, count: length))
        }
    }

    /// `der` armoured as a PEM block with `label`, lines of 64 characters, ending in a newline.
    static func encode(_ der: [UInt8], label: String) throws(SealError) -> String {
        let bytes = try MemoryBIO.writing { (bio) throws(SealError) in
            let written = der.withUnsafeBufferPointer { PEM_write_bio(bio, label, "", $0.baseAddress, $0.count) }
            guard written > 0 else { throw SealError.drainingQueue("写出 PEM (writing PEM \(label))") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
