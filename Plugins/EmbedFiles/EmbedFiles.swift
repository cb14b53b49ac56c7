import Foundation
import PackagePlugin

/// Embeds the package's `Samples/` and `Templates/` folders into the target it is applied to,
/// so the binary finds its shipped files from any working directory.
@main
struct EmbedFiles: BuildToolPlugin {
    static let folders = ["Samples", "Templates"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let base = root.appending(path: folder)
            guard let walker = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files from \(Self.folders.joined(separator: ", "))",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
