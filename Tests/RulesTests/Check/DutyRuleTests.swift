import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// The rules of the equality duty beyond each rule's own examples: exact
/// places, the edges of the general checks, and rule-file errors.
@Suite("Duty rules")
struct DutyRuleTests {
    @Test("avoids points at the phrase itself, through markup, and names the better term")
    func avoidsPointsAtPhrase() {
        let findings = TestSupport.lint("# Plan\n\nOur duties under the **Equalities** Act and the Equality Act 2000.\n",
                                        rules: ["nonstatutory-term"])
        #expect(findings.map(\.range.start) == [loc(3, 24), loc(3, 49)])
        #expect(findings.map(\.range.end) == [loc(3, 40), loc(3, 66)])
        #expect(findings.first?.message == "\u{201C}Equalities Act\u{201D} is not the legal name: write \u{201C}the Equality Act 2010\u{201D}")
    }

    @Test("avoids matches whole words only, and never inside an HTML comment")
    func avoidsWholeWords() {
        #expect(TestSupport.lint("# Plan\n\nThe inequalities act of kindness.\n", rules: ["nonstatutory-term"]).isEmpty)
        #expect(TestSupport.lint("# Plan\n\n<!-- TODO: check -->\nDone.\n", rules: ["placeholder-text"]).isEmpty)
        let todo = TestSupport.lint("# Plan\n\nLead: TODO\n", rules: ["placeholder-text"])
        #expect(todo.map(\.range.start) == [loc(3, 7)])
    }

    @Test("placeholder patterns find (name) and [Insert ...] at their columns")
    func placeholderPatterns() {
        let findings = TestSupport.lint("# (name) School \u{2013} [Insert date of approval]\n", rules: ["placeholder-text"])
        #expect(findings.map(\.range.start) == [loc(1, 3), loc(1, 19)])
    }

    @Test("acronyms: first use, spelt out either way, Glossary, plurals, names and shouting")
    func acronyms() {
        let plan = """
            # THE CARE Federation EQUALITY PLAN

            Every LAC pupil has a plan. Looked after children (LAC) are tracked.
            The Enhanced Specialist Provision (ESP) and ESP (twice) are fine; so are SEND and TAs.
            CPOMS (Child Protection Online Monitoring System) records incidents. We use PINS.

            ## Glossary

            - **TA**: teaching assistant
            """
        let findings = TestSupport.lint(plan, rules: ["acronym-undefined"])
        #expect(findings.map(\.message) == [
            "\u{201C}LAC\u{201D} is not spelt out: a parent may not know what it means",
            "\u{201C}PINS\u{201D} is not spelt out: a parent may not know what it means",
        ])
        #expect(findings.map(\.range.start) == [loc(3, 7), loc(5, 77)])
    }

    @Test("acronyms in a lead are left to lead-initials")
    func acronymsSkipLeads() {
        #expect(TestSupport.lint("## Objective 1\n\n**Lead:** HP/NO\n", rules: ["acronym-undefined"]).isEmpty)
        #expect(TestSupport.lint("## Objective 1\n\n**Lead:** HP/NO\n", rules: ["lead-initials"]).count == 1)
    }

    @Test("small numbers: counts of pupils, not year groups, ages, percentages or times", arguments: [
        ("We have 3 pupils with an EHCP.", true),
        ("Two disabled children joined.", true),
        ("4 Traveller children attend.", true),
        ("Attendance of Year 2 pupils rose.", false),
        ("Children aged 4 pupils", false),
        ("Only 3% of pupils were absent.", false),
        ("Over 3 years children will learn.", false),
        ("3 staff meetings a term.", false),
        ("We have 12 pupils with an EHCP.", false),
        ("Objective 3. Pupils feel safe.", false),
        ("2.5 pupils on average", false),
    ])
    func smallNumbers(text: String, fires: Bool) {
        #expect(TestSupport.lint("# Plan\n\n\(text)\n", rules: ["small-numbers"]).isEmpty != fires)
    }

    @Test("small numbers point at the count and the group")
    func smallNumberRange() {
        let findings = TestSupport.lint("# Plan\n\nWe have 3 disabled pupils.\n", rules: ["small-numbers"])
        #expect(findings.map(\.range) == [SourceRange(start: loc(3, 9), end: loc(3, 26))])
        #expect(findings.first?.message.hasPrefix("\u{201C}3 disabled pupils\u{201D} is a small number") == true)
    }

    @Test("pupil-characteristic: age as a characteristic, not age-appropriate; staff objectives exempt")
    func pupilCharacteristic() {
        #expect(TestSupport.lint("## Objective 1: Pupils learn about age discrimination\n", rules: ["pupil-characteristic"]).count == 1)
        #expect(TestSupport.lint("## Objective 1: Age-appropriate lessons for pupils\n", rules: ["pupil-characteristic"]).isEmpty)
        #expect(TestSupport.lint("## Objective 1: Pupils and staff: age discrimination\n", rules: ["pupil-characteristic"]).isEmpty)
        #expect(TestSupport.lint("## Objective 1: Age discrimination in recruitment\n", rules: ["pupil-characteristic"]).isEmpty)
    }

    @Test("timescales: order, the plan's period with a month's grace, and the title against the front matter")
    func timescales() {
        let plan = """
            ---
            period: 2025-09 to 2028-08
            ---
            # Equality objectives 2024-2027

            ## Objective 1

            | Action | Time frame |
            |---|---|
            | Audit | July 2026 to March 2026 |
            | Train | August 2025 to September 2028 |
            | Review | By July 2029 |
            """
        let findings = TestSupport.lint(plan, rules: ["timescale-order", "timescale-outside-plan", "period-mismatch"])
        #expect(findings.map(\.ruleID) == ["period-mismatch", "timescale-order", "timescale-outside-plan"])
        #expect(findings.map(\.range.start.line) == [4, 10, 12])
        #expect(findings[0].message == "The title says September 2024 to August 2027 but the front matter's period is September 2025 to August 2028")
        #expect(findings[2].message.hasSuffix("it ends on 31 July 2029, after the plan's period ends"))
    }

    @Test("period-mismatch: a front matter period written backwards does not crash (found by the rules fuzzer)")
    func backwardsPeriod() {
        let findings = TestSupport.lint("---\nperiod: 2028-09 to 2020-08\n---\n# Equality objectives 2021\n", rules: ["period-mismatch"])
        #expect(findings.map(\.ruleID) == ["period-mismatch"])
    }

    @Test("evaluation-due: due by the last timescale date; an empty heading points at the heading")
    func evaluationDue() {
        let plan = """
            ## Objective 1

            **Timescale:** September 2024 to July 2025

            | Action | Time frame |
            |---|---|
            | Audit | By July 2026 |

            ## Objective 2

            **Timescale:** By July 2025

            ### Progress

            ## Objective 3

            **Timescale:** By July 2025

            **Progress:** Attendance rose to 92%.
            """
        let findings = TestSupport.lint(plan, rules: ["evaluation-due"])
        #expect(findings.map(\.range.start) == [loc(1, 4), loc(13, 5)])
        #expect(findings[0].message == "Objective 1 was due by 31 July 2026, and no evaluation or progress is recorded")
        #expect(findings[1].message == "Objective 2 has an empty evaluation section: record the progress made so far")
    }

    @Test("readability: sentence length, then reading ease, then acronyms")
    func readability() {
        func problem(_ text: String) -> String? {
            TestSupport.lint("## Objective 1\n\n**Child-friendly version:** \(text)\n", rules: ["child-friendly-readability"]).first?.message
        }
        #expect(problem("We want you to be happy. We will help.") == nil)
        #expect(problem(String(repeating: "we can ", count: 11) + "go.")?.contains("a sentence of 23 words") == true)
        // Reading ease is judged from 30 words: one short sentence of long words is not.
        #expect(problem("Institutional accountability necessitates comprehensive evaluation.") == nil)
        #expect(problem(String(repeating: "Institutional accountability necessitates comprehensive evaluation. ", count: 6))?
            .contains("reading-ease score of") == true)
        #expect(problem("We help children with SEND.")?.contains("\u{201C}SEND\u{201D}") == true)
    }

    @Test("plan-publication: front matter or words in the plan; the missing one is named")
    func publication() {
        #expect(TestSupport.lint("---\napproved: 2025-10-01\nreview: 2026-07\n---\n# Plan\n", rules: ["plan-publication"]).isEmpty)
        #expect(TestSupport.lint("# Plan\n\nRatified by governors. Date of next review: July 2026.\n", rules: ["plan-publication"]).isEmpty)
        let missing = TestSupport.lint("# Plan\n\nRatified by governors.\n", rules: ["plan-publication"])
        #expect(missing.first?.message.hasSuffix("(missing: review)") == true)
    }
}

extension DutyRuleTests {
    static func rule(_ extra: String) -> String {
        """
        {
          id: "trust-rule", severity: "warning", summary: "A trust rule.", scope: "objective",
          check: "mentions", options: { vocabulary: "characteristics" },
          \(extra)
          message: "{objective}", help: "Fix it.", source: "Trust policy.", basis: "good-practice",
          examples: { pass: ["## Objective 1: Girls"], fail: ["## Objective 1"] },
        }
        """
    }

    @Test("a broken when, unless or groups option is an error at its place", arguments: [
        ("when: { vocabulary: \"people\", pattern: \"x\" },", "4:9", "'when' needs either 'vocabulary' (a list to mention) or 'pattern', not both"),
        ("unless: { vocabulary: \"nope\" },", "4:25", "no vocabulary list is named 'nope'"),
        ("when: { vocabulary: \"people\", groups: [\"parents\"] },", "4:23", "the vocabulary list 'people' has no group 'parents'; its groups are pupils, staff"),
        ("when: { pattern: \"(a+)+\" },", "4:20", "'pattern'"),
        ("when: { vocabulary: \"people\", colour: 1 },", "4:33", "unknown key 'colour' in 'when'"),
    ])
    func brokenConditions(extra: String, place: String, message: String) {
        let loaded = TestSupport.loadRules([("rules/trust-rule.json5", Self.rule(extra))] + Self.defaultFiles)
        guard case .failure(let error) = loaded else {
            Issue.record("the rule loaded")
            return
        }
        #expect(error.description.hasPrefix("rules/trust-rule.json5:\(place): "), "\(error.description)")
        #expect(error.description.contains(message), "\(error.description)")
    }

    @Test("a condition on an action rule is refused")
    func conditionOnAction() {
        let text = Self.rule("when: { pattern: \"x\" },").replacingOccurrences(of: "scope: \"objective\"", with: "scope: \"action\"")
            .replacingOccurrences(of: "check: \"mentions\", options: { vocabulary: \"characteristics\" }", with: "field: \"lead\", check: \"present\"")
        guard case .failure(let error) = TestSupport.loadRules([("rules/trust-rule.json5", text)] + Self.defaultFiles) else {
            Issue.record("the rule loaded")
            return
        }
        #expect(error.description == "rules/trust-rule.json5:4:3: 'when' does not apply to scope 'action'")
    }

    static let defaultFiles: [(String, String)] = {
        (try? RuleSet.files(inDirectory: TestSupport.rulesDirectory.path).map { ($0.path, $0.text) }) ?? []
    }()
}
