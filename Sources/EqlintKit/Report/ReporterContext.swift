import Foundation
import Rules

/// What a run of `eqlint check` knows that a reporter may need to build
/// itself: the rules checked, the folders paths are told from, and whether
/// the output goes to a terminal that shows colour and source excerpts.
public struct ReporterContext: Sendable {
    /// The rules of the run (from the configuration of the current folder).
    public var ruleSet: RuleSet
    /// Whether to colour the output (only text does).
    public var color: Bool
    /// Whether to show the source line under each finding (only text does).
    public var showSource: Bool
    /// Whether each finding is followed by a note with its fix (only text has notes of its own).
    public var notes: Bool
    /// The folder relative paths in reports are taken from.
    public var currentDirectory: String
    /// The folder locations are made relative to (SARIF's `%SRCROOT%`):
    /// the one given, else found when asked (only SARIF asks, and
    /// finding it asks the file system for each folder up to the root).
    public var baseDirectory: String {
        get { givenBaseDirectory ?? RepositoryRoot.find(from: currentDirectory) ?? currentDirectory }
        set { givenBaseDirectory = newValue }
    }
    private var givenBaseDirectory: String?

    /// A context; `baseDirectory` defaults to the root of the git repository
    /// `currentDirectory` is in, or else `currentDirectory` itself.
    public init(ruleSet: RuleSet, color: Bool = false, showSource: Bool = false, notes: Bool = true,
                currentDirectory: String = FileManager.default.currentDirectoryPath, baseDirectory: String? = nil) {
        self.ruleSet = ruleSet
        self.color = color
        self.showSource = showSource
        self.notes = notes
        self.currentDirectory = currentDirectory
        givenBaseDirectory = baseDirectory
    }
}
