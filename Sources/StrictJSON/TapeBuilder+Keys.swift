/// Duplicate keys and skimmed paths: what the tape builder decides from an object's keys.
extension TapeBuilder {
    /// Refuses `key` when an earlier key of the same object equals it as a `String` (so keys
    /// that differ only in escapes or Unicode normalisation are duplicates too).
    mutating func refuseDuplicate(_ key: Int, firstKey: Int, large: inout Set<String>?) throws(JSONError) {
        let node = nodes[key]
        if large == nil && keyCount - firstKey < Self.scannedKeys {
            let fingerprint = node.has(Node.nonASCII) ? Self.slowKey : Self.fingerprint(node.content(in: r.bytes))
            for j in firstKey..<keyCount {
                let seen = keys[j]
                let same: Bool
                if fingerprint == Self.slowKey || seen.fingerprint == Self.slowKey {
                    same = nodes[seen.node].string(in: r.bytes) == node.string(in: r.bytes)
                } else {
                    same = seen.fingerprint == fingerprint && Self.same(nodes[seen.node].content(in: r.bytes), node.content(in: r.bytes))
                }
                if same { throw duplicate(node) }
            }
            if keyCount == keyCapacity {
                storage.growKeys(keeping: keyCount, toHold: keyCount + 1)
                keys = storage.keys
                keyCapacity = storage.keyCapacity
            }
            keys[keyCount] = KeyEntry(fingerprint: fingerprint, node: key)
            keyCount += 1
            return
        }
        if large == nil {
            large = Set((firstKey..<keyCount).map { nodes[keys[$0].node].string(in: r.bytes) })
        }
        guard large!.insert(node.string(in: r.bytes)).inserted else { throw duplicate(node) }
    }

    func duplicate(_ node: Node) -> JSONError {
        JSONError(offset: Int(node.start), problem: "重复的键 \"\(node.string(in: r.bytes))\" (duplicate key)")
    }

    /// Whether two runs of bytes are the same.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// FNV-1a of an ASCII key, below `slowKey`.
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h & (UInt64.max >> 1)
    }

    /// Which of `paths` go on through `key` (the `level`-th key on the way down), and whether
    /// one of them ends at it, making its value skimmed.
    func match(_ key: Int, paths: UInt64, level: Int) -> (next: UInt64, skim: Bool) {
        let node = nodes[key]
        var next: UInt64 = 0
        var skim = false
        var remaining = paths
        while remaining != 0 {
            let i = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let path = skims[i]
            guard path.count > level else { continue }
            let same = node.has(Node.escaped)
                ? Array(node.string(in: r.bytes).utf8) == path[level]
                : path[level].withUnsafeBufferPointer { Self.same(node.content(in: r.bytes), $0) }
            guard same else { continue }
            if path.count == level + 1 { skim = true } else { next |= 1 << UInt64(i) }
        }
        return (next, skim)
    }
}
