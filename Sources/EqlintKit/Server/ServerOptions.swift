import EqlintText
import Foundation

/// How `eqlint lsp` was started: what the command line says, and what a
/// test sets to make the server quick and its answers fixed.
public struct LanguageServerOptions: Sendable {
    /// Where each plan's configuration comes from (`--config`, `--no-config`).
    public var configuration: ConfigurationResolver.Source = .discover
    /// Rule directories added to every configuration's (`--rules`).
    public var ruleDirectories: [String] = []
    /// The day dates are checked against (`--today`); nil: the real day, as it changes.
    public var today: CalendarDay?
    /// How long typing must pause before the plan is checked.
    public var debounce: Double = 0.25
    /// Where rule sections are linked (a finding's `codeDescription`): the
    /// address of docs/rules.md, to which `#RULE-ID` is added. Nil: the
    /// docs/rules.md of the source tree eqlint was built from, when it is there.
    public var rulesDocumentation: String?
    /// The folder configuration is looked up from for a document with no
    /// file (untitled), when the client names no workspace folder.
    public var currentDirectory: String = FileManager.default.currentDirectoryPath

    public init() {}

    /// docs/rules.md in the source tree eqlint was built from, if it is still there.
    static let builtRulesDocumentation: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("docs/rules.md")
        return FileManager.default.fileExists(atPath: file.path) ? file.absoluteString : nil
    }()
}
