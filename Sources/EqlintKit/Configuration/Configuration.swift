import EqlintText
import Rules

/// A project's settings, from `.eqlint.json5` (or `.eqlint.json`): which rules
/// run and how, extra rule directories and vocabulary, which files to check,
/// and when the run fails.
public struct Configuration: Sendable {
    /// The file it was read from, as shown in messages (nil: the defaults).
    public var path: String?
    /// The absolute directory relative paths and globs are taken from.
    public var directory: String
    public var ruleSettings: [RuleSetting] = []
    /// Absolute paths of the trust's own rule directories.
    public var ruleDirectories: [String] = []
    /// Terms to add to vocabulary lists: list → group → terms.
    public var vocabulary: [String: [String: [String]]] = [:]
    /// Where each vocabulary list is named, for errors.
    var vocabularyLocations: [String: SourceLocation] = [:]
    /// Where each group of a vocabulary list is named: list → group → place.
    var vocabularyGroupLocations: [String: [String: SourceLocation]] = [:]
    /// The errors found reading the file, in order; with those found applying
    /// it to the rules, they are reported together (`RuleSet.configured(by:)`).
    var problems: [RuleFileError] = []
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var failOn: FailThreshold?
    public var requireSuppressionReason = false

    public init(path: String?, directory: String) {
        self.path = path
        self.directory = directory
    }

    /// How one rule is changed: turned on or off, its severity, its options.
    public struct RuleSetting: Sendable {
        public var id: String
        var idLocation: SourceLocation
        public var enabled: Bool?
        public var severity: Severity?
        var options: JSON5Node?
    }

    /// Whether a file found by searching a directory is to be checked
    /// (a file named on the command line always is).
    public func includes(absolutePath: String) -> Bool {
        // With no patterns every file is, and its path need not be worked out.
        if include.isEmpty, exclude.isEmpty { return true }
        guard let relative = Paths.relative(absolutePath, to: directory) else { return true }
        if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }
}
