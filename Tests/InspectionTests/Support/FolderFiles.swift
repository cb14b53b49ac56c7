import Foundation
import Inspection

/// A session folder's files in memory, by relative path: what the tamper harness mutates.
typealias FolderFiles = [String: [UInt8]]

enum FolderReading {
    /// Every regular file below `path`, by path relative to it.
    static func files(of path: String) throws -> FolderFiles {
        var out: FolderFiles = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: path) else { return out }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative)))
            }
        }
        return out
    }
}

/// The journal's lines (without newlines) and back.
enum Lines {
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        return lines
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] {
        lines.flatMap { $0 + [0x0A] }
    }
}
