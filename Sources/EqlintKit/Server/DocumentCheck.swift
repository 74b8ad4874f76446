import EqlintPlan
import EqlintText
import Foundation
import Rules

/// One check of one version of a document: what the server publishes for it.
package struct CheckResult: Sendable {
    package var uri: String
    package var version: Int
    /// The configuration generation it was made under (a configuration change makes it stale).
    package var generation: Int
    /// Each finding with its range in the document as checked.
    package var findings: [Finding]
    /// The rules the findings came from (nil when none applied: not a plan, or a broken configuration).
    package var ruleSet: RuleSet?
    /// Why the document got no findings, if it is not checked: for the log.
    package var skipped: String?

    package struct Finding: Sendable {
        package var diagnostic: Diagnostic
        package var range: LSPRange
        /// The diagnostic's fix-its, each with its edits in the document's positions.
        var fixes: [CodeActions.Fix] = []
    }

    /// The safe fix-its of every finding that can be applied together, as
    /// `source.fixAll.eqlint` applies them (the rest wait for the next check).
    func safeFixEdits(textLength: Int) -> [CodeActions.Edit] {
        let fixes = findings.flatMap(\.fixes).filter { $0.fixIt.safety == .safe }
        let chosen = Set(FixApplier.oneRound(fixes.map(\.fixIt), textLength: textLength))
        var seen: Set<FixIt> = []
        return fixes.filter { chosen.contains($0.fixIt) && seen.insert($0.fixIt).inserted }.flatMap(\.edits)
    }

    /// The findings as the protocol's `Diagnostic`s.
    func lspDiagnostics(documentation: String?) -> [JSONValue] {
        findings.map { LSPDiagnostic.json($0.diagnostic, range: $0.range, ruleSet: ruleSet, documentation: documentation) }
    }
}

/// Checks a document's text as the CLI checks a file: with the
/// configuration that applies to its file on disk, if it is a plan.
struct DocumentCheck {
    let contexts: ContextProvider

    /// The file a `file:` URI names, percent-decoded; nil for any other scheme.
    static func path(ofURI uri: String) -> String? {
        guard uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    /// The `file:` URI of a path.
    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }

    func check(_ document: TextDocument, encoding: PositionEncoding, generation: Int) -> CheckResult {
        var result = CheckResult(uri: document.uri, version: document.version, generation: generation, findings: [])
        let path = Self.path(ofURI: document.uri)
        let name = path ?? (document.uri.split(separator: "/").last.map(String.init).flatMap { $0.removingPercentEncoding } ?? "untitled")
        // A Word file or a PDF is no text an editor shows by lines.
        if DocumentReaders.reader(forPath: name).placesFindingsInConversion {
            result.skipped = "not a format eqlint checks as text"
            return result
        }
        let context: LintContext
        do {
            context = try contexts.context(forFile: path)
        } catch {
            result.findings = [Self.configurationFinding(error, path: name)]
            result.skipped = "the configuration does not load"
            return result
        }
        let included = path.map { context.configuration.includes(absolutePath: $0) } ?? true
        guard included else {
            result.skipped = "the configuration excludes it"
            return result
        }
        let named = path.map { !context.configuration.include.isEmpty && context.configuration.includes(absolutePath: $0) } ?? false
        var source = SourceFile(path: name, text: document.text)
        // An untitled document's language says how to read it.
        if path == nil, document.languageID == "plaintext" || document.languageID == "text" { source.format = "text" }
        if path == nil, document.languageID == "html" { source.format = "html" }
        let outcome = context.linter.check(source)
        for stopped in outcome.stoppedPatterns {
            Log.write("\(name): a rule pattern was stopped: \(stopped)")
        }
        if outcome.objectiveCount == 0, !named, !Self.looksLikePlan(source, context: context) {
            result.skipped = "not a plan (no objectives, dates or mention of equality)"
            return result
        }
        // A byte-order mark is in the editor's text but not in the source's bytes.
        let shift = document.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        result.ruleSet = context.linter.ruleSet
        func range(_ span: Range<Int>) -> LSPRange {
            LSPRange(start: document.position(of: span.lowerBound + shift, encoding: encoding),
                     end: document.position(of: span.upperBound + shift, encoding: encoding))
        }
        result.findings = outcome.diagnostics.map { diagnostic in
            let start = source.offset(of: diagnostic.range.start)
            let end = max(source.offset(of: diagnostic.range.end), start)
            var finding = CheckResult.Finding(diagnostic: diagnostic, range: range(start..<end))
            finding.fixes = diagnostic.fixIts.map { fixIt in
                CodeActions.Fix(fixIt: fixIt, edits: fixIt.edits.map { CodeActions.Edit(range: range($0.span), text: $0.replacement) })
            }
            return finding
        }
        return result
    }

    /// Whether a file with no objectives is meant as a plan (a new one, being
    /// written) rather than a README or notes: a repository's own documents
    /// never are; others are when they have front matter or a period, or
    /// speak of equality near their start.
    static func looksLikePlan(_ source: SourceFile, context: LintContext) -> Bool {
        guard !PlanFinder.isProjectDocument(source.path) else { return false }
        let plan = context.linter.parser.parse(source)
        if !plan.frontMatter.isEmpty || plan.period != nil { return true }
        let opening = String(decoding: source.bytes.prefix(4096), as: UTF8.self).lowercased()
        return opening.contains("equality")
    }

    /// A configuration that does not load, as one finding at the top of the plan.
    static func configurationFinding(_ error: RuleFileError, path: String) -> CheckResult.Finding {
        let start = SourceLocation(line: 1, column: 1)
        var diagnostic = Diagnostic(path: path, range: SourceRange(start: start, end: start), severity: .error,
                                    ruleID: LSPDiagnostic.configurationCode,
                                    message: "eqlint could not load its configuration, so this plan is not checked: \(error.description)",
                                    help: "Correct the configuration or rule file; the plan is checked again when it is saved.")
        diagnostic.faultText = ""
        let origin = LSPPosition(line: 0, character: 0)
        return CheckResult.Finding(diagnostic: diagnostic, range: LSPRange(start: origin, end: origin))
    }
}

/// The server's log: standard error, which editors keep in their LSP log.
enum Log {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data("eqlint lsp: \(line)\n".utf8))
    }
}
