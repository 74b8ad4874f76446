import Foundation
import Rules

/// SARIF 2.1.0, for GitHub code scanning and other static analysis viewers.
/// Artifact URIs are relative to the repository root (`%SRCROOT%`); each
/// result carries a `partialFingerprints` entry made from its rule and the
/// text at fault, so it is recognised across unrelated edits. Columns count
/// Unicode code points, as eqlint's do.
public struct SARIFReporter: StreamingReporter {
    public let rules: [Rule]
    /// The absolute folder URIs are made relative to.
    public let baseDirectory: String
    /// The folder relative diagnostic paths are taken from.
    public let currentDirectory: String

    public static let identifier = "sarif"
    public static let description = "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."

    public init(ruleSet: RuleSet, baseDirectory: String, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        rules = ruleSet.rules
        self.baseDirectory = Paths.standardized(baseDirectory)
        self.currentDirectory = currentDirectory
    }

    /// Locations relative to the context's base folder (the repository root).
    public init(context: ReporterContext) {
        self.init(ruleSet: context.ruleSet, baseDirectory: context.baseDirectory, currentDirectory: context.currentDirectory)
    }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "eqlint"
        var version = EqlintVersion.current
        var semanticVersion = EqlintVersion.current
        var rules: [Descriptor]
    }

    struct Text: Encodable { var text: String }

    struct Descriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable {
        var level: String
        var enabled: Bool
    }

    struct Properties: Encodable {
        var source: String
        /// `law`, `guidance` or `good-practice`.
        var basis: Basis
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        /// The finding's fix-its (left out when it has none).
        var fixes: [Fix]?
    }

    /// A fix-it as SARIF has it: the change to the file, and whether `--fix` applies it.
    struct Fix: Encodable {
        var description: Text
        var artifactChanges: [ArtifactChange]
        var properties: FixProperties
    }

    struct FixProperties: Encodable { var safety: String }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    /// An insertion deletes an empty region: its start and end are the same place.
    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Text
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    public func report(_ files: [FileReport]) -> String {
        JSONOutput.encode(log(results: files.flatMap(results)))
    }

    /// A plan's results; its location is worked out once (it asks the file system).
    private func results(_ file: FileReport) -> [Result] {
        let index = ruleIndex
        var locations: [String: ArtifactLocation] = [:]
        return file.diagnostics.map { diagnostic in
            let location = locations[diagnostic.path] ?? artifactLocation(diagnostic.path)
            locations[diagnostic.path] = location
            return result(diagnostic, ruleIndex: index, location: location)
        }
    }

    private var ruleIndex: [String: Int] {
        Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func log(results: [Result]) -> Log {
        let descriptors = rules.map { rule in
            Descriptor(
                id: rule.id,
                name: rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                shortDescription: Text(text: rule.summary),
                fullDescription: Text(text: "\(rule.summary) \(rule.source)"),
                help: Text(text: rule.help),
                defaultConfiguration: Configuration(level: Self.level(rule.severity), enabled: rule.enabled),
                properties: Properties(source: rule.source, basis: rule.basis))
        }
        return Log(runs: [Run(tool: Tool(driver: Driver(rules: descriptors)), results: results)])
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: [String: Int], location: ArtifactLocation) -> Result {
        Result(
            ruleId: diagnostic.ruleID,
            ruleIndex: ruleIndex[diagnostic.ruleID],
            level: Self.level(diagnostic.severity),
            message: Text(text: diagnostic.message),
            locations: [Location(physicalLocation: PhysicalLocation(
                artifactLocation: location,
                region: Region(startLine: diagnostic.range.start.line, startColumn: diagnostic.range.start.column,
                               endLine: diagnostic.range.end.line, endColumn: diagnostic.range.end.column)))],
            partialFingerprints: ["eqlint/v1": diagnostic.fingerprint],
            fixes: diagnostic.fixIts.isEmpty ? nil : diagnostic.fixIts.map { fixIt in
                Fix(description: Text(text: fixIt.title),
                    artifactChanges: [ArtifactChange(artifactLocation: location, replacements: fixIt.edits.map { edit in
                        Replacement(deletedRegion: Region(startLine: edit.range.start.line, startColumn: edit.range.start.column,
                                                          endLine: edit.range.end.line, endColumn: edit.range.end.column),
                                    insertedContent: Text(text: edit.replacement))
                    })],
                    properties: FixProperties(safety: fixIt.safety.rawValue))
            })
    }

    // Streaming: in the one run, "results" comes before "tool" (keys are sorted).

    public func head() -> String {
        JSONOutput.split(JSONOutput.encode(log(results: [])), atEmptyArray: "results").head
    }

    public func part(_ file: FileReport) -> String {
        JSONOutput.elements(results(file), depth: 4)
    }

    public var separator: String { ",\n" }

    public func tail(_ summary: Summary) -> String {
        JSONOutput.split(JSONOutput.encode(log(results: [])), atEmptyArray: "results").tail
    }

    /// The file relative to the base folder, as a URI reference; outside it, a `file:` URI.
    func artifactLocation(_ path: String) -> ArtifactLocation {
        let absolute = Paths.absolute(path, from: currentDirectory)
        guard let relative = Paths.relative(absolute, to: baseDirectory) else {
            return ArtifactLocation(uri: URL(fileURLWithPath: absolute).absoluteString, uriBaseId: nil)
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return ArtifactLocation(uri: relative.addingPercentEncoding(withAllowedCharacters: allowed) ?? relative, uriBaseId: "%SRCROOT%")
    }
}
