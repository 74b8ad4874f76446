import Foundation
import PackagePlugin

/// Embeds the package's `rules/` directory into the `Rules` library at build
/// time, so that the default rule set travels with the binary and `rules/`
/// stays the one source of truth.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        let inputs = ruleFiles(in: rulesDirectory)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [rulesDirectory.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func ruleFiles(in directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "json5" || $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }
}
