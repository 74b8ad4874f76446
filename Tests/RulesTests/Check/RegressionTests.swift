import EqlintKit
import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// Cases a review or a stress run found wrong once, kept right.
@Suite("Regressions")
struct RegressionTests {

    @Test("a misspelt eqlint-enable is reported, and a named enable ends a bare disable")
    func enableDirectives() {
        let misspelt = TestSupport.lint("""
            <!-- eqlint-disable objective-lead -->
            ## Objective 1
            <!-- eqlint-enable objective-laed -->
            ## Objective 2
            """, rules: ["objective-lead", "unused-suppression"])
        #expect(misspelt.map(\.ruleID) == ["unused-suppression"])
        #expect(misspelt.first?.range.start.line == 3)
        let named = TestSupport.lint("<!-- eqlint-disable -->\n## Objective 1\n<!-- eqlint-enable objective-lead -->\n## Objective 2\n",
                                     rules: ["objective-lead"])
        #expect(named.map(\.range.start.line) == [4])
    }

    @Test("an empty front matter value is not a date; the title's period is used")
    func emptyFrontMatter() {
        let plan = TestSupport.parse("---\nperiod:\npublished: \"\"\n---\n# Equality objectives 2025-2028\n")
        #expect(plan.period?.source.location == loc(5, 3))
        #expect(TestSupport.lint("---\nperiod:\n---\n# Plan\n", rules: ["plan-dates"]).count == 1)
    }

    @Test("bare years joined by 'to' run September to August; an ISO day is a day")
    func yearRanges() {
        #expect(DateReader.span(in: "2023 to 2027") == DateSpan(start: CalendarDay(iso: "2023-09-01"), end: CalendarDay(iso: "2027-08-31")))
        #expect(DateReader.span(in: "2010-11-01") == DateSpan(start: CalendarDay(iso: "2010-11-01"), end: CalendarDay(iso: "2010-11-01")))
        #expect(DateReader.span(in: "2010-11") == DateSpan(start: CalendarDay(iso: "2010-09-01"), end: CalendarDay(iso: "2011-08-31")))
    }

    @Test("a Glossary keeps its sub-headings, and the first separator ends a term")
    func glossary() {
        let plan = TestSupport.parse("""
            ## Glossary
            ### Staff roles
            - **HP** \u{2013} Head of School: leads the plan
            KH: Key stage lead
            """)
        #expect(plan.glossary.keys.sorted() == ["HP", "KH"])
        #expect(plan.glossary["HP"]?.text == "Head of School: leads the plan")
    }

    @Test("a label with no value takes its list, and a paragraph after the list ends it")
    func labelBody() {
        let plan = TestSupport.parse("""
            ## Objective 1
            **Success criteria:**

            - Attendance rises to 95%

            These criteria are reviewed each year.
            """)
        #expect(plan.objectives[0].entries(of: "success").map(\.text) == ["Attendance rises to 95%"])
    }

    @Test("readability: a long number is one word, and long words lower the reading-ease score")
    func readabilityDigits() {
        // Repeated to the 30 words from which the score is judged.
        let text = String(repeating: "123456789012345678901 Internationalisation. ", count: 15)
        let findings = TestSupport.lint("## Objective 1\nChild-friendly version: \(text)\n", rules: ["child-friendly-readability"])
        #expect(findings.first?.message.contains("reading-ease score of") == true)
    }

    @Test("a trust's rule is listed with where it comes from, whatever its folder is called")
    func trustRuleOrigin() throws {
        let rule = try String(contentsOf: TestSupport.rulesDirectory.appendingPathComponent("objective-rationale.json5"), encoding: .utf8)
            .replacingOccurrences(of: "id: \"objective-rationale\"", with: "id: \"trust-groups\"")
        let set = try RuleSet.load(layers: [
            try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path),
            [(path: "rules/trust/trust-groups.json5", text: rule)],
        ], defaultLayers: 1)
        #expect(RuleCatalog.listing(set).contains("(from rules/trust/trust-groups.json5)"))
        #expect(!RuleCatalog.listing(set).contains("(from \(TestSupport.rulesDirectory.path)"))
    }
}

extension ConfigurationTests {
    @Test("requireSuppressionReason turns on suppression-reason; an unknown vocabulary list is an error")
    func suppressionReasonAndVocabulary() throws {
        let root = try Self.repository([".eqlint.json5": "{ requireSuppressionReason: true }"])
        var resolver = Self.resolver(root)
        let rule = try #require(try resolver.context(forDirectory: ".").linter.ruleSet.rule(id: "suppression-reason"))
        #expect(rule.enabled && rule.configuredBy == ".eqlint.json5")
        let error = try #require(try Self.loadError("{ vocabulary: { lables: { lead: [\"Leader\"] } } }"))
        #expect(error.description == ".eqlint.json5:1:17: no vocabulary list is named 'lables'; did you mean 'labels'?")
    }
}
