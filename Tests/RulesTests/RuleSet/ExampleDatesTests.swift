import Testing
import EqlintText
@testable import Rules

/// Fix advice gives example dates worked out from the day checked on, so it never suggests a date already past.
@Suite("Example dates in help")
struct ExampleDatesTests {
    @Test("the school year: from August the one about to begin, before it the one under way", arguments: [
        (CalendarDay(year: 2026, month: 7, day: 31), "2025", "2026"),
        (CalendarDay(year: 2026, month: 8, day: 1), "2026", "2027"),
        (CalendarDay(year: 2026, month: 12, day: 2), "2026", "2027"),
        (CalendarDay(year: 2027, month: 1, day: 15), "2026", "2027"),
    ])
    func schoolYear(day: CalendarDay, year: String, next: String) {
        let values = ExampleDates.values(on: day)
        #expect(values["year"] == year)
        #expect(values["year1"] == next)
        #expect(values["today"] == day.description)
    }

    @Test("the day is written as CalendarDay writes it", arguments: [
        CalendarDay(year: 2026, month: 12, day: 2), CalendarDay(year: 987, month: 1, day: 31), CalendarDay(year: 2031, month: 10, day: 9),
        CalendarDay(year: 12345, month: 5, day: 6),
    ])
    func isoText(day: CalendarDay) {
        #expect(ExampleDates.isoText(day) == day.description)
    }

    @Test("every default rule's help is filled in: no example date is left in braces, and none is before the day checked on")
    func defaultHelpFilled() throws {
        for today in [CalendarDay(year: 2026, month: 12, day: 2), CalendarDay(year: 2031, month: 8, day: 20)] {
            let ruleSet = Linter(ruleSet: TestSupport.builtInRuleSet, today: today).ruleSet
            for rule in ruleSet.rules {
                for name in ExampleDates.names { #expect(!rule.help.contains("{\(name)}"), "\(rule.id)") }
                // A month and year written in the advice ('July 2027', '2027-07') is never before this month.
                let years = rule.help.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (2020...2100).contains($0) }
                #expect(years.allSatisfy { $0 >= today.year - 1 }, "\(rule.id): \(rule.help)")
            }
            let publication = try #require(ruleSet.rule(id: "plan-publication"))
            #expect(publication.help.contains("'approved: \(today)'"))
            #expect(publication.help.contains("'review: \(ExampleDates.values(on: today)["year1"]!)-07'"))
        }
    }

    @Test("a finding's note shows the dates of the day checked on")
    func findingHelp() throws {
        let plan = "# Equality objectives\n\n## Objective 1: Pupils feel they belong\n"
        let day = CalendarDay(year: 2028, month: 3, day: 9)
        let findings = TestSupport.lint(plan, rules: ["plan-dates"], today: day)
        let finding = try #require(findings.first)
        #expect(finding.help.contains("'period: 2027-09 to 2030-08' and 'published: 2028-03-09'"))
    }

    @Test("a help using a placeholder that is neither its check's nor a date is refused at its line")
    func unknownPlaceholder() {
        let rule = """
        { id: "x", severity: "info", summary: "s", scope: "plan", check: "has-objectives", message: "m",
          help: "Publish by {yaer1}.", source: "s", basis: "good-practice",
          examples: { pass: ["## Objective 1: A"], fail: ["# Plan"] } }
        """
        guard case .failure(let error) = TestSupport.loadRules([("x.json5", rule)]) else {
            Issue.record("the rule loaded")
            return
        }
        #expect(error.location?.line == 2)
        #expect(error.message.contains("{yaer1}") && error.message.contains("did you mean {year1}?"))
    }
}
