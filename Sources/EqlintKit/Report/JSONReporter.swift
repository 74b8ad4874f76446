import EqlintPlan
import EqlintText
import Rules

/// A stable JSON document for scripts (schema documented in the README):
/// `{ "version": 1, "diagnostics": [...], "summary": {...} }`.
public struct JSONReporter: StreamingReporter {
    public static let identifier = "json"
    public static let description = "A stable JSON document for scripts: every finding, and the summary."

    public init() {}

    public init(context: ReporterContext) {}

    struct Document: Encodable {
        var version = 1
        var tool = Tool()
        var diagnostics: [Entry]
        var summary: Summary
    }

    struct Tool: Encodable {
        var name = "eqlint"
        var version = EqlintVersion.current
    }

    struct Entry: Encodable {
        var file: String
        var range: SourceRange
        var severity: Severity
        var ruleId: String
        var message: String
        var help: String
        var fingerprint: String
        /// `law`, `guidance` or `good-practice` (none for a finding no rule file makes).
        var basis: Basis?
        /// The finding's fix-its (left out when it has none).
        var fixes: [Fix]?
    }

    /// A fix-it: what it does, whether `--fix` applies it (`safe`) or only
    /// offers it (`suggestion`), and its edits.
    struct Fix: Encodable {
        var title: String
        var safety: FixIt.Safety
        var edits: [Edit]
    }

    /// The text in `range` (empty for an insertion) becomes `replacement`.
    struct Edit: Encodable {
        var range: SourceRange
        var replacement: String
    }

    public func report(_ files: [FileReport]) -> String {
        let entries = files.flatMap(\.diagnostics).map(Self.entry)
        return JSONOutput.encode(Document(diagnostics: entries, summary: Summary(files)))
    }

    static func entry(_ diagnostic: Diagnostic) -> Entry {
        Entry(file: diagnostic.path, range: diagnostic.range, severity: diagnostic.severity, ruleId: diagnostic.ruleID,
              message: diagnostic.message, help: diagnostic.help, fingerprint: diagnostic.fingerprint, basis: diagnostic.basis,
              fixes: diagnostic.fixIts.isEmpty ? nil : diagnostic.fixIts.map { fixIt in
                  Fix(title: fixIt.title, safety: fixIt.safety,
                      edits: fixIt.edits.map { Edit(range: $0.range, replacement: $0.replacement) })
              })
    }

    // Streaming: the diagnostics array comes first (keys are sorted), the summary last.

    public func head() -> String {
        JSONOutput.split(JSONOutput.encode(Document(diagnostics: [], summary: Summary())), atEmptyArray: "diagnostics").head
    }

    public func part(_ file: FileReport) -> String {
        JSONOutput.elements(file.diagnostics.map(Self.entry), depth: 2)
    }

    public var separator: String { ",\n" }

    public func tail(_ summary: Summary) -> String {
        JSONOutput.split(JSONOutput.encode(Document(diagnostics: [], summary: summary)), atEmptyArray: "diagnostics").tail
    }
}

/// eqlint's version, shown by `--version` and in machine-readable reports.
public enum EqlintVersion {
    public static let current = "0.1.0"
}
