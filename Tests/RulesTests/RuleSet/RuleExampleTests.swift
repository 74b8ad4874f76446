import EqlintPlan
import EqlintText
import Foundation
@testable import Rules
import Testing

/// Every rule's own examples, run as tests: each example is checked with the
/// whole rule set (as a plan would be), and must give no finding of the rule
/// if it is a `pass` example and at least one if it is a `fail` example; a
/// fail example that pins where it fires (`expect: "3:4"`) must fire there
/// and nowhere else, and no message may have an empty placeholder. A
/// failure is reported at the example's line in its rule file.
///
/// Besides the default rules, the rules in `Tests/RulesTests/Fixtures/rules/`
/// (turned off, so they change nothing else) run their examples: they
/// exercise the checks no default rule uses.
@Suite("Rule examples")
struct RuleExampleTests {
    static let rules = TestSupport.exampleRuleSet.rules

    /// Where a failure about an example is reported: its line in its rule file.
    static func place(of example: RuleExample, in rule: Rule) -> Testing.SourceLocation {
        Testing.SourceLocation(fileID: "eqlint/\(rule.origin.path)", filePath: rule.origin.path,
                               line: example.location.line, column: example.location.column)
    }

    /// The rules an example is checked with: those turned on, and the rule itself.
    static func rules(for rule: Rule) -> [Rule] {
        TestSupport.exampleRuleSet.rules.filter { $0.enabled || $0.id == rule.id }
    }

    static func linter(for rule: Rule) -> Linter {
        Linter(ruleSet: TestSupport.exampleRuleSet, today: rule.examples.today ?? CalendarDay(year: 2026, month: 1, day: 1))
    }

    @Test("examples pass and fail as they say, where they say", arguments: rules.map(\.id))
    func examples(ruleID: String) throws {
        let rule = try #require(TestSupport.exampleRuleSet.rule(id: ruleID))
        let linter = Self.linter(for: rule)
        for (expectFailure, examples) in [(false, rule.examples.pass), (true, rule.examples.fail)] {
            for example in examples {
                let findings = linter.lint(SourceFile(path: "example.md", text: example.text), rules: Self.rules(for: rule))
                    .filter { $0.ruleID == rule.id }
                let place = Self.place(of: example, in: rule)
                if expectFailure, findings.isEmpty {
                    Issue.record("\(rule.id): this example should fail but gives no finding", sourceLocation: place)
                } else if !expectFailure, let first = findings.first {
                    Issue.record(Comment(rawValue: "\(rule.id): this example should pass but gives \(findings.count) finding(s), first at "
                        + "\(first.range.start): \(first.message)"), sourceLocation: place)
                } else if !example.expected.isEmpty, findings.map(\.range.start) != example.expected {
                    let expected = example.expected.map { "\($0)" }.joined(separator: ", ")
                    let actual = findings.map { "\($0.range.start) (\($0.message))" }.joined(separator: ", ")
                    Issue.record(Comment(rawValue: "\(rule.id): this example expects findings at \(expected), but they are at \(actual)"),
                                 sourceLocation: place)
                }
            }
        }
    }

    @Test("each fix turns its examples' text before into their text after, in one go", arguments: rules.filter { !$0.examples.fixed.isEmpty }.map(\.id))
    func fixExamples(ruleID: String) throws {
        let rule = try #require(TestSupport.exampleRuleSet.rule(id: ruleID))
        let linter = Self.linter(for: rule)
        for example in rule.examples.fixed {
            let place = Testing.SourceLocation(fileID: "eqlint/\(rule.origin.path)", filePath: rule.origin.path,
                                               line: example.location.line, column: example.location.column)
            let before = SourceFile(path: "example.md", text: example.before)
            let fixIts = linter.lint(before, rules: Self.rules(for: rule)).filter { $0.ruleID == rule.id }.flatMap(\.fixIts)
            if fixIts.isEmpty { Issue.record("\(rule.id): this example's text before gives no fix", sourceLocation: place) }
            let fixed = linter.fix(before, rules: Self.rules(for: rule), safeties: Set(FixIt.Safety.allCases),
                                   keep: { $0.filter { $0.ruleID == rule.id } })
            let after = String(decoding: fixed.bytes, as: UTF8.self)
            if after != example.after {
                Issue.record(Comment(rawValue: "\(rule.id): fixed, this example reads\n\(after)\nnot\n\(example.after)"), sourceLocation: place)
            }
            if !fixed.settled { Issue.record("\(rule.id): this example's fixes do not settle", sourceLocation: place) }
            // The text after has nothing left for the rule to fix.
            let left = linter.lint(SourceFile(path: "example.md", text: example.after), rules: Self.rules(for: rule))
                .filter { $0.ruleID == rule.id && !$0.fixIts.isEmpty }
            if let first = left.first {
                Issue.record(Comment(rawValue: "\(rule.id): the text after still has a fix at \(first.range.start): \(first.fixIts[0].title)"),
                             sourceLocation: place)
            }
        }
    }

    @Test("no placeholder of a fail example's message or help renders empty", arguments: rules.map(\.id))
    func noEmptyPlaceholders(ruleID: String) throws {
        let rule = try #require(TestSupport.exampleRuleSet.rule(id: ruleID))
        let linter = Self.linter(for: rule)
        for example in rule.examples.fail {
            let source = SourceFile(path: "example.md", text: example.text)
            let found = linter.findings(in: source, rules: Self.rules(for: rule), stops: PatternStops(path: source.path))
            for (_, finding) in found.findings.filter({ found.rules[$0.rule].id == rule.id }) {
                let empty = rule.message.emptyPlaceholders(finding.values, parts: rule.parts)
                    // The linter's copy of the rule has its help's example dates filled in (`ExampleDates`).
                    + (linter.ruleSet.rule(id: rule.id)?.helpTemplate?.emptyPlaceholders(finding.values, parts: rule.parts) ?? [])
                if !empty.isEmpty {
                    Issue.record(Comment(rawValue: "\(rule.id): the finding at \(finding.range.start) renders "
                        + "\(empty.map { "{\($0)}" }.joined(separator: ", ")) empty: "
                        + rule.message.render(finding.values, parts: rule.parts)), sourceLocation: Self.place(of: example, in: rule))
                }
            }
        }
    }

    @Test("a finding's placeholders are found empty as rendering leaves them")
    func emptyPlaceholderDetection() throws {
        let template = try MessageTemplate("{objective}: {problem}")
        let parts = ["full": try MessageTemplate("{words} words"), "blank": try MessageTemplate("{missing}")]
        #expect(template.emptyPlaceholders(["objective": .text("Objective 1"), "problem": .part("full"), "words": .text("30")], parts: parts).isEmpty)
        #expect(template.emptyPlaceholders(["objective": .text(""), "problem": .part("full"), "words": .text("30")], parts: parts) == ["objective"])
        #expect(template.emptyPlaceholders(["objective": .text("O"), "problem": .part("full")], parts: parts) == ["words"])
        #expect(template.emptyPlaceholders(["objective": .text("O"), "problem": .part("blank")], parts: parts) == ["missing", "problem"])
        #expect(template.emptyPlaceholders(["objective": .text("O"), "problem": .part("absent")], parts: parts) == ["problem"])
        #expect(template.emptyPlaceholders(["problem": .part("full"), "words": .text("3")], parts: parts) == ["objective"])
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
