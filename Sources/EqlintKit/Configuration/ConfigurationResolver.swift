import EqlintText
import Foundation
import Rules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The configuration and linter that apply to one plan. Shared by every
/// plan under the same configuration: a run of thousands of plans hands one
/// context to each, and a reference is copied with one retain where the
/// two values' many arrays and strings took one each.
public final class LintContext: Sendable {
    public let configuration: Configuration
    public let linter: Linter

    public init(configuration: Configuration, linter: Linter) {
        self.configuration = configuration
        self.linter = linter
    }
}

/// Finds each plan's configuration — `.eqlint.json5` or `.eqlint.json`,
/// looking in the plan's folder and up to the repository root (the folder
/// with `.git`), or one named file — and keeps one linter per configuration.
public struct ConfigurationResolver {
    /// Where configuration comes from.
    public enum Source: Sendable {
        /// Look up from each plan's folder.
        case discover
        /// This file, for every plan.
        case file(String)
        /// None: the defaults.
        case none
    }

    public static let fileNames = [".eqlint.json5", ".eqlint.json"]
    /// The names that decide where a folder's configuration is: the
    /// configuration files and `.git`, which ends the search upwards.
    public static let discoveryNames = fileNames + [".git"]

    private let source: Source
    private let extraRuleDirectories: [String]
    private let today: CalendarDay
    private let currentDirectory: String
    private var configurationByDirectory: [String: String?] = [:]
    /// Folders a search read, absolute, and which of `discoveryNames` each holds (`noteListed`).
    private var listedNames: [String: [String]] = [:]
    private var contexts: [String: LintContext] = [:]
    /// `absolute(directory)` by directory as given: standardising a path asks
    /// the file system (it resolves links), so each folder is done once.
    private var absoluteDirectories: [String: String] = [:]
    /// The folder last asked about, and its context.
    private var lastDirectoryContext: (directory: String, context: LintContext)?
    /// Rule sets as loaded, before a configuration changes them, by the
    /// directories they add to the defaults: most configurations add none,
    /// and loading (parsing every rule, compiling its patterns) is done once.
    /// A list, not a dictionary keyed by `[String]`: it holds one or two
    /// entries, and a new hashable key type costs the Swift runtime a scan of
    /// every protocol conformance in the binary on first use (~350,000 instructions).
    private var loadedRuleSets: [(directories: [String], ruleSet: RuleSet)] = []

    /// - Parameter ruleDirectories: directories given with `--rules`, loaded after any a configuration names.
    public init(source: Source, ruleDirectories: [String], today: CalendarDay,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.source = source
        extraRuleDirectories = ruleDirectories
        self.today = today
        self.currentDirectory = currentDirectory
    }

    /// The absolute, standardised form of a path given on the command line.
    public func absolute(_ path: String) -> String {
        Paths.absolute(path, from: currentDirectory)
    }

    /// `absolute(path)` for a file, with its folder's part worked out once
    /// per folder. Only a last component that is a link (or `.`, `..`) needs
    /// the file system, as standardising resolves links.
    public mutating func absoluteFile(_ path: String) -> String {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != "..", !Self.isLink(path) else { return absolute(path) }
        // "/plan.md" is in the root folder; "plan.md" in the current one.
        let base = absoluteDirectory(folder.isEmpty ? (slash == nil ? "." : "/") : folder)
        return Paths.joined(base, name)
    }

    private mutating func absoluteDirectory(_ directory: String) -> String {
        if let known = absoluteDirectories[directory] { return known }
        let resolved = absolute(directory)
        absoluteDirectories[directory] = resolved
        return resolved
    }

    private static func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// The context for a plan file (for standard input, pass a path in the folder it stands for).
    public mutating func context(forFile path: String) throws(RuleFileError) -> LintContext {
        try context(forAbsoluteFile: absoluteFile(path))
    }

    /// The context for a plan file given by its absolute, standardised path (`absoluteFile(_:)`).
    public mutating func context(forAbsoluteFile path: String) throws(RuleFileError) -> LintContext {
        try context(inAbsoluteDirectory: Paths.folder(ofAbsolute: path))
    }

    /// The context for plans in a folder (also what `eqlint rules` shows).
    public mutating func context(forDirectory directory: String) throws(RuleFileError) -> LintContext {
        try context(inAbsoluteDirectory: absoluteDirectory(directory))
    }

    /// The context for plans in a folder given absolute and standardised.
    /// A folder search meets each folder's plans one after another, so the
    /// last folder's context is kept at hand.
    private mutating func context(inAbsoluteDirectory directory: String) throws(RuleFileError) -> LintContext {
        if let last = lastDirectoryContext, last.directory == directory { return last.context }
        let context = try newContext(inAbsoluteDirectory: directory)
        lastDirectoryContext = (directory, context)
        return context
    }

    private mutating func newContext(inAbsoluteDirectory directory: String) throws(RuleFileError) -> LintContext {
        let configurationPath: String?
        switch source {
        case .none: configurationPath = nil
        case .file(let path): configurationPath = absolute(path)
        case .discover: configurationPath = discover(from: directory)
        }
        let key = configurationPath ?? ""
        if let known = contexts[key] { return known }
        let configuration: Configuration
        if let configurationPath {
            guard FileManager.default.fileExists(atPath: configurationPath) else {
                throw RuleFileError(path: display(configurationPath), location: nil, message: "no such configuration file")
            }
            configuration = try ConfigurationLoader.load(absolutePath: configurationPath, displayPath: display(configurationPath))
        } else {
            configuration = Configuration(path: nil, directory: currentDirectory)
        }
        let directories = configuration.ruleDirectories + extraRuleDirectories
        let loaded: RuleSet
        if let known = loadedRuleSets.first(where: { $0.directories == directories }) {
            loaded = known.ruleSet
        } else {
            do throws(RuleFileError) {
                loaded = try RuleSet.defaults(adding: directories)
            } catch {
                // A rule directory that does not load may be the configuration's mistake: its errors come first.
                throw RuleFileError(all: configuration.problems) ?? error
            }
            loadedRuleSets.append((directories, loaded))
        }
        let ruleSet = try loaded.configured(by: configuration)
        let context = LintContext(configuration: configuration, linter: Linter(ruleSet: ruleSet, today: today))
        contexts[key] = context
        return context
    }

    /// Keeps what a folder search saw of `discoveryNames` in a folder it
    /// read (`PlanFinder.search(_:noting:each:)`), so that finding its plans'
    /// configuration asks the file system nothing more: a run over
    /// thousands of folders saved three `stat` calls a folder.
    /// - Parameters:
    ///   - folder: the folder read, as the search found it under `path`.
    ///   - absoluteFolder: `path`'s absolute form (`absolute(_:)`).
    public mutating func noteListed(_ folder: PlanFinder.ListedFolder, foundIn path: String, absoluteFolder: String) {
        guard case .discover = source else { return }
        let absolute = folder.path == path ? absoluteFolder : Paths.path(folder.path, foundIn: path, absoluteFolder: absoluteFolder)
        if let absolute { listedNames[absolute] = folder.names }
    }

    /// The nearest configuration file at or above `directory`, stopping at the repository root.
    /// `directory` is absolute and standardised: its parts are joined and
    /// parted with plain string work, and asked about with one `stat` each
    /// (none for a folder a search read: `noteListed`).
    private mutating func discover(from directory: String) -> String? {
        if let known = configurationByDirectory[directory] { return known }
        func inDirectory(_ name: String) -> String { Paths.joined(directory, name) }
        let listed = listedNames[directory]
        func exists(_ name: String) -> Bool { listed.map { $0.contains(name) } ?? Self.exists(inDirectory(name)) }
        var found: String?
        if let name = Self.fileNames.first(where: exists) {
            found = inDirectory(name)
        } else if !exists(".git"), directory != "/" {
            found = discover(from: Paths.folder(ofAbsolute: directory))
        }
        configurationByDirectory[directory] = found
        return found
    }

    /// Whether something is at `path` (following links, as `FileManager.fileExists` does).
    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// How messages name a file: relative to the current folder when inside it.
    private func display(_ path: String) -> String {
        Paths.relative(path, to: currentDirectory) ?? path
    }
}
