import Foundation

/// The executables `swift build` put beside the test bundle.
public enum BuiltBinary {
    /// The `pingshen` executable of this build.
    public static let pingshen: String = path(of: "pingshen")

    /// The path of the built executable `name`: searched from the test bundle's folder upwards,
    /// else `.build/debug/name` in the package.
    public static func path(of name: String) -> String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot + "/.build/debug/" + name
    }

    /// The package's root folder (where Package.swift is).
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
