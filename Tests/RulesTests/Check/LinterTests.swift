import EqlintPlan
import EqlintText
@testable import Rules
import Testing

@Suite("Checking plans")
struct LinterTests {

    @Test("diagnostics put in reading order in place, as a copy in that order would have them")
    func permuteInPlace() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 7, 40] {
            for _ in 0..<20 {
                let order = Array(0..<count).shuffled(using: &generator)
                var items = (0..<count).map { "item \($0)" }
                let expected = order.map { items[$0] }
                Linter.permute(&items, to: order)
                #expect(items == expected)
            }
        }
    }

    @Test("a missing field points at its objective's heading")
    func missingFieldAtHeading() {
        let findings = TestSupport.lint("# Plan 2025-2028\n\n### Objective 2: Reduce bullying\n", rules: ["objective-lead"])
        #expect(findings.count == 1)
        #expect(findings.first?.range.start == loc(3, 5))
        #expect(findings.first?.message == "Objective 2 has no lead: nobody is named as responsible for it")
    }

    @Test("a vague criterion points at its own text")
    func vagueCriterionAtText() {
        let findings = TestSupport.lint("""
            ## Objective 1
            ### Success criteria
            - Attendance rises to 95%
            -   Positive feedback from staff
            """, rules: ["criterion-vague"])
        #expect(findings.map(\.range.start) == [loc(4, 5)])
        #expect(findings.first?.message.contains("Positive feedback from staff") == true)
    }

    @Test("plan dates: expired, ended and too long point at the date that says so")
    func planDates() {
        let findings = TestSupport.lint("---\nperiod: 2018-09 to 2024-08\n---\n# Plan\n",
                                        rules: ["plan-expired", "plan-period-ended", "plan-period-too-long", "plan-dates"])
        // plan-expired supersedes plan-period-ended (one finding, one message).
        #expect(findings.map(\.ruleID) == ["plan-expired", "plan-period-too-long"])
        #expect(findings.allSatisfy { $0.range.start == loc(2, 9) })
        #expect(findings[0].message.contains("1 September 2018"))
        #expect(TestSupport.lint("---\nperiod: 2018-09 to 2024-08\n---\n# Plan\n", rules: ["plan-period-ended"]).map(\.range.start) == [loc(2, 9)])
        #expect(findings[1].message == "The plan's period (September 2018 to August 2024) is longer than 4 years")
    }

    @Test("the publication date, when given, decides whether a plan has expired")
    func publishedDecides() {
        let old = "---\npublished: 2022-10-01\n---\n# Plan 2025-2028\n"
        #expect(TestSupport.lint(old, rules: ["plan-expired"]).map(\.range.start) == [loc(2, 12)])
        let fresh = "---\npublished: 2023-01-10\n---\n# Plan 2020-2024\n"
        #expect(TestSupport.lint(fresh, rules: ["plan-expired"]).isEmpty)
    }

    @Test("a plan without objectives is reported at its title")
    func noObjectives() {
        let findings = TestSupport.lint("Intro\n\n# Our plan 2025-2028\n\nWe value everyone.\n", rules: ["plan-has-objectives"])
        #expect(findings.map(\.range.start) == [loc(3, 3)])
        #expect(TestSupport.lint("", rules: ["plan-has-objectives"]).map(\.range.start) == [loc(1, 1)])
    }

    @Test("measurable and not", arguments: [
        ("Attendance rises from 89% to 93%", true),
        ("Gap closes by 5 percentage points", true),
        ("At least three staff trained", true),
        ("Analysis shared with leaders by December 2023", true),
        ("Achieve 4+ in maths", true),
        ("Positive feedback from pupils", false),
        ("Staff are confident", false),
        ("Pol-Ed is embedded in Year 6", false),
        ("Work across the three schools", false),
        ("All staff to complete training", true),
    ])
    func measurable(criterion: String, measurable: Bool) {
        let findings = TestSupport.lint("## Objective 1\nSuccess criteria: \(criterion)\n", rules: ["criterion-vague"])
        #expect(findings.isEmpty == measurable)
    }

    @Test("initials are reported unless the glossary or vocabulary explains them")
    func initials() {
        let findings = TestSupport.lint("""
            ## Objective 1
            Lead: HP/NO with the SENCo and KH
            ## Glossary
            KH: Key stage 1 lead
            """, rules: ["lead-initials"])
        #expect(findings.map(\.message) == ["The lead uses initials or abbreviations the plan does not explain: \u{201C}HP\u{201D}, \u{201C}NO\u{201D}"])
        #expect(findings.first?.range.start == loc(2, 7))
    }

    @Test("an aim named only in the introduction links no objective")
    func aimInIntroduction() {
        let plan = "We foster good relations.\n\n## Objective 1: Reduce bullying\n## Objective 2: Kindness (Duty: all aims)\n"
        #expect(TestSupport.lint(plan, rules: ["objective-aim"]).map(\.range.start) == [loc(3, 4)])
    }

    @Test("findings come in reading order, and the rule's severity and help go with them")
    func order() {
        let findings = TestSupport.lint("## Objective 1\n## Objective 2\n", rules: ["objective-lead", "objective-aim"])
        #expect(findings.map(\.ruleID) == ["objective-aim", "objective-lead", "objective-aim", "objective-lead"])
        #expect(findings.allSatisfy { $0.severity == .error && !$0.help.isEmpty })
    }
}

extension LinterTests {
    @Test("a known abbreviation may take a plural")
    func pluralAbbreviation() {
        #expect(TestSupport.lint("## Objective 1\nLead: Headteachers, SENCOs and TAs\n", rules: ["lead-initials"]).isEmpty)
    }
}

extension LinterTests {
    @Test("a trust's rule: each aim entry must name one of the aims (mentions on entries)")
    func mentionsOnEntries() throws {
        let rule = """
            {
              id: "aim-entry-known", severity: "warning", summary: "Aim entries name an aim of the duty.",
              scope: "entry", field: "aim", check: "mentions", options: { vocabulary: "aims" },
              message: "\\u201C{text}\\u201D is not an aim of the general duty", help: "Name one of the three aims.",
              source: "Equality Act 2010, s.149(1).", basis: "good-practice",
              examples: { pass: ["## Objective 1\\nAim: Foster good relations"], fail: ["## Objective 1\\nAim: Be kind"] },
            }
            """
        let set = try RuleSet.load(layers: [
            try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path),
            [(path: "trust/aim-entry-known.json5", text: rule)],
        ])
        let linter = Linter(ruleSet: set, today: TestSupport.goldenToday)
        let source = SourceFile(path: "p.md", text: "## Objective 1\nAim: Be kind\nDuty: all aims\n")
        let findings = linter.lint(source, rules: [try #require(set.rule(id: "aim-entry-known"))])
        #expect(findings.map(\.message) == ["\u{201C}Be kind\u{201D} is not an aim of the general duty"])
        #expect(findings.first?.range.start == loc(2, 6))
    }
}
