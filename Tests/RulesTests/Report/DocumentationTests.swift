import EqlintKit
import Foundation
import Testing

/// The README documents every rule, every output format and the two set-up commands.
@Suite("Documentation")
struct DocumentationTests {
    static let readme = (try? String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    @Test("every default rule has a row in the README's rules table, with its severity and a link to its explanation")
    func rulesTable() {
        for rule in TestSupport.builtInRuleSet.rules {
            #expect(Self.readme.contains("| [`\(rule.id)`](docs/rules.md#\(rule.id)) | \(rule.severity.rawValue) |"),
                    "README lacks a row for \(rule.id)")
        }
    }

    /// The README and the pages in docs/, where its sections may move.
    static let documentation: [String] = {
        let docs = TestSupport.packageRoot.appendingPathComponent("docs")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return [readme] + pages.compactMap { try? String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8) }
    }()

    @Test("every registered format has a row in the table of formats", arguments: Reporters.identifiers)
    func formatsTable(format: String) {
        #expect(Self.documentation.contains { $0.contains("\n| `\(format)` | ") },
                "no row '| `\(format)` | ...' in the README's Output table of formats")
    }

    @Test("the README's options of check name every registered format for --format", arguments: Reporters.identifiers)
    func formatOption(format: String) throws {
        let row = try #require(Self.readme.split(separator: "\n").first { $0.hasPrefix("| `--format FORMAT` |") },
                               "no row for `--format FORMAT` in the README's options of check")
        let name = format == Reporters.default.identifier ? "`\(format)` (default)" : "`\(format)`"
        #expect(row.contains(name), "the README's `--format FORMAT` row does not name \(name)")
    }

    @Test("every default rule says why it matters, for eqlint explain")
    func everyRuleExplained() {
        for rule in TestSupport.builtInRuleSet.rules {
            #expect(rule.why != nil, "\(rule.id) has no 'why'")
        }
    }

    @Test("docs/rules.md is the explanation of every rule, as eqlint explain prints it")
    func rulesReference() {
        // Help gives example dates from the day checked on: the reference shows those of the golden day.
        let ruleSet = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday).ruleSet
        assertSnapshot(RuleCatalog.reference(ruleSet), named: "rules.md",
                       at: TestSupport.packageRoot.appendingPathComponent("docs/rules.md"))
    }

    @Test("every example plan a user may copy passes every rule: the README's, plan-format.md's and the model plan")
    func copiedExamplesPass() throws {
        let planFormat = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        // plan-format.md's example is indented under "## 7. An example"; the README's is a ```markdown block with an objective.
        let section = try #require(planFormat.range(of: "## 7. An example")).upperBound
        let indented = planFormat[section...].split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("    ") }.prefix { $0.hasPrefix("    ") || $0.isEmpty }.map { $0.dropFirst(4) }
        let readmePlans = Self.readme.components(separatedBy: "```markdown\n").dropFirst()
            .compactMap { $0.components(separatedBy: "```").first }
            .filter { $0.contains("## Objective") && $0.hasPrefix("---") }
        let model = try String(contentsOf: TestSupport.examplesDirectory.appendingPathComponent("model-plan.md"), encoding: .utf8)
        let examples = [("docs/plan-format.md §7", indented.joined(separator: "\n")), ("examples/model-plan.md", model)]
            + readmePlans.map { ("README.md", $0) }
        #expect(examples.count >= 3)
        for (place, plan) in examples {
            #expect(plan.contains("## Objective"), "\(place): no example plan found")
            let findings = TestSupport.lint(plan)
            #expect(findings.isEmpty, "\(place): \(findings.map { "\($0.range.start) \($0.ruleID): \($0.message)" })")
        }
    }

    @Test("the README gives the two set-up commands")
    func setUpCommands() {
        #expect(Self.readme.contains("swift run eqlint check examples"))
        #expect(Self.readme.contains("swift test"))
    }
}
