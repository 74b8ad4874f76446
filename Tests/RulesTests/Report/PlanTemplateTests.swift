import EqlintKit
import EqlintText
import Foundation
@testable import Rules
import Testing

/// `eqlint init`'s plan: what it writes on a fixed day, that `check` lists
/// exactly its placeholders, and that filled in as its comments say it passes.
@Suite("A new plan (eqlint init)")
struct PlanTemplateTests {
    static let today = CalendarDay(year: 2026, month: 12, day: 3)
    static var plan: String { PlanTemplate.plan(school: nil, period: nil, today: today) }

    /// What the comments say to write in place of each placeholder.
    static let filledIn = [
        "[Insert school name]": "Brookfield Primary School",
        "[Insert the date the governing board approved this plan]": "3 December 2026",
        "[Insert what the objective will change, for which pupils or staff]": "Improve the attendance of disabled pupils",
        "TODO: one of eliminate discrimination, advance equality of opportunity, foster good relations": "Advance equality of opportunity",
        "[Insert the protected characteristics]": "Disability",
        "[Insert the role of the lead]": "Deputy Headteacher",
        "[Insert the start and end of the work]": "January 2027 to July 2028",
        "[Insert the evidence for this objective]":
            "In the 2025 to 2026 school year, disabled pupils attended 89% of sessions, compared with 95% for other pupils.",
        "[Insert a measure: from a baseline to a target, by a date]": "Attendance of disabled pupils rises from 89% to 94% by July 2028.",
        "[Insert an action]": "Meet the family of every disabled pupil whose attendance is below 90% and agree a support plan",
        "[Insert a role]": "Deputy Headteacher",
        "[Insert a date]": "By March 2027",
        "[Insert a measure]": "100% of these pupils have a support plan agreed by March 2027",
        "[Insert the objective in words a child can understand]":
            "We want every child to be able to come to school every day. We will help children with a disability so that coming to school is easier.",
    ]

    static func findings(_ text: String) -> [Diagnostic] {
        Linter(ruleSet: TestSupport.builtInRuleSet, today: today).lint(SourceFile(path: "plan.md", text: text))
    }

    @Test("the plan for 3 December 2026")
    func golden() {
        assertSnapshot(Self.plan, named: "init-2026-12-03.md")
    }

    @Test("check lists exactly its placeholders, each where it is")
    func placeholders() {
        var expected: [EqlintText.SourceLocation] = []
        var inComment = false
        for (index, line) in Self.plan.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("<!--") { inComment = true }
            if !inComment {
                for marker in ["[Insert", "TODO"] {
                    var rest = line[...]
                    while let found = rest.range(of: marker) {
                        expected.append(loc(index + 1, line.distance(from: line.startIndex, to: found.lowerBound) + 1))
                        rest = rest[found.upperBound...]
                    }
                }
            }
            if line.contains("-->") { inComment = false }
        }
        let findings = Self.findings(Self.plan)
        #expect(findings.allSatisfy { $0.ruleID == "placeholder-text" }, "\(findings.filter { $0.ruleID != "placeholder-text" }.map(\.message))")
        #expect(findings.map(\.range.start).sorted() == expected.sorted())
        #expect(expected.count == Self.filledIn.count + 1, "the school's name is in the front matter and the title")
    }

    @Test("filled in as its comments say, it passes every rule")
    func filled() {
        var text = Self.plan
        for (placeholder, words) in Self.filledIn {
            #expect(text.contains(placeholder), "\(placeholder)")
            text = text.replacingOccurrences(of: placeholder, with: words)
        }
        let findings = Self.findings(text)
        #expect(findings.isEmpty, "\(findings.map { "\($0.range.start) \($0.ruleID): \($0.message)" })")
    }

    @Test("a school and a period given are used; the period defaults to three years from this September")
    func options() {
        let given = PlanTemplate.plan(school: "Brookfield Primary School", period: PlanTemplate.period("2027-30"), today: Self.today)
        #expect(given.contains("school: Brookfield Primary School\nperiod: 2027-09 to 2030-08\n"))
        #expect(given.contains("# Brookfield Primary School Equality Objectives 2027-2030"))
        #expect(PlanTemplate.plan(school: nil, period: nil, today: CalendarDay(year: 2027, month: 8, day: 1)).contains("period: 2027-09 to 2030-08"))
        #expect(PlanTemplate.plan(school: nil, period: nil, today: CalendarDay(year: 2027, month: 7, day: 31)).contains("period: 2026-09 to 2029-08"))
        #expect(PlanTemplate.period("2026-2031") == nil)
        #expect(PlanTemplate.period("2026-2025") == nil)
        #expect(PlanTemplate.period("26-29") == nil)
    }
}
