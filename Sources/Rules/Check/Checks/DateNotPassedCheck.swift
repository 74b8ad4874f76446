import EqlintPlan
import EqlintText

/// `date-not-passed`: a date the plan gives of itself (its `field`: the
/// next review, the equality information's) has not passed, or passed less
/// than `years` years ago.
struct DateNotPassedCheck: PlanCheck {
    static let name = "date-not-passed"
    static let firesWhen = "the plan's date `field` (`review`, `equality-information`, a date key) ended before today, or more than `years` years before it"
    static let needsField = true

    static let years = CheckOption<Int>.count("years", note: "none by default", "how many years after the date it may still stand")
    static let options = [years.info]

    /// The date, and how long it may stand.
    struct Values: Sendable {
        var date: DatedText
        var years: Int
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("date", "the last day the date covers (`31 December 2025` for `Autumn 2025`)") { $0.date.span.end?.spelledOut ?? "" },
         Placeholder("years", "the option `years`") { "\($0.years)" }]
    }

    let years: Int

    init(options: CheckOptions) throws(RuleFileError) {
        years = try options.given(Self.years) ?? 0
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        for field in input.rule.fields {
            guard let date = input.context.plan.date(field.rawValue), let end = date.span.end,
                  end.adding(years: years) < input.context.today else { continue }
            return [CheckFinding(range: date.source.range, values: Values(date: date, years: years))]
        }
        return []
    }
}
