import Foundation

/// The RFC 9162 vectors in `Vectors/rfc9162/`, found next to this file (STYLE.md 8).
enum Vectors {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // JournalTests
        .appendingPathComponent("Vectors/rfc9162")

    /// Paths of every `.json` file under `Vectors/rfc9162/<kind>/`, relative to `rfc9162/`, sorted.
    static func files(_ kind: String) -> [String] {
        let root = directory.appendingPathComponent(kind)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") }
            .map { "\(kind)/\($0)" }
            .sorted()
    }

    static func load<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(relativePath))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

struct RootsVector: Decodable {
    let leaf_inputs_hex: [String]
    let root_by_tree_size_hex: [String]
}

struct InclusionVector: Decodable {
    let leafIdx: UInt64
    let treeSize: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
}

struct ConsistencyVector: Decodable {
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool
}

func hexBytes(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = Array(text.utf8)[...]
    while chars.count >= 2 {
        out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
        chars = chars.dropFirst(2)
    }
    return out
}
