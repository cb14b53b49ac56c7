import Foundation
import Testing

/// Runs the stock `openssl` command line in a temporary folder: the independent party.
final class OpenSSL {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("witness-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    /// Runs `openssl arguments…`; its exit status and standard error.
    func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = folder
        let errors = folder.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    /// Whether `openssl pkeyutl -verify -rawin` accepts `signature` over `message` by the
    /// Ed25519 key in PEM `publicKey`.
    func verifiesEd25519(signature: [UInt8], message: [UInt8], publicKey pem: String) throws -> Bool {
        try write("pub.pem", Array(pem.utf8))
        try write("msg", message)
        try write("sig", signature)
        return try run(["pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-sigfile", "sig"]).status == 0
    }
}
