import EqlintKit
import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// Paths and helpers shared by the tests. Everything is found from this
/// file's own path, so the tests run from any directory on a clean clone.
enum TestSupport {
    /// The package's root directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let rulesDirectory = packageRoot.appendingPathComponent("rules")
    static let examplesDirectory = packageRoot.appendingPathComponent("examples")
    static let snapshotsDirectory = packageRoot.appendingPathComponent("Tests/RulesTests/Snapshots")

    /// The day the golden files are checked on.
    static let goldenToday = CalendarDay(year: 2026, month: 11, day: 23)

    /// The default rule set read from `rules/` in the source tree, with real
    /// file paths, so a failing example points into its rule file.
    static let sourceRuleSet: RuleSet = {
        do {
            let files = try RuleSet.files(inDirectory: rulesDirectory.path)
            return try RuleSet.load(layers: [files])
        } catch {
            fatalError("rules/ does not load: \(error)")
        }
    }()

    /// The rules in `Tests/RulesTests/Fixtures/rules/`: turned off, for the
    /// checks no default rule uses, so that their examples run too.
    static let fixtureRulesDirectory = packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/rules")

    /// The default rules from `rules/` and the fixture rules on top: whose
    /// examples `RuleExampleTests` runs.
    static let exampleRuleSet: RuleSet = {
        do {
            return try RuleSet.load(layers: [try RuleSet.files(inDirectory: rulesDirectory.path),
                                             try RuleSet.files(inDirectory: fixtureRulesDirectory.path)])
        } catch {
            fatalError("rules/ and the fixture rules do not load: \(error)")
        }
    }()

    /// The built-in (embedded) rule set.
    static let builtInRuleSet: RuleSet = {
        do { return try RuleSet.defaults() } catch { fatalError("the built-in rules do not load: \(error)") }
    }()

    /// What the reporters of the golden files are built from: the built-in
    /// rules, no colour, and paths relative to the package root.
    static let reporterContext = ReporterContext(ruleSet: builtInRuleSet, currentDirectory: packageRoot.path,
                                                 baseDirectory: packageRoot.path)

    /// Parses Markdown with the default vocabulary.
    static func parse(_ markdown: String, path: String = "plan.md") -> Plan {
        PlanParser(vocabulary: builtInRuleSet.vocabulary).parse(SourceFile(path: path, text: markdown))
    }

    /// Lints Markdown with the default rules (or only some of them).
    static func lint(_ markdown: String, rules ids: [String]? = nil, today: CalendarDay = goldenToday) -> [Diagnostic] {
        let linter = Linter(ruleSet: builtInRuleSet, today: today)
        let rules = builtInRuleSet.rules.filter { ids?.contains($0.id) ?? true }
        return linter.lint(SourceFile(path: "plan.md", text: markdown), rules: rules)
    }

    /// A loaded rule set from in-memory files, or the error it raises.
    static func loadRules(_ files: [(String, String)]) -> Result<RuleSet, RuleFileError> {
        Result { () throws(RuleFileError) in try RuleSet.load(layers: [files.map { (path: $0.0, text: $0.1) }]) }
    }
}

/// Golden files: compares text with `Tests/RulesTests/Snapshots/<name>`.
/// Set `EQLINT_RECORD_SNAPSHOTS=1` to write them afresh; a missing one is
/// written and the test fails, so nothing passes unseen.
func assertSnapshot(_ actual: String, named name: String, at url: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = url ?? TestSupport.snapshotsDirectory.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["EQLINT_RECORD_SNAPSHOTS"] != nil
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record { Issue.record("No snapshot \(name) existed; recorded it. Check it and run again.", sourceLocation: sourceLocation) }
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
    let want = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end of file>"
    let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end of file>"
    Issue.record(Comment(rawValue:
        "Snapshot \(name) differs at line \(firstDifference + 1):\n  expected: \(want)\n  actual:   \(got)\n"
            + "(set EQLINT_RECORD_SNAPSHOTS=1 to re-record if the change is intended)"),
        sourceLocation: sourceLocation)
}

/// A 1-based line and column, for expected diagnostics.
func loc(_ line: Int, _ column: Int) -> EqlintText.SourceLocation { EqlintText.SourceLocation(line: line, column: column) }
