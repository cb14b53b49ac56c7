/// A minimal reader of DER tag-length-value elements, for checking the few fields of a CMS
/// structure that OpenSSL parses but no signature covers (see ``CMSProfile``).
///
/// It reads only what OpenSSL has already accepted, but it still treats its input as hostile:
/// any surprise (indefinite or overlong lengths, elements running past their parent) is `nil`.
struct DERElement {
    /// The identifier octet (single-byte tags only, which is all CMS uses here).
    let tag: UInt8
    /// The content octets.
    let content: ArraySlice<UInt8>

    static let integer: UInt8 = 0x02
    static let octetString: UInt8 = 0x04
    static let objectIdentifier: UInt8 = 0x06
    static let sequence: UInt8 = 0x30
    static let set: UInt8 = 0x31

    /// The context-specific constructed tag `[number]`.
    static func context(_ number: UInt8) -> UInt8 { 0xa0 | number }

    /// All elements of `bytes`, which must be exactly a run of whole elements.
    static func elements(of bytes: ArraySlice<UInt8>) -> [DERElement]? {
        var elements: [DERElement] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let tag = bytes[index]
            guard tag & 0x1f != 0x1f else { return nil }  // multi-byte tags: not in this profile
            index += 1
            guard index < bytes.endIndex else { return nil }
            var length = Int(bytes[index])
            index += 1
            if length & 0x80 != 0 {
                let count = length & 0x7f
                guard (1...4).contains(count), bytes.endIndex - index >= count else { return nil }  // up to 4 GiB
                length = bytes[index..<index + count].reduce(0) { $0 << 8 | Int($1) }
                index += count
            }
            guard bytes.endIndex - index >= length else { return nil }
            elements.append(DERElement(tag: tag, content: bytes[index..<index + length]))
            index += length
        }
        return elements
    }

    /// The elements inside this (constructed) element.
    var children: [DERElement]? { DERElement.elements(of: content) }

    /// The only element inside this one.
    var onlyChild: DERElement? {
        guard let children, children.count == 1 else { return nil }
        return children[0]
    }

    /// The value of a small non-negative INTEGER.
    var smallInteger: Int? {
        guard tag == DERElement.integer, (1...2).contains(content.count), content.first! & 0x80 == 0 else { return nil }
        return content.reduce(0) { $0 << 8 | Int($1) }
    }

    /// Whether this is the OBJECT IDENTIFIER with content `oid`.
    func isObject(_ oid: [UInt8]) -> Bool {
        tag == DERElement.objectIdentifier && content.elementsEqual(oid)
    }

    /// Whether this is an AlgorithmIdentifier SEQUENCE naming `oid`.
    func isAlgorithm(_ oid: [UInt8]) -> Bool {
        tag == DERElement.sequence && children?.first?.isObject(oid) == true
    }
}
