import EqlintText
import Foundation
import Rules
import Testing

/// Every rule's own examples, run as tests: each example is checked with the
/// whole rule set (as a plan would be), and must give no finding of the rule
/// if it is a `pass` example and at least one if it is a `fail` example. A
/// failure is reported at the example's line in its rule file.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = TestSupport.sourceRuleSet.rules

    @Test("examples pass and fail as they say", arguments: rules.map(\.id))
    func examples(ruleID: String) throws {
        let ruleSet = TestSupport.sourceRuleSet
        let rule = try #require(ruleSet.rule(id: ruleID))
        let today = rule.examples.today ?? CalendarDay(year: 2026, month: 1, day: 1)
        let linter = Linter(ruleSet: ruleSet, today: today)
        for (expectFailure, examples) in [(false, rule.examples.pass), (true, rule.examples.fail)] {
            for example in examples {
                let rules = ruleSet.rules.filter { $0.enabled || $0.id == rule.id }
                let findings = linter.lint(SourceFile(path: "example.md", text: example.text), rules: rules).filter { $0.ruleID == rule.id }
                let place = Testing.SourceLocation(
                    fileID: "eqlint/\(rule.origin.path)", filePath: rule.origin.path,
                    line: example.location.line, column: example.location.column)
                if expectFailure, findings.isEmpty {
                    Issue.record("\(rule.id): this example should fail but gives no finding", sourceLocation: place)
                } else if !expectFailure, let first = findings.first {
                    Issue.record(Comment(rawValue: "\(rule.id): this example should pass but gives \(findings.count) finding(s), first at "
                        + "\(first.range.start): \(first.message)"), sourceLocation: place)
                }
            }
        }
    }

    @Test("every rule has examples that pass and examples that fail")
    func everyRuleHasExamples() {
        for rule in Self.rules {
            #expect(!rule.examples.pass.isEmpty, "\(rule.id) has no passing example")
            #expect(!rule.examples.fail.isEmpty, "\(rule.id) has no failing example")
        }
    }

    @Test("the rule set holds the rules the issue asks for")
    func requiredRules() {
        let expected: [String: Severity] = [
            "plan-has-objectives": .error, "plan-expired": .error, "plan-period-ended": .warning,
            "plan-period-too-long": .error, "plan-dates": .warning, "objective-aim": .error, "objective-lead": .error,
            "objective-success-criteria": .error, "objective-measurable": .error, "criterion-vague": .warning,
            "objective-timescale": .error, "timescale-end-date": .warning, "objective-child-friendly": .error,
        ]
        for (id, severity) in expected {
            #expect(TestSupport.sourceRuleSet.rule(id: id)?.severity == severity, "\(id) should be a default \(severity) rule")
        }
    }

    @Test("the built-in rules are exactly the files in rules/")
    func embeddedMatchesSource() {
        let embedded = TestSupport.builtInRuleSet.rules.map { "\($0.id) \($0.origin.path) \($0.origin.location)" }
        let source = TestSupport.sourceRuleSet.rules.map {
            "\($0.id) rules/\(URL(fileURLWithPath: $0.origin.path).lastPathComponent) \($0.origin.location)"
        }
        #expect(embedded == source)
        #expect(TestSupport.builtInRuleSet.vocabulary.lists.keys.sorted() == TestSupport.sourceRuleSet.vocabulary.lists.keys.sorted())
    }
}
