import EqlintKit
import EqlintText
import Rules
import Testing

/// One finding, one message: a rule that `supersedes` another drops that
/// rule's findings at the same place (issue 13).
@Suite("Supersedes")
struct SupersedesTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 23)

    func rules(_ markdown: String, only ids: [String]? = nil) -> [String] {
        TestSupport.lint(markdown, rules: ids, today: Self.today).map(\.ruleID)
    }

    @Test("an expired plan gets plan-expired, not plan-period-ended too")
    func expiredPlan() {
        let found = rules("---\nperiod: 2021-09 to 2024-08\npublished: 2021-10-01\n---\n# Equality objectives\n")
        #expect(found.contains("plan-expired"))
        #expect(!found.contains("plan-period-ended"))
        // With plan-expired not running, plan-period-ended says it.
        #expect(rules("# Equality objectives 2020-2024\n", only: ["plan-period-ended"]) == ["plan-period-ended"])
    }

    @Test("no measurable criterion: objective-measurable once, no criterion-vague; one vague among measurable ones: criterion-vague")
    func measurable() {
        let allVague = "## Objective 1: Improve attendance\n\n### Success criteria\n\n- Families feel supported\n- Staff are confident\n"
        let found = rules(allVague, only: ["objective-measurable", "criterion-vague"])
        #expect(found == ["objective-measurable"])
        let oneVague = "## Objective 1: Improve attendance\n\n### Success criteria\n\n- Families feel supported\n- Attendance rises from 89% to 93% by July 2027\n"
        #expect(rules(oneVague, only: ["objective-measurable", "criterion-vague"]) == ["criterion-vague"])
        // Another objective's vague criterion is not at the same place.
        let two = allVague + "\n## Objective 2: Reading from 60% to 70% by July 2027\n\n### Success criteria\n\n- Pupils enjoy reading\n"
        let diagnostics = TestSupport.lint(two, rules: ["objective-measurable", "criterion-vague"], today: Self.today)
        #expect(diagnostics.map(\.ruleID) == ["objective-measurable", "criterion-vague"])
        #expect(diagnostics.last?.range.start.line == 12)
    }

    @Test("dates in the wrong order: timescale-order, not evaluation-due")
    func wrongOrder() {
        let plan = "## Objective 1: Improve attendance\n\n**Timescale:** September 2025 to July 2024\n"
        #expect(rules(plan, only: ["timescale-order", "evaluation-due"]) == ["timescale-order"])
        // In another objective, evaluation-due still speaks.
        let other = "## Objective 1: Improve attendance\n\n**Timescale:** September 2023 to July 2024\n\n"
            + "## Objective 2: Reading\n\n**Timescale:** September 2026 to July 2025\n"
        #expect(rules(other, only: ["timescale-order", "evaluation-due"]).sorted() == ["evaluation-due", "timescale-order"])
    }

    @Test("a lead of TBC: placeholder-text, not lead-initials, which leaves placeholders alone; initials beside one are still reported")
    func placeholderLead() {
        #expect(rules("## Objective 1\n\n**Lead:** TBC\n", only: ["placeholder-text", "lead-initials"]) == ["placeholder-text"])
        // No superseding here: a whole lead entry overlapping 'TBC' would hide the unexplained DoL.
        #expect(rules("## Objective 1\n\n**Lead:** TBC, then DoL\n", only: ["placeholder-text", "lead-initials"]).sorted()
            == ["lead-initials", "placeholder-text"])
        let other = "## Objective 1\n\n**Lead:** HP/NO\n\n**Timescale:** TBC\n"
        #expect(rules(other, only: ["placeholder-text", "lead-initials"]).sorted() == ["lead-initials", "placeholder-text"])
    }

    @Test("a role a lead may use (DHT) is not an undefined acronym in the text")
    func roleAbbreviation() {
        let plan = "## Objective 1\n\n**Lead:** DHT\n\nThe DHT and the SENCo report to governors. The XYZ meets.\n"
        let found = TestSupport.lint(plan, rules: ["acronym-undefined", "lead-initials"], today: Self.today)
        #expect(found.map(\.message) == ["\u{201C}XYZ\u{201D} is not spelt out: a parent may not know what it means"])
    }

    @Test("a comment silencing a superseded finding counts as used; silencing the superseding one keeps the other dropped")
    func suppressions() {
        let plan = "<!-- eqlint-disable-file plan-period-ended -- old plan, archived -->\n# Equality objectives 2020-2024\n"
        #expect(rules(plan, only: ["plan-expired", "plan-period-ended", "unused-suppression"]) == ["plan-expired"])
        let silenced = "<!-- eqlint-disable-file plan-expired -- archived -->\n# Equality objectives 2020-2024\n"
        #expect(rules(silenced, only: ["plan-expired", "plan-period-ended", "unused-suppression"]) == [])
    }

    @Test("the same findings whatever order the rules run in")
    func orderIndependent() {
        let plan = "# Equality objectives 2020-2024\n\n## Objective 1: Improve attendance\n\n**Lead:** TBC\n\n"
            + "**Timescale:** September 2025 to July 2024\n\n### Success criteria\n\n- Families feel supported\n"
        let ruleSet = TestSupport.builtInRuleSet
        let linter = Linter(ruleSet: ruleSet, today: Self.today)
        let source = SourceFile(path: "plan.md", text: plan)
        let forward = linter.lint(source, rules: ruleSet.rules.filter(\.enabled))
        let backward = linter.lint(source, rules: ruleSet.rules.filter(\.enabled).reversed())
        #expect(forward == backward)
        #expect(!forward.map(\.ruleID).contains("plan-period-ended"))
        #expect(!forward.map(\.ruleID).contains("evaluation-due"))
        #expect(!forward.map(\.ruleID).contains("lead-initials"))
        #expect(!forward.map(\.ruleID).contains("criterion-vague"))
    }

    @Test("superseded findings keep the others' fingerprints as they were")
    func fingerprints() {
        // Two vague criteria with the same text in two objectives: the first is superseded.
        let plan = "## Objective 1: Improve attendance\n\n### Success criteria\n\n- Families feel supported\n\n"
            + "## Objective 2: Reading from 60% to 70% by July 2027\n\n### Success criteria\n\n- Families feel supported\n"
        let kept = TestSupport.lint(plan, rules: ["objective-measurable", "criterion-vague"], today: Self.today).filter { $0.ruleID == "criterion-vague" }
        let alone = TestSupport.lint(plan, rules: ["criterion-vague"], today: Self.today)
        #expect(kept.count == 1 && alone.count == 2)
        #expect(kept.first?.fingerprint == alone.last?.fingerprint)
    }

    static let vocabulary = "{ vocabulary: \"labels\", terms: { lead: [\"Lead\"] } }"

    func rule(_ id: String, supersedes: String) -> String {
        """
        {
          id: "\(id)",
          severity: "warning",
          summary: "Objectives name a lead.",
          scope: "objective",
          field: "lead",
          check: "present",
          supersedes: \(supersedes),
          message: "{objective} has no lead",
          help: "Add a lead.",
          source: "Good practice.", basis: "good-practice",
          examples: { pass: ["## Objective 1\\nLead: Head"], fail: [["## Objective 1"]] },
        }
        """
    }

    @Test("supersedes is checked when the rules load", arguments: [
        ("[\"lead-b\"]", "[\"lead-c\"]", "b.json5:8:16: 'supersedes' names no rule 'lead-c'; did you mean 'lead-a'?"),
        ("[\"lead-a\"]", "[]", "a.json5:8:16: a rule cannot supersede itself ('lead-a')"),
        ("[\"lead-b\"]", "[\"lead-a\"]", "a.json5:8:16: 'lead-a' supersedes 'lead-b', which (in turn) supersedes 'lead-a': one of them must give way"),
        ("[\"lead-b\", \"lead-b\"]", "[]", "a.json5:8:26: 'lead-b' is named twice in 'supersedes'"),
    ])
    func validation(a: String, b: String, message: String) {
        let result = TestSupport.loadRules([("v.json5", Self.vocabulary), ("a.json5", rule("lead-a", supersedes: a)),
                                            ("b.json5", rule("lead-b", supersedes: b == "[]" ? "[\"lead-a\"]" : b))])
        guard case .failure(let error) = result else {
            Issue.record("loaded; expected \(message)")
            return
        }
        #expect(error.description == message)
    }

    @Test("eqlint explain says what a rule replaces and what it gives way to")
    func explain() throws {
        let set = TestSupport.builtInRuleSet
        let expired = RuleCatalog.explanation(try #require(set.rule(id: "plan-expired")), in: set)
        #expect(expired.contains("Reported instead of:\n  plan-period-ended"))
        let ended = RuleCatalog.explanation(try #require(set.rule(id: "plan-period-ended")), in: set)
        #expect(ended.contains("Gives way to:\n  plan-expired"))
    }
}
