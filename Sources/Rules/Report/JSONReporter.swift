/// A stable JSON document for scripts (schema documented in the README):
/// `{ "version": 1, "diagnostics": [...], "summary": {...} }`.
public struct JSONReporter: Reporter {
    public init() {}

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
    }

    public func report(_ files: [FileReport]) -> String {
        let entries = files.flatMap(\.diagnostics).map {
            Entry(file: $0.path, range: $0.range, severity: $0.severity, ruleId: $0.ruleID, message: $0.message, help: $0.help,
                  fingerprint: $0.fingerprint)
        }
        return JSONOutput.encode(Document(diagnostics: entries, summary: Summary(files)))
    }
}

/// eqlint's version, shown by `--version` and in machine-readable reports.
public enum EqlintVersion {
    public static let current = "0.1.0"
}
