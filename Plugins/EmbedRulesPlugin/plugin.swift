import Foundation
import PackagePlugin

/// Embeds the package's `rules/` directory into the `Rules` target at build
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
        func isHidden(_ url: URL, under root: URL) -> Bool {
            url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count).split(separator: "/").contains { $0.hasPrefix(".") }
        }
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        // As RuleSet.files(inDirectory:): hidden files and folders (macOS `._x.json5`) are left out.
        return walker.compactMap { $0 as? URL }
            .filter { ($0.pathExtension == "json5" || $0.pathExtension == "json") && !isHidden($0, under: directory) }
            .sorted { $0.path < $1.path }
    }
}
