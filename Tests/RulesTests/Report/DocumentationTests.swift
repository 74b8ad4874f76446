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

    @Test("every default rule says why it matters, for eqlint explain")
    func everyRuleExplained() {
        for rule in TestSupport.builtInRuleSet.rules {
            #expect(rule.why != nil, "\(rule.id) has no 'why'")
        }
    }

    @Test("docs/rules.md is the explanation of every rule, as eqlint explain prints it")
    func rulesReference() {
        assertSnapshot(RuleCatalog.reference(TestSupport.builtInRuleSet), named: "rules.md",
                       at: TestSupport.packageRoot.appendingPathComponent("docs/rules.md"))
    }

    @Test("the README gives the two set-up commands")
    func setUpCommands() {
        #expect(Self.readme.contains("swift run eqlint check examples"))
        #expect(Self.readme.contains("swift test"))
    }
}
